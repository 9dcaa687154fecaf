import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { AuthenticationError, createHub, HubError, type Agent, type Call, type ProviderId } from '../../src/index.js';
import { http, HttpResponse, requests, server, useMsw } from '../helpers/msw.js';
import type { WireCall } from './listing-platforms.js';

// hub.calls.list and hub.agents.list over platforms that list calls and agents: two fake platforms
// (alpha and beta) defined through the public provider contract and served by msw, and a third
// (gamma) that offers neither, which the hub skips. The registry is the real one plus these three.

vi.mock('../../src/providers/registry.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/providers/registry.js')>();
  const { gamma, listingPlatform } = await import('./listing-platforms.js');
  return { providers: { ...original.providers, alpha: listingPlatform('alpha'), beta: listingPlatform('beta'), gamma } };
});

useMsw();

const at = (minute: number) => `2025-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const wire = (id: string, started: number | null, created: number): WireCall => ({ id, started: started === null ? null : at(started), created: at(created) });

/** Serves `pages` of one platform's `path`, page after page by cursor; a failing platform answers 401. */
function serve(platform: string, path: string, pages: WireCall[][], failing = false) {
  server.use(
    http.get(`https://${platform}.test/${path}`, ({ request }) => {
      if (failing) return HttpResponse.json({ message: 'bad key' }, { status: 401 });
      const index = Number(new URL(request.url).searchParams.get('cursor') ?? '0');
      return HttpResponse.json({ items: pages[index], next: index + 1 < pages.length ? String(index + 1) : null });
    }),
  );
}

// Each platform's calls newest first, as the platforms list them; beta's c-b2 has no start, only its creation time.
const alphaCalls = [[wire('a1', 50, 49), wire('a2', 40, 39)], [wire('a3', 20, 19), wire('a4', 5, 4)]];
const betaCalls = [[wire('b1', 45, 44), wire('b2', null, 30)], [wire('b3', 25, 24)], [wire('b4', 1, 0)]];

const platforms = { alpha: { apiKey: 'alpha_key' }, beta: { apiKey: 'beta_key' }, gamma: { apiKey: 'gamma_key' } } as never;

describe('hub.calls.list', () => {
  it("gives every platform's calls newest first (startedAt, else createdAt), each tagged with its provider", async () => {
    serve('alpha', 'calls', alphaCalls);
    serve('beta', 'calls', betaCalls);
    const hub = createHub(platforms);
    const calls: Call<ProviderId>[] = [];
    for await (const call of hub.calls.list()) calls.push(call);
    expect(calls.map((call) => `${call.provider}:${call.id}`)).toEqual([
      'alpha:a1', 'beta:b1', 'alpha:a2', 'beta:b2', 'beta:b3', 'alpha:a3', 'alpha:a4', 'beta:b4',
    ]);
    // gamma offers no calls.list: skipped, never asked.
    expect(requests.every((request) => !request.url.includes('gamma'))).toBe(true);
    expect(requests.filter((request) => request.url.startsWith('https://alpha.test/calls'))).toHaveLength(2);
    expect(requests.filter((request) => request.url.startsWith('https://beta.test/calls'))).toHaveLength(3);
  });

  it('holds one page per platform: the first call is given once each platform answered its first page', async () => {
    serve('alpha', 'calls', alphaCalls);
    serve('beta', 'calls', betaCalls);
    const iterator = createHub(platforms).calls.list()[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ provider: 'alpha', id: 'a1' });
    expect(requests.map((request) => new URL(request.url).host).sort()).toEqual(['alpha.test', 'beta.test']);
    // a1, b1, a2: alpha's first page is used up, and its second is not asked until the next call is wanted.
    await iterator.next();
    await iterator.next();
    expect(requests).toHaveLength(2);
    // b2 can only be told newest once alpha's next call (a3) is known: alpha's second page, and only it.
    expect((await iterator.next()).value).toMatchObject({ provider: 'beta', id: 'b2' });
    expect(requests.map((request) => request.url)).toEqual([expect.any(String), expect.any(String), 'https://alpha.test/calls?cursor=1']);
    await iterator.return?.();
  });

  it('reports a failing platform and lists the others: a HubError after every call, or { items, errors }', async () => {
    serve('alpha', 'calls', alphaCalls);
    serve('beta', 'calls', betaCalls, true);
    const hub = createHub(platforms);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const call of hub.calls.list()) seen.push(call.id);
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).failures.map((failure) => failure.provider)).toEqual(['beta']);
    expect((error as HubError).failures[0]!.error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/^1 of 2 platforms failed: beta \(AuthenticationError: /);

    const { items, errors } = await hub.calls.listAll();
    expect(items.map((call) => call.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(errors.map((failure) => failure.provider)).toEqual(['beta']);
  });

  it('stops each platform at maxItemsPerPlatform, still newest first', async () => {
    serve('alpha', 'calls', alphaCalls);
    serve('beta', 'calls', betaCalls);
    const { items } = await createHub(platforms).calls.listAll({ maxItemsPerPlatform: 2 });
    expect(items.map((call) => call.id)).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(requests).toHaveLength(2);
  });

  it('is typed: calls and agents of any provider', () => {
    const hub = createHub(platforms);
    expectTypeOf(hub.calls.listAll).returns.resolves.toHaveProperty('items').toEqualTypeOf<Call<ProviderId>[]>();
    expectTypeOf(hub.agents.listAll).returns.resolves.toHaveProperty('items').toEqualTypeOf<Agent<ProviderId>[]>();
  });
});

describe('hub.agents.list', () => {
  it('lists every agent of the platforms that list agents, tagged with its provider', async () => {
    serve('alpha', 'agents', [[wire('ag1', null, 1)], [wire('ag2', null, 2)]]);
    serve('beta', 'agents', [[wire('bg1', null, 3)]]);
    const { items, errors } = await createHub(platforms).agents.listAll();
    expect(errors).toEqual([]);
    expect(items.map((agent) => `${agent.provider}:${agent.id}`).sort()).toEqual(['alpha:ag1', 'alpha:ag2', 'beta:bg1']);
  });
});
