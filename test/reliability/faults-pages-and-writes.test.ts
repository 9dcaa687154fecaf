import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { APIConnectionError, APIConnectionTimeoutError, createClient, InternalServerError } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { drip, resetBeforeResponse, resetDuringBody, sendJson, useFaultServer, type FaultHandler } from '../helpers/fault-server.js';

const apiKey = 'PAGES_AND_WRITES_SECRET_0123456789';
const serve = useFaultServer();

const pageSize = 10;
const pageCount = 6;

/** vox page `n` (0-based) of `pageCount`: items `n*10` to `n*10+9`, and the cursor of the next page. */
function voxPage(n: number): string {
  const items = Array.from({ length: pageSize }, (_, index) => ({
    id: `pn_${n * pageSize + index}`,
    number: `02${String(n * pageSize + index).padStart(8, '0')}`,
    status: 'active',
  }));
  return JSON.stringify({ items, total_count: pageSize * pageCount, next_cursor: n + 1 < pageCount ? `page_${n + 1}` : null });
}

function pageOf(url: string): number {
  const cursor = new URL(url, 'http://x').searchParams.get('cursor');
  return cursor === null ? 0 : Number(cursor.slice('page_'.length));
}

describe('a list iteration through faults', () => {
  it('gets every item exactly once when pages fail mid-way in every way a network can fail', async () => {
    // The first attempt at pages 1 to 5 fails, each in its own way; the retry succeeds.
    const faults: Record<number, (request: Parameters<FaultHandler>[0], response: ServerResponse, body: string) => void> = {
      1: (request) => resetBeforeResponse(request),
      2: (_request, response) => sendJson(response, 503, { error: { message: 'busy' } }, { 'retry-after-ms': '0' }),
      3: (_request, response, body) => resetDuringBody(response, body, Math.floor(body.length / 2)),
      4: (_request, response, body) => drip(response, body, 50),
      5: (_request, response) => sendJson(response, 429, {}, { 'retry-after-ms': '5' }),
    };
    const attemptsPerPage = new Map<number, number>();
    const { url, arrivals } = await serve((request, response) => {
      const page = pageOf(request.url!);
      const attempt = (attemptsPerPage.get(page) ?? 0) + 1;
      attemptsPerPage.set(page, attempt);
      const body = voxPage(page);
      const fault = faults[page];
      if (fault && attempt === 1) fault(request, response, body);
      else {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      }
    });
    const client = createClient({ provider: 'vox', apiKey, baseUrl: url, timeoutMs: 300, maxRetries: 2 });

    const ids: string[] = [];
    for await (const number of client.phoneNumbers.list({ limit: pageSize, status: 'active' })) ids.push(number.id);

    expect(ids).toEqual(Array.from({ length: pageSize * pageCount }, (_, index) => `pn_${index}`));
    expect(new Set(ids).size).toBe(pageSize * pageCount);
    expect(arrivals).toHaveLength(pageCount + Object.keys(faults).length);
    expect(arrivals.map((arrival) => pageOf(arrival.url))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // Every attempt carried every filter.
    for (const arrival of arrivals) expect(arrival.url).toContain(`limit=${pageSize}&`);
    for (const arrival of arrivals) expect(arrival.url).toContain('status=active');
  });

  it('stops with the fault of a page that fails on every attempt, after yielding the pages before it', async () => {
    const { url, arrivals } = await serve((request, response) => {
      const page = pageOf(request.url!);
      if (page === 2) resetBeforeResponse(request);
      else sendJson(response, 200, JSON.parse(voxPage(page)));
    });
    const client = createClient({ provider: 'vox', apiKey, baseUrl: url, maxRetries: 1 });
    const ids: string[] = [];
    const error = await (async () => {
      for await (const number of client.phoneNumbers.list({ limit: pageSize, status: 'active' })) ids.push(number.id);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(ids).toHaveLength(2 * pageSize);
    expect(arrivals.map((arrival) => pageOf(arrival.url))).toEqual([0, 1, 2, 2]);
  });
});

describe('a create is sent exactly once', () => {
  const input = { number: '+14155550101', agentId: 'agt_support', label: 'Support line' };
  const client = (url: string) =>
    createClient({ provider: 'numbers-assignment', apiKey, baseUrl: url, maxRetries: 3, timeoutMs: 200 });

  it('is not retried after a 503, even with Retry-After', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 503, {}, { 'retry-after-ms': '0' }));
    const error = await client(url)
      .phoneNumbers.create(input)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).not.toContain('attempts');
    expect(arrivals.map((arrival) => [arrival.method, arrival.url, JSON.parse(arrival.body)])).toEqual([
      ['POST', '/numbers', { phoneNumber: '+14155550101', agentId: 'agt_support', friendlyName: 'Support line' }],
    ]);
  });

  it('is not retried after a connection reset', async () => {
    const { url, arrivals } = await serve((request) => resetBeforeResponse(request));
    await expect(client(url).phoneNumbers.create(input)).rejects.toThrow(APIConnectionError);
    expect(arrivals).toHaveLength(1);
  });

  it('is not retried after a reset in the middle of the answer', async () => {
    const created = JSON.stringify(fixture('numbers-assignment', 'phone-number'));
    const { url, arrivals } = await serve((_request, response) => resetDuringBody(response, created, 10));
    await expect(client(url).phoneNumbers.create(input)).rejects.toThrow(APIConnectionError);
    expect(arrivals).toHaveLength(1);
  });

  it('is not retried after a timeout', async () => {
    const { url, arrivals } = await serve(() => {
      /* never answers */
    });
    await expect(client(url).phoneNumbers.create(input)).rejects.toThrow(APIConnectionTimeoutError);
    expect(arrivals).toHaveLength(1);
  });

  it('while an update (PUT) is retried after the same 503, with the same body', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0
        ? sendJson(response, 503, {}, { 'retry-after-ms': '0' })
        : sendJson(response, 200, fixture('numbers-assignment', 'phone-number')),
    );
    const updated = await client(url).phoneNumbers.update('pn_01HV7K2Q9M', { label: 'Support line' });
    expect(updated.label).toBe('Support line');
    expect(arrivals.map((arrival) => [arrival.method, arrival.body])).toEqual([
      ['PUT', '{"friendlyName":"Support line"}'],
      ['PUT', '{"friendlyName":"Support line"}'],
    ]);
  });
});
