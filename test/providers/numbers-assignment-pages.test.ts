import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import {
  assignment,
  base,
  client,
  failureOf,
  key,
  numbersUrl,
  pathOf,
  provider,
  serveEnvelopedPages,
  type Raw,
} from '../helpers/numbers-assignment.js';

useMsw();

describe('numbers-assignment pages', () => {
  it('walks bare-array pages: a full page means another one, a short page is the last', async () => {
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const page = new URL(request.url).searchParams.get('page');
        return HttpResponse.json(fixture(provider, page === '2' ? 'phone-numbers-bare-page-2' : 'phone-numbers-bare-page-1'));
      }),
    );
    const pages = [];
    for await (const page of client().phoneNumbers.list({ limit: 2 }).pages()) pages.push(page);
    expect(pages.map((page) => page.items.map((number) => number.id))).toEqual([['pn_agent_1', 'pn_agent_2'], ['pn_agent_3']]);
    expect(pages.map((page) => [page.nextCursor, page.totalCount])).toEqual([
      ['2', null],
      [null, null],
    ]);
    expect(requests.map(queryOf)).toEqual([
      { page: ['1'], limit: ['2'] },
      { page: ['2'], limit: ['2'] },
    ]);
    const wire = fixture<Raw[]>(provider, 'phone-numbers-bare-page-2')[0]!;
    expect(pages[1]!.items[0]).toEqual({
      provider: 'numbers-assignment',
      id: 'pn_agent_3',
      number: '+14155550113',
      e164: '+14155550113',
      status: { unified: 'unknown', raw: null },
      agentId: 'agt_sales',
      outboundAgentId: null,
      label: null,
      type: null,
      carrier: null,
      inbound: null,
      outbound: null,
      createdAt: new Date('2025-04-04T10:00:00.000Z'),
      updatedAt: null,
      raw: wire,
    });
  });

  it('applies the full-page rule with the default limit of 50 and stops after a full last page with an empty one', async () => {
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        const items = page === 1 ? Array.from({ length: 50 }, (_, index) => assignment(index)) : [];
        return HttpResponse.json(items);
      }),
    );
    const first = await client().phoneNumbers.list();
    expect(first).toMatchObject({ hasMore: true, nextCursor: '2', totalCount: null });
    let count = 0;
    for await (const _number of client().phoneNumbers.list()) count++;
    expect(count).toBe(50);
    expect(requests.map(queryOf).slice(1)).toEqual([
      { page: ['1'], limit: ['50'] },
      { page: ['2'], limit: ['50'] },
    ]);
  });

  it('treats an envelope without pagination like a bare array', async () => {
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const page = new URL(request.url).searchParams.get('page');
        return HttpResponse.json({ data: page === '1' ? [assignment(1), assignment(2)] : [assignment(3)] });
      }),
    );
    const first = await client().phoneNumbers.list({ limit: 2 });
    expect(first).toMatchObject({ hasMore: true, nextCursor: '2', totalCount: null });
    const second = await first.nextPage();
    expect(second!.items.map((number) => number.id)).toEqual(['pn_3']);
    expect(second!.hasMore).toBe(false);
  });

  it.each([
    [{ limit: 101 }, /limit must be from 1 to 100 \(got 101\)/],
    [{ limit: 0 }, /limit must be a whole number of 1 or more/],
    [{ limit: 2.5 }, /limit must be a whole number/],
    [{ cursor: 'abc' }, /cursor "abc" is not a numbers-assignment cursor \(a page number such as "2"\)/],
    [{ cursor: '0' }, /cursor "0" is not a numbers-assignment cursor/],
    [{ cursor: '-1' }, /cursor "-1" is not a numbers-assignment cursor/],
    [{ cursor: '1.5' }, /cursor "1.5" is not a numbers-assignment cursor/],
    [{ cursor: '99999999999999999999' }, /is not a numbers-assignment cursor/],
    [{ status: 'pending' }, /status "pending" does not exist on numbers-assignment; it knows active and inactive/],
    [{ status: 'canceling' }, /status "canceling" does not exist on numbers-assignment/],
    [{ status: ['active', 'inactive'] }, /filters by one status per request \(got active, inactive\)/],
    [{ carrier: 'vox' }, /does not take the parameter "carrier"; it takes limit, cursor, status/],
  ])('refuses %j before any request', async (params, message) => {
    serveEnvelopedPages();
    const error = await failureOf(client().phoneNumbers.list(params as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });
});

