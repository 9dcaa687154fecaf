import { describe, expect, it } from 'vitest';
import { createClient, ResponseValidationError } from '../../src/index.js';
import { maxEmptyPagesInARow } from '../../src/core/pages/loop-guard.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';

const apiKey = 'ENDLESS_PAGES_SECRET_0123456789';
const serve = useFaultServer();

/** Iterates every item until the listing ends or throws; returns what it yielded and what it threw. */
async function drain(iterable: AsyncIterable<{ id: string }>): Promise<{ ids: string[]; error: unknown }> {
  const ids: string[] = [];
  try {
    for await (const item of iterable) ids.push(item.id);
    return { ids, error: undefined };
  } catch (error) {
    return { ids, error };
  }
}

describe('a listing that would never end', () => {
  it('stops a run of empty pages with fresh cursors (vox)', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      sendJson(response, 200, { items: [], total_count: null, next_cursor: `fresh_${index + 1}` }),
    );
    const client = createClient({ provider: 'vox', apiKey, baseUrl: url });
    // One status: one listing, so every request is a page of it.
    const { ids, error } = await drain(client.phoneNumbers.list({ status: 'active' }));
    expect(ids).toEqual([]);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain(`sent ${maxEmptyPagesInARow} empty pages in a row`);
    expect(arrivals).toHaveLength(maxEmptyPagesInARow);
  });

  it('stops a Vapi status filter that the SDK applies after maxEmptyPagesInARow pages that hold no match', async () => {
    // Every page holds 100 active numbers and claims a next page: a status filter for blocked
    // numbers keeps none of them, so the caller's loop never gets an item to break on.
    const { url, arrivals } = await serve((request, response) => {
      const page = Number(new URL(request.url!, 'http://x').searchParams.get('page'));
      const results = Array.from({ length: 100 }, (_, index) => ({
        id: `pn_${page}_${index}`,
        orgId: 'org',
        provider: 'twilio',
        number: `+1415555${String(index).padStart(4, '0')}`,
        status: 'active',
        createdAt: '2025-03-01T10:00:00.000Z',
        updatedAt: '2025-03-01T10:00:00.000Z',
      }));
      sendJson(response, 200, { results, metadata: { itemsPerPage: 100, currentPage: page, hasNextPage: true } });
    });
    const client = createClient({ provider: 'vapi', apiKey, baseUrl: url });
    const { ids, error } = await drain(client.phoneNumbers.list({ status: 'inactive', limit: 100 }));
    expect(ids).toEqual([]);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain(`vapi: ${maxEmptyPagesInARow} pages in a row held no item for the loop`);
    expect((error as Error).message).toContain(`left out all ${maxEmptyPagesInARow * 100} received`);
    expect(arrivals).toHaveLength(maxEmptyPagesInARow);
  });

  it('reads on through a few empty pages that lead to items', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index < 3
        ? sendJson(response, 200, { items: [], next_cursor: `c${index + 1}` })
        : sendJson(response, 200, { items: [{ id: 'pn_1', number: '0212345678', status: 'active' }], next_cursor: null }),
    );
    const { ids, error } = await drain(createClient({ provider: 'vox', apiKey, baseUrl: url }).phoneNumbers.list({ status: 'active' }));
    expect(error).toBeUndefined();
    expect(ids).toEqual(['pn_1']);
    expect(arrivals).toHaveLength(4);
  });

  it('stops numbers-assignment pages that claim 1e15 pages and hold nothing', async () => {
    const { url, arrivals } = await serve((request, response) => {
      const page = Number(new URL(request.url!, url).searchParams.get('page'));
      sendJson(response, 200, { data: [], pagination: { page, limit: 50, total: 0, totalPages: 1e15 } });
    });
    const client = createClient({ provider: 'numbers-assignment', apiKey, baseUrl: url });
    const { error } = await drain(client.phoneNumbers.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(arrivals).toHaveLength(maxEmptyPagesInARow);
  });

  it('stops a bare-array server that ignores the page asked for, after the items of its first answer', async () => {
    const items = [
      { id: 'pn_1', phoneNumber: '+14155550101', status: 'active' },
      { id: 'pn_2', phoneNumber: '+14155550102', status: 'active' },
    ];
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 200, items));
    const client = createClient({ provider: 'numbers-assignment', apiKey, baseUrl: url });
    const { ids, error } = await drain(client.phoneNumbers.list({ limit: 2 }));
    expect(ids).toEqual(['pn_1', 'pn_2']);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('sent the same page twice in a row (the same 2 items)');
    expect(arrivals.map((arrival) => new URL(arrival.url, url).searchParams.get('page'))).toEqual(['1', '2']);
  });

  it('stops the same way with prefetch, yielding the first copy only', async () => {
    const items = [{ id: 'pn_1', phoneNumber: '+14155550101', status: 'active' }];
    const { url } = await serve((_request, response) => sendJson(response, 200, items));
    const client = createClient({ provider: 'numbers-assignment', apiKey, baseUrl: url });
    const { ids, error } = await drain(client.phoneNumbers.list({ limit: 1 }, { prefetch: 3 }));
    expect(ids).toEqual(['pn_1']);
    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});
