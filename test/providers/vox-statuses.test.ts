import { describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError, type Page, type PhoneNumber } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';

useMsw();

const numbersUrl = 'https://client-api.tryvox.co/v3/organization-telephone-numbers';
const vox = () => createClient({ provider: 'vox', apiKey: 'vox_test_key_123' });

type Wire = Record<string, unknown>;

function number(status: string, index: number): Wire {
  const template = fixture<{ items: Wire[] }>('vox', 'phone-numbers-page-1').items[0]!;
  return { ...template, id: `${status}-${index}`, number: `0212345${String(index).padStart(3, '0')}`, status };
}

/**
 * vox's numbers list as documented: `status` is one string (default `active`). Like a server that
 * reads it as one value, a repeated `status` keeps its last value, silently. `withoutTotal` lists
 * the statuses whose pages carry no `total_count`.
 */
function serveOneStatusServer(counts: Record<string, number>, withoutTotal: readonly string[] = []) {
  const numbers = Object.fromEntries(Object.entries(counts).map(([status, count]) => [status, Array.from({ length: count }, (_, index) => number(status, index))]));
  server.use(
    http.get(numbersUrl, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const status = query.getAll('status').at(-1) ?? 'active';
      const limit = Number(query.get('limit') ?? 50);
      const offset = Number(query.get('cursor')?.replace(`${status}@`, '') ?? 0);
      const matching = numbers[status] ?? [];
      const next = offset + limit < matching.length ? `${status}@${offset + limit}` : null;
      const total = withoutTotal.includes(status) ? {} : { total_count: matching.length };
      return HttpResponse.json({ items: matching.slice(offset, offset + limit), ...total, next_cursor: next });
    }),
  );
}

async function allPages(listing: PromiseLike<Page<PhoneNumber>> & { pages(): AsyncIterable<Page<PhoneNumber>> }) {
  const pages: Page<PhoneNumber>[] = [];
  for await (const page of listing.pages()) pages.push(page);
  return pages;
}

