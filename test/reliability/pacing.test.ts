import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { APIUserAbortError, createClient, InvalidRequestError } from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';

const apiKey = 'PACING_SECRET_KEY_0123456789';
const campaign = { id: 'cmp_1', name: 'Renewals', status: 'ongoing' };
const serve = useFaultServer();

type Options = { requestsPerSecond?: number; maxConcurrentRequests?: number; maxRetries?: number };
const vox = (url: string, options: Options = {}) => createClient({ provider: 'vox', apiKey, baseUrl: url, ...options });

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('requestsPerSecond', () => {
  it('spaces 25 requests at 10 per second over at least 2.4 s, measured where they arrive', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 200, campaign));
    const client = vox(url, { requestsPerSecond: 10 });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 25 }, () => client.campaigns.get('cmp_1')));
    expect(results).toHaveLength(25);
    expect(arrivals).toHaveLength(25);
    // The first starts at once, each of the other 24 at least 100 ms after the one before.
    expect(arrivals[24]!.at - started).toBeGreaterThanOrEqual(2400);
  });

  it('paces retries too', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index < 2 ? sendJson(response, 503, {}, { 'retry-after-ms': '0' }) : sendJson(response, 200, campaign),
    );
    const started = performance.now();
    await vox(url, { requestsPerSecond: 10 }).campaigns.get('cmp_1');
    expect(arrivals).toHaveLength(3);
    expect(arrivals[2]!.at - started).toBeGreaterThanOrEqual(200);
  });

  it('after a 429, holds every request of the client for the wait asked, then runs slower', async () => {
    let limitedAt = 0;
    const { url, arrivals } = await serve((_request, response, index) => {
      if (index === 2) {
        limitedAt = performance.now();
        sendJson(response, 429, {}, { 'retry-after-ms': '300' });
      } else sendJson(response, 200, campaign);
    });
    // One at a time, so that no request can have started before the 429 came back.
    const client = vox(url, { requestsPerSecond: 20, maxConcurrentRequests: 1 });
    await Promise.all(Array.from({ length: 8 }, () => client.campaigns.get('cmp_1')));
    expect(arrivals).toHaveLength(9);
    const after = arrivals.slice(3);
    for (const arrival of after) expect(arrival.at - limitedAt).toBeGreaterThanOrEqual(300);
    // At 20 per second requests start 50 ms apart; right after the 429 the rate is halved (100 ms
    // apart). The bound sits between the two, leaving room for the time a request takes to arrive.
    expect(after[1]!.at - after[0]!.at).toBeGreaterThanOrEqual(75);
  });
});

describe('maxConcurrentRequests', () => {
  const slow = (response: ServerResponse, status = 200) => setTimeout(() => sendJson(response, status, campaign), 30);

  it('never has more requests in flight than allowed, retries included', async () => {
    const seen = new Set<string>();
    const server = await serve((request, response) => {
      // The first attempt of every other request fails, so that retries queue up too.
      const firstAttempt = !seen.has(request.url!);
      seen.add(request.url!);
      if (firstAttempt && request.url!.endsWith('-odd')) sendJson(response, 503, {}, { 'retry-after-ms': '0' });
      else slow(response);
    });
    const client = vox(server.url, { maxConcurrentRequests: 3 });
    await Promise.all(Array.from({ length: 20 }, (_, n) => client.campaigns.get(`cmp_${n}-${n % 2 ? 'odd' : 'even'}`)));
    expect(server.arrivals).toHaveLength(30);
    expect(server.maxInFlight).toBe(3);
  });

  it('is unlimited by default', async () => {
    const server = await serve((_request, response) => slow(response));
    const client = vox(server.url);
    await Promise.all(Array.from({ length: 8 }, () => client.campaigns.get('cmp_1')));
    expect(server.maxInFlight).toBeGreaterThan(3);
  });

  it('lets an aborted waiting request leave the queue: it rejects at once, is never sent, and the next one moves up', async () => {
    const held: ServerResponse[] = [];
    const { url, arrivals } = await serve((_request, response) => held.push(response));
    const client = vox(url, { maxConcurrentRequests: 1 });
    const first = client.campaigns.get('first');
    const controller = new AbortController();
    const aborted = client.campaigns.get('aborted', { signal: controller.signal }).catch((caught: unknown) => caught);
    const third = client.campaigns.get('third');
    await expect.poll(() => arrivals.length).toBe(1);

    controller.abort();
    const error = await aborted;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(arrivals).toHaveLength(1);

    sendJson(held[0]!, 200, campaign);
    await first;
    await expect.poll(() => arrivals.length).toBe(2);
    sendJson(held[1]!, 200, campaign);
    await third;
    expect(arrivals.map((arrival) => arrival.url)).toEqual(['/v3/campaigns/first', '/v3/campaigns/third']);
  });

  it('frees the place of a request aborted in flight', async () => {
    const held: ServerResponse[] = [];
    const { url, arrivals } = await serve((_request, response) => held.push(response));
    const client = vox(url, { maxConcurrentRequests: 1 });
    const controller = new AbortController();
    const first = client.campaigns.get('first', { signal: controller.signal }).catch((caught: unknown) => caught);
    const second = client.campaigns.get('second');
    await expect.poll(() => arrivals.length).toBe(1);
    controller.abort();
    expect(await first).toBeInstanceOf(APIUserAbortError);
    await expect.poll(() => arrivals.length).toBe(2);
    sendJson(held[1]!, 200, campaign);
    await expect(second).resolves.toMatchObject({ id: 'cmp_1' });
  });
});

describe('an aborted request waiting for its rate slot', () => {
  it('rejects with APIUserAbortError and is never sent', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 200, campaign));
    const client = vox(url, { requestsPerSecond: 1 });
    await client.campaigns.get('first');
    const controller = new AbortController();
    const waiting = client.campaigns.get('waiting', { signal: controller.signal }).catch((caught: unknown) => caught);
    await later(50);
    controller.abort();
    expect(await waiting).toBeInstanceOf(APIUserAbortError);
    await later(1100);
    expect(arrivals.map((arrival) => arrival.url)).toEqual(['/v3/campaigns/first']);
  });
});

describe('pacing options', () => {
  it.each([
    ['requestsPerSecond', 0],
    ['requestsPerSecond', -1],
    ['requestsPerSecond', Number.POSITIVE_INFINITY],
    ['requestsPerSecond', '5'],
    ['maxConcurrentRequests', 0],
    ['maxConcurrentRequests', 1.5],
    ['maxConcurrentRequests', '2'],
  ])('refuses %s = %o at createClient', (name, value) => {
    expect(() => createClient({ provider: 'vox', apiKey, [name]: value } as never)).toThrow(InvalidRequestError);
  });

  it('says what a valid value looks like', () => {
    expect(() => createClient({ provider: 'vox', apiKey, requestsPerSecond: 0 })).toThrow(
      'vox: requestsPerSecond must be a positive number such as 5 or 0.5 (got 0).',
    );
    expect(() => createClient({ provider: 'vox', apiKey, maxConcurrentRequests: 0 })).toThrow(
      'vox: maxConcurrentRequests must be a whole number of 1 or more (got 0).',
    );
  });
});
