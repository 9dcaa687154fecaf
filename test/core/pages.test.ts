import { describe, expect, it } from 'vitest';
import type { ProviderDefinition } from '../../src/core/contract/provider-contract.js';
import { buildClient } from '../../src/core/client/assemble-client.js';
import type { PageData } from '../../src/core/pages/page.js';
import { InvalidRequestError, ResponseValidationError, VoiceplaneError } from '../../src/index.js';

interface Item {
  id: number;
}

/** A provider with no wire at all: its list answers from a script of pages, recording every call. */
function scriptedClient(script: Record<string, PageData<Item> | Error>, delayMs = 0) {
  const calls: { cursor: string | null; params: Record<string, unknown>; aborted: () => boolean }[] = [];
  const definition: ProviderDefinition<'scripted'> = {
    specificationVersion: 1,
    id: 'scripted',
    defaultBaseUrl: 'https://scripted.invalid',
    environmentPrefix: 'SCRIPTED',
    listFilters: { 'phoneNumbers.list': ['color'] },
    authHeaders: () => ({}),
    errorDetail: () => null,
    operations: () => ({
      phoneNumbers: {
        list: async (params, cursor, request) => {
          calls.push({ cursor, params, aborted: () => request.signal?.aborted ?? false });
          if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
          const step = script[cursor ?? 'first'];
          if (step === undefined) throw new Error(`no page scripted for ${cursor}`);
          if (step instanceof Error) throw step;
          return step as never;
        },
      },
      campaigns: {},
    }),
  };
  return { client: buildClient(definition, { apiKey: 'unused' }), calls };
}

const page = (ids: number[], nextCursor: string | null, totalCount: number | null = null): PageData<Item> => ({
  items: ids.map((id) => ({ id })),
  nextCursor,
  totalCount,
});

/** The scripted items travel through the client typed as phone numbers; read them back as what they are. */
const idOf = (item: unknown) => (item as Item).id;

async function collect(iterable: AsyncIterable<unknown>): Promise<number[]> {
  const seen: number[] = [];
  for await (const item of iterable) seen.push(idOf(item));
  return seen;
}