describe('vox phoneNumbers.list: one status per request', () => {
  it('lists every number in every status when no status is given, each once, with the whole total from the first page', async () => {
    serveOneStatusServer({ active: 3, scheduled: 0, cancel_requested: 2, expired: 1 });
    const pages = await allPages(vox().phoneNumbers.list({ limit: 2 }));

    expect(pages.map((page) => page.items.map((item) => item.id))).toEqual([
      ['active-0', 'active-1'],
      ['active-2'],
      ['cancel_requested-0', 'cancel_requested-1'],
      ['expired-0'],
    ]);
    expect(pages.map((page) => page.totalCount)).toEqual([6, 6, 6, 6]);
    expect(pages.map((page) => page.hasMore)).toEqual([true, true, true, false]);
    const queries = requests.map(queryOf);
    // Every request carries exactly one status: vox's numbers list takes one value.
    expect(queries.every((query) => query.status?.length === 1)).toBe(true);
    // The first page and, concurrently, one item of each other status for the totals.
    expect(queries.slice(0, 4)).toEqual(
      expect.arrayContaining([
        { limit: ['2'], status: ['active'] },
        { limit: ['1'], status: ['scheduled'] },
        { limit: ['1'], status: ['cancel_requested'] },
        { limit: ['1'], status: ['expired'] },
      ]),
    );
    // Then the pages in order; the status known to be empty is not asked again.
    expect(queries.slice(4)).toEqual([
      { limit: ['2'], status: ['active'], cursor: ['active@2'] },
      { limit: ['2'], status: ['cancel_requested'] },
      { limit: ['2'], status: ['expired'] },
    ]);
  });

  it('chains several statuses in one for await, which a one-value server would have answered with one status', async () => {
    serveOneStatusServer({ active: 2, scheduled: 4, cancel_requested: 1, expired: 3 });
    const ids: string[] = [];
    for await (const item of vox().phoneNumbers.list({ status: ['active', 'inactive'], carrier: 'vox', limit: 2 })) ids.push(item.id);

    expect(ids).toEqual(['active-0', 'active-1', 'expired-0', 'expired-1', 'expired-2']);
    const first = await vox().phoneNumbers.list({ status: ['active', 'inactive'], limit: 2 });
    expect(first.totalCount).toBe(5);
    for (const query of requests.map(queryOf)) {
      expect(query.status).toHaveLength(1);
      expect(['active', 'expired']).toContain(query.status![0]);
    }
    expect(requests.map(queryOf).filter((query) => query.provider !== undefined)).toHaveLength(4);
  });

  it('reports no total when a part reports none, and still lists every number', async () => {
    serveOneStatusServer({ active: 1, scheduled: 1, cancel_requested: 1, expired: 1 }, ['scheduled']);
    const pages = await allPages(vox().phoneNumbers.list());
    expect(pages.flatMap((page) => page.items.map((item) => item.status.raw))).toEqual(['active', 'scheduled', 'cancel_requested', 'expired']);
    expect(pages.map((page) => page.totalCount)).toEqual([null, null, null, null]);
  });

  it('loses only the total when a count at the start fails; that status is still listed in its turn', async () => {
    serveOneStatusServer({ active: 1, scheduled: 1, cancel_requested: 1, expired: 1 });
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const query = new URL(request.url).searchParams;
        if (query.get('status') !== 'expired' || query.get('limit') !== '1') return undefined;
        return HttpResponse.json({ error: { code: 'invalid_parameter', message: 'no' } }, { status: 400 });
      }),
    );
    const pages = await allPages(vox().phoneNumbers.list({ limit: 5 }));
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(['active-0', 'scheduled-0', 'cancel_requested-0', 'expired-0']);
    // Unknown until expired's own page reports its count.
    expect(pages.map((page) => page.totalCount)).toEqual([null, null, null, 4]);
  });

  it('goes past a status that turns out empty without an empty page', async () => {
    // The first status is empty: its empty last page is followed at once by the next status's first.
    serveOneStatusServer({ active: 0, scheduled: 2, cancel_requested: 0, expired: 0 });
    const pages = await allPages(vox().phoneNumbers.list());
    expect(pages.map((page) => page.items.map((item) => item.id))).toEqual([['scheduled-0', 'scheduled-1']]);
    expect(pages[0]!).toMatchObject({ totalCount: 2, hasMore: false, nextCursor: null });
  });

  it('continues from a nextCursor passed back with the same filters, and refuses a cursor of no such listing', async () => {
    serveOneStatusServer({ active: 1, scheduled: 2, cancel_requested: 0, expired: 0 });
    const first = await vox().phoneNumbers.list({ limit: 1 });
    expect(first.items.map((item) => item.id)).toEqual(['active-0']);
    const second = await vox().phoneNumbers.list({ limit: 1, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.id)).toEqual(['scheduled-0']);
    expect(second.totalCount).toBe(3);
    const third = await second.nextPage();
    expect(third!.items.map((item) => item.id)).toEqual(['scheduled-1']);
    expect(third!.hasMore).toBe(false);

    requests.length = 0;
    const error = await vox()
      .phoneNumbers.list({ cursor: 'scheduled@1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/^vox: phoneNumbers\.list: cursor "scheduled@1" is not a cursor of this listing/);
    expect(requests).toHaveLength(0);
  });

  it('refuses a chain cursor whose bytes are not UTF-8 or whose fields are off, before any request', async () => {
    serveOneStatusServer({ active: 1, scheduled: 1, cancel_requested: 0, expired: 0 });
    const base64url = (bytes: number[]) => Buffer.from(bytes).toString('base64url');
    const text = (value: unknown) => [...Buffer.from(JSON.stringify(value))];
    const forged = [
      // `[1,"\xff",[1,1,0,0]]`: a part cursor whose byte is not UTF-8 (read loosely, it would be U+FFFD, and valid).
      `chain.${base64url([...Buffer.from('[1,"'), 0xff, ...Buffer.from('",[1,1,0,0]]')])}`,
      `chain.${base64url(text([9, null, [1, 1, 0, 0]]))}`, // a part beyond the four statuses
      `chain.${base64url(text([1, '', [1, 1, 0, 0]]))}`, // an empty part cursor
      `chain.${base64url(text([1, null, [1, 1.5, 0, 0]]))}`, // a total that is not a count
    ];
    requests.length = 0;
    for (const cursor of forged) {
      const error = await vox()
        .phoneNumbers.list({ cursor })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toContain('is not a cursor of this listing');
    }
    expect(requests).toHaveLength(0);
  });

  it('passes back a part cursor beyond ASCII as the platform gave it, through the chain cursor the SDK made', async () => {
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const query = new URL(request.url).searchParams;
        const status = query.get('status');
        if (status !== 'active') return HttpResponse.json({ items: [], total_count: 0, next_cursor: null });
        const second = query.get('cursor') === 'é@1';
        return HttpResponse.json({ items: [number('active', second ? 1 : 0)], total_count: 2, next_cursor: second ? null : 'é@1' });
      }),
    );
    const first = await vox().phoneNumbers.list({ limit: 1 });
    expect(first.nextCursor).toMatch(/^chain\./);
    requests.length = 0;
    const second = await vox().phoneNumbers.list({ limit: 1, cursor: first.nextCursor! });
    expect(queryOf(requests[0]!)).toMatchObject({ status: ['active'], cursor: ['é@1'] });
    expect(second.items.map((item) => item.id)).toEqual(['active-1']);
  });
});
