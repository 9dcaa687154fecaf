import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { createHub } from '../../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

// hub.phoneNumbers.findByNumber (and route, which finds first) keeps only the matches while the
// numbers stream by: the heap, measured with a forced collection when the last page is asked for,
// does not hold the 40,000 numbers listed before it.

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const pages = 400;
const perPage = 100;
const wanted = '+14155550000';
const apiKey = 'vapi_memory_key_0123456789';

function numberOnPage(page: number, index: number) {
  const serial = (page - 1) * perPage + index;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    orgId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    provider: 'twilio',
    // The wanted number is the very last one; every other is distinct from it.
    number: page === pages && index === perPage - 1 ? wanted : `+1646${String(serial).padStart(7, '0')}`,
    status: 'active',
    name: `Line ${serial} ${'x'.repeat(200)}`,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
  };
}

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function heapWhileListing(): Promise<{ growth: number; url: string; requests: () => number }> {
  let before = 0;
  let atLastPage = 0;
  server = await startLoopbackServer((request, response, _index, body) => {
    if (request.method === 'PATCH') {
      sendJson(response, 200, { ...numberOnPage(pages, perPage - 1), ...(JSON.parse(body) as object) });
      return;
    }
    const page = Number(new URL(request.url!, 'http://127.0.0.1').searchParams.get('page'));
    if (page === 1 || page === pages) {
      collectGarbage();
      if (page === 1) before = process.memoryUsage().heapUsed;
      else atLastPage = process.memoryUsage().heapUsed;
    }
    const results = Array.from({ length: perPage }, (_, index) => numberOnPage(page, index));
    sendJson(response, 200, { results, metadata: { itemsPerPage: perPage, totalItems: pages * perPage, currentPage: page, totalPages: pages } });
  });
  const url = server.url;
  return {
    get growth() {
      return atLastPage - before;
    },
    url,
    requests: () => server!.requests.length,
  };
}

describe('hub.phoneNumbers.findByNumber over a large account', () => {
  it('holds only the matches while 40,000 numbers stream by', async () => {
    const measured = await heapWhileListing();
    const hub = createHub({ vapi: { apiKey, baseUrl: measured.url } });
    const found = await hub.phoneNumbers.findByNumber(wanted);
    expect(found.errors).toEqual([]);
    expect(found.matches.map((match) => [match.provider, match.id, match.e164])).toEqual([
      ['vapi', numberOnPage(pages, perPage - 1).id, wanted],
    ]);
    expect(measured.requests()).toBe(pages);
    // 40,000 mapped numbers with their wire objects take well over 40 MB; the matches alone, nothing to speak of.
    expect(measured.growth).toBeLessThan(12 * 1024 * 1024);
  }, 60_000);

  it('route finds the number the same way, holding only the match, then routes it', async () => {
    const measured = await heapWhileListing();
    const hub = createHub({ vapi: { apiKey, baseUrl: measured.url } });
    const assistantId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const routed = await hub.phoneNumbers.route(wanted, assistantId);
    expect(routed).toMatchObject({ provider: 'vapi', e164: wanted, agentId: assistantId });
    const patch = server!.requests.at(-1)!;
    expect([patch.method, patch.url, JSON.parse(patch.body)]).toEqual(['PATCH', `/phone-number/${numberOnPage(pages, perPage - 1).id}`, { assistantId }]);
    expect(measured.growth).toBeLessThan(12 * 1024 * 1024);
  }, 60_000);
});
