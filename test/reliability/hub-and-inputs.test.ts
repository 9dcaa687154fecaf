import { describe, expect, it } from 'vitest';
import { createClient, createHub, InvalidRequestError } from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';

const apiKey = 'HUB_AND_INPUTS_SECRET_0123456789';
const serve = useFaultServer();

describe('leaving a hub listing early', () => {
  it('aborts the page another platform still has in flight, at once', async () => {
    const { url: voxUrl } = await serve((_request, response) =>
      sendJson(response, 200, { items: [{ id: 'pn_1', number: '0212345678', status: 'active' }], next_cursor: null }),
    );
    let closedAt = Number.POSITIVE_INFINITY;
    const { url: slowUrl, arrivals } = await serve((_request, response) => {
      // Never answers: only the client going away ends this request.
      response.on('close', () => (closedAt = performance.now()));
    });
    const hub = createHub({
      vox: { apiKey, baseUrl: voxUrl },
      'numbers-assignment': { apiKey, baseUrl: slowUrl, timeoutMs: 10_000 },
    });
    let brokeAt = 0;
    for await (const number of hub.phoneNumbers.list()) {
      expect(number.id).toBe('pn_1');
      await expect.poll(() => arrivals.length, { timeout: 2000 }).toBe(1);
      brokeAt = performance.now();
      break;
    }
    await expect.poll(() => closedAt, { timeout: 2000 }).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(closedAt - brokeAt).toBeLessThan(1000);
  });

  it('takes findByNumber options of null as none', async () => {
    const { url } = await serve((_request, response) =>
      sendJson(response, 200, { items: [{ id: 'pn_1', number: '+821012345678', status: 'active' }], next_cursor: null }),
    );
    const hub = createHub({ vox: { apiKey, baseUrl: url } });
    const found = await hub.phoneNumbers.findByNumber('+82 10-1234-5678', null as never);
    expect(found.matches.map((match) => match.id)).toEqual(['pn_1']);
  });
});

describe('an id or cursor with a lone surrogate', () => {
  const lone = 'pn_\uD800';
  const client = (url: string) => createClient({ provider: 'numbers-assignment', apiKey, baseUrl: url });
  const calls: [string, (url: string) => Promise<unknown>][] = [
    ['get', (url) => client(url).phoneNumbers.get(lone)],
    ['update', (url) => client(url).phoneNumbers.update(lone, { label: 'x' })],
    ['delete', (url) => client(url).phoneNumbers.delete(lone)],
    ['listByAgent', (url) => client(url).phoneNumbers.listByAgent('\uDC00agent')],
    ['list with a cursor', (url) => createClient({ provider: 'vox', apiKey, baseUrl: url }).phoneNumbers.list({ cursor: `c_${'\uD800'}` })],
  ];

  it.each(calls)('%s is an InvalidRequestError, nothing sent', async (_name, call) => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 200, {}));
    const error = await call(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain('lone UTF-16 surrogate');
    expect(arrivals).toHaveLength(0);
  });
});