describe('PagePromise', () => {
  it('requests nothing until awaited or iterated', async () => {
    const { client, calls } = scriptedClient({ first: page([1], null) });
    const pending = client.phoneNumbers.list();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toHaveLength(0);
    const first = await pending;
    expect(first.items).toEqual([{ id: 1 }]);
    expect(calls).toHaveLength(1);
  });

  it('awaits to the first page and iterates every item of every page, filters carried forward', async () => {
    const { client, calls } = scriptedClient({
      first: page([1, 2], 'c2', 5),
      c2: page([3, 4], 'c3', 5),
      c3: page([5], null, 5),
    });
    const first = await client.phoneNumbers.list({ color: 'blue', limit: 2 } as never);
    expect(first.items.map(idOf)).toEqual([1, 2]);
    expect(first.totalCount).toBe(5);
    expect(await collect(client.phoneNumbers.list({ color: 'blue', limit: 2 } as never))).toEqual([1, 2, 3, 4, 5]);
    expect(calls.slice(1).map((call) => [call.cursor, call.params])).toEqual([
      [null, { color: 'blue', limit: 2 }],
      ['c2', { color: 'blue', limit: 2 }],
      ['c3', { color: 'blue', limit: 2 }],
    ]);
  });

  it('iterating a page yields its items and then the following pages', async () => {
    const { client } = scriptedClient({ first: page([1], 'c2'), c2: page([2], null) });
    const first = await client.phoneNumbers.list();
    expect(await collect(first)).toEqual([1, 2]);
    const second = await first.nextPage();
    expect(second?.items).toEqual([{ id: 2 }]);
    expect(second?.hasMore).toBe(false);
    expect(await second?.nextPage()).toBeNull();
  });

  it('pages() yields every page', async () => {
    const { client } = scriptedClient({ first: page([1, 2], 'c2'), c2: page([], 'c3'), c3: page([3], null) });
    const sizes: number[] = [];
    for await (const each of client.phoneNumbers.list().pages()) sizes.push(each.items.length);
    expect(sizes).toEqual([2, 0, 1]);
  });

  it('goes on past an empty page that still has a cursor', async () => {
    const { client } = scriptedClient({ first: page([], 'c2'), c2: page([], 'c3'), c3: page([7], null) });
    expect(await collect(client.phoneNumbers.list())).toEqual([7]);
  });

  it('stops with ResponseValidationError when a cursor repeats, after yielding what came before', async () => {
    const { client, calls } = scriptedClient({ first: page([1], 'c2'), c2: page([2], 'c3'), c3: page([3], 'c2') });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of client.phoneNumbers.list()) seen.push(idOf(item));
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('sent the cursor "c2" a second time');
    expect(seen).toEqual([1, 2]);
    expect(calls).toHaveLength(3);
  });

  it('stops when a page points at itself', async () => {
    const { client } = scriptedClient({ first: page([1], 'c2'), c2: page([2], 'c2') });
    await expect(collect(client.phoneNumbers.list())).rejects.toThrow(ResponseValidationError);
  });

  it('lets a caller fetch the same next page twice without calling it a loop', async () => {
    const { client } = scriptedClient({ first: page([1], 'c2'), c2: page([2], 'c3'), c3: page([3], null) });
    const first = await client.phoneNumbers.list();
    const second = await first.nextPage();
    await second!.nextPage();
    const again = await first.nextPage();
    expect(again?.items).toEqual([{ id: 2 }]);
  });

  it('raises a page error where that page would have been', async () => {
    const failure = new VoiceplaneError('page two failed');
    const { client } = scriptedClient({ first: page([1], 'c2'), c2: failure });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of client.phoneNumbers.list()) seen.push(idOf(item));
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual([1]);
  });

  it('refuses bad parameters and request options as a rejection, before any call', async () => {
    const { client, calls } = scriptedClient({ first: page([1], null) });
    await expect(client.phoneNumbers.list({ shape: 'round' } as never)).rejects.toThrow(
      'does not take the parameter "shape"; it takes limit, cursor, status, color.',
    );
    await expect(client.phoneNumbers.list({}, { prefetch: -1 })).rejects.toThrow(InvalidRequestError);
    await expect(client.phoneNumbers.list({}, { retries: 1 } as never)).rejects.toThrow('unknown request option "retries"');
    expect(calls).toHaveLength(0);
  });
});

describe('prefetch', () => {
  const script = () => {
    const steps: Record<string, PageData<Item>> = {};
    for (let index = 0; index < 10; index++) {
      steps[index === 0 ? 'first' : `c${index}`] = page([index * 2, index * 2 + 1], index < 9 ? `c${index + 1}` : null);
    }
    return steps;
  };

  it('keeps order and yields every item with pages fetched ahead', async () => {
    const { client } = scriptedClient(script(), 5);
    const ids = await collect(client.phoneNumbers.list({}, { prefetch: 3 }));
    expect(ids).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('fetches the following pages while the consumer still works on the current one', async () => {
    const fetchedDuringWork = async (prefetch: number) => {
      const { client, calls } = scriptedClient(script(), 1);
      const counts: number[] = [];
      let index = 0;
      for await (const _page of client.phoneNumbers.list({}, { prefetch }).pages()) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        counts.push(calls.length - (index + 1));
        index++;
      }
      return counts;
    };
    // Without prefetch no page beyond the current one has been asked for while the consumer works.
    expect(await fetchedDuringWork(0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // With prefetch 2, two pages are already requested (fewer at the end of the list).
    expect(await fetchedDuringWork(2)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 1, 0]);
  });

  it('raises the first error in order and cancels what is in flight when the loop ends early', async () => {
    const steps = script();
    const { client, calls } = scriptedClient(steps, 20);
    for await (const item of client.phoneNumbers.list({}, { prefetch: 2 })) {
      if (idOf(item) === 2) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls.some((call) => call.aborted())).toBe(true);

    const failing = { ...steps, c3: new VoiceplaneError('page four failed') };
    const second = scriptedClient(failing as never, 5);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of second.client.phoneNumbers.list({}, { prefetch: 4 })) seen.push(idOf(item));
      })(),
    ).rejects.toThrow('page four failed');
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