describe('numbers-assignment phoneNumbers.listByAgent', () => {
  it('gets /agents/{id}/numbers once, with the id percent-encoded and no query: an answer without pagination is one page', async () => {
    // A server that takes no query parameters answers the same full page whatever is asked.
    const fifty = Array.from({ length: 50 }, (_, index) => assignment(index));
    server.use(http.get(`${base}/agents/:agentId/numbers`, () => HttpResponse.json(fifty)));
    const ids: string[] = [];
    for await (const number of client().phoneNumbers.listByAgent('agt/sales ?#')) ids.push(number.id);
    expect(ids).toEqual(fifty.map((item) => item.id));
    expect(requests.map((request) => [request.method, pathOf(request), queryOf(request)])).toEqual([
      ['GET', '/v1/agents/agt%2Fsales%20%3F%23/numbers', {}],
    ]);
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);

    const page = await client().phoneNumbers.listByAgent('agt_sales');
    expect(page).toMatchObject({ hasMore: false, nextCursor: null, totalCount: null });
  });

  it('applies a status filter to the one answer, sending nothing but the path', async () => {
    server.use(
      http.get(`${base}/agents/:agentId/numbers`, () =>
        HttpResponse.json({ data: [assignment(1), { ...assignment(2), status: 'inactive' }, { ...assignment(3), status: 'porting' }] }),
      ),
    );
    const inactive = await client().phoneNumbers.listByAgent('agt_sales', { status: 'inactive' });
    expect(inactive.items.map((number) => number.id)).toEqual(['pn_2']);
    expect(inactive.totalCount).toBeNull();
    const both = await client().phoneNumbers.listByAgent('agt_sales', { status: ['active', 'inactive'] } as never);
    expect(both.items.map((number) => number.id)).toEqual(['pn_1', 'pn_2']);
    expect(requests.map(queryOf)).toEqual([{}, {}]);
  });

  it('follows a pagination object that says more pages follow, asking for them by page', async () => {
    server.use(
      http.get(`${base}/agents/:agentId/numbers`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
        return HttpResponse.json({ data: [assignment(page)], pagination: { page, limit: 1, total: 2, totalPages: 2 } });
      }),
    );
    const ids: string[] = [];
    for await (const number of client().phoneNumbers.listByAgent('agt_sales')) ids.push(number.id);
    expect(ids).toEqual(['pn_1', 'pn_2']);
    expect(requests.map(queryOf)).toEqual([{}, { page: ['2'] }]);
  });

  it.each([
    [{ limit: 2 }, /phoneNumbers\.listByAgent: limit cannot be sent: numbers-assignment documents no page size for \/agents\/\{id\}\/numbers/],
    [{ status: 'pending' }, /phoneNumbers\.listByAgent: status "pending" does not exist on numbers-assignment/],
  ])('refuses %j before any request', async (params, message) => {
    const error = await failureOf(client().phoneNumbers.listByAgent('agt_sales', params as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it.each(['', '..', '.'])('refuses the agent id %j before any request', async (agentId) => {
    await expect(client().phoneNumbers.listByAgent(agentId)).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });

  it('refuses a bad cursor before any request', async () => {
    const error = await failureOf(client().phoneNumbers.listByAgent('agt_sales', { cursor: 'next' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/phoneNumbers\.listByAgent: cursor "next"/);
    expect(requests).toHaveLength(0);
  });
});
