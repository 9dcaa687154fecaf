import { describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError, NotFoundError, ResponseValidationError } from '../../src/index.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { failureOf } from '../helpers/outcomes.js';

// Vapi's calls and assistants through createClient: the requests sent (method, path,
// query, body), paging by creation time across ties, a campaign's calls through its contacts, and
// the input refused before any request.

useMsw();

const base = 'https://api.vapi.ai';
const apiKey = 'vapi_private_key_calls_0123';
const setup = (options: { maxRetries?: number } = {}) => ({ client: createClient({ provider: 'vapi', apiKey, baseUrl: base, maxRetries: 2, ...options }) });
const numberId = '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';
const assistantId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const campaignId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function call(id: string, createdAt: string, overrides: Record<string, unknown> = {}) {
  return { id, orgId: 'org', type: 'outboundPhoneCall', status: 'ended', endedReason: 'customer-ended-call', createdAt, updatedAt: createdAt, ...overrides };
}

/**
 * Serves `GET /call` from `calls` the way Vapi is assumed to: newest first, `limit` at most,
 * `createdAtLe` / `createdAtGe` / `createdAtLt` applied. Items sharing a timestamp come back in a
 * fixed order (by id), as a database ties them.
 */
function serveCalls(calls: ReturnType<typeof call>[]) {
  server.use(
    http.get(`${base}/call`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const limit = Number(query.get('limit') ?? 100);
      const le = query.get('createdAtLe');
      const ge = query.get('createdAtGe');
      const lt = query.get('createdAtLt');
      const chosen = calls
        .filter((item) => (le === null || Date.parse(item.createdAt) <= Date.parse(le)) && (ge === null || Date.parse(item.createdAt) >= Date.parse(ge)))
        .filter((item) => lt === null || Date.parse(item.createdAt) < Date.parse(lt))
        .sort((left, right) => Date.parse(right.createdAt) - Date.parse(left.createdAt) || left.id.localeCompare(right.id))
        .slice(0, limit);
      return HttpResponse.json(chosen);
    }),
  );
}

describe('vapi calls.list by creation time', () => {
  it('sends GET /call with the limit, the agent and the creation-time window, and maps each call', async () => {
    serveCalls([call('c1', '2025-05-01T09:00:00.000Z', { assistantId })]);
    const { client } = setup();
    const page = await client.calls.list({
      agentId: assistantId,
      startedAfter: new Date('2025-05-01T00:00:00.000Z'),
      startedBefore: new Date('2025-05-02T00:00:00.000Z'),
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/call');
    expect(queryOf(requests[0]!)).toEqual({
      limit: ['100'],
      assistantId: [assistantId],
      createdAtGe: ['2025-05-01T00:00:00.000Z'],
      createdAtLt: ['2025-05-02T00:00:00.000Z'],
    });
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(page.items.map((item) => [item.id, item.status.unified, item.endReason?.unified])).toEqual([['c1', 'completed', 'customer_hangup']]);
    expect(page.hasMore).toBe(false);
    expect(page.totalCount).toBeNull();
  });

  it('pages by createdAtLe: calls sharing one timestamp across a page boundary are neither lost nor repeated', async () => {
    // Seven calls, limit 3; four share 09:00:02, so that instant spans the first and second page boundaries.
    const calls = [
      call('a', '2025-05-01T09:00:05.000Z'),
      call('b', '2025-05-01T09:00:04.000Z'),
      call('c1', '2025-05-01T09:00:02.000Z'),
      call('c2', '2025-05-01T09:00:02.000Z'),
      call('c3', '2025-05-01T09:00:02.000Z'),
      call('c4', '2025-05-01T09:00:02.000Z'),
      call('d', '2025-05-01T09:00:01.000Z'),
    ];
    serveCalls(calls);
    const { client } = setup();
    const ids: string[] = [];
    for await (const item of client.calls.list({ limit: 3 })) ids.push(item.id);
    expect(ids).toEqual(['a', 'b', 'c1', 'c2', 'c3', 'c4', 'd']);
    // The bound of each next page is the oldest timestamp seen, as Vapi wrote it (never an id), and the
    // page asks for as many more items as were already listed at that instant.
    expect(requests.map((request) => [queryOf(request).createdAtLe?.[0] ?? null, queryOf(request).limit![0]])).toEqual([
      [null, '3'],
      ['2025-05-01T09:00:02.000Z', '4'],
      ['2025-05-01T09:00:02.000Z', '7'],
    ]);
  });

  it('a cursor passed back resumes the listing where its page ended', async () => {
    serveCalls([call('a', '2025-05-01T09:00:05.000Z'), call('b', '2025-05-01T09:00:05.000Z'), call('c', '2025-05-01T09:00:04.000Z')]);
    const { client } = setup();
    const first = await client.calls.list({ limit: 1 });
    expect(first.items.map((item) => item.id)).toEqual(['a']);
    const resumed = await client.calls.list({ limit: 1, cursor: first.nextCursor! });
    expect(resumed.items.map((item) => item.id)).toEqual(['b']);
  });

  it('the loop guard stops a server that ignores the bound and answers the same page forever', async () => {
    const fixed = [call('a', '2025-05-01T09:00:05.000Z'), call('b', '2025-05-01T09:00:04.000Z'), call('c', '2025-05-01T09:00:03.000Z'), call('d', '2025-05-01T09:00:02.000Z')];
    server.use(http.get(`${base}/call`, ({ request }) => HttpResponse.json(fixed.slice(0, Number(new URL(request.url).searchParams.get('limit'))))));
    const { client } = setup();
    const seen: string[] = [];
    const failure = await failureOf(
      (async () => {
        for await (const item of client.calls.list({ limit: 2 })) seen.push(item.id);
      })(),
    );
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect((failure as Error).message).toMatch(/a second time while paging/);
    // Nothing repeated: the items newer than the bound and those listed at it are left out.
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(requests).toHaveLength(3);
  });

  it('more items in one instant than the largest page holds stops with a ResponseValidationError, not a loop', async () => {
    const crowd = Array.from({ length: 1000 }, (_, index) => call(`x${String(index).padStart(4, '0')}`, '2025-05-01T09:00:05.000Z'));
    server.use(http.get(`${base}/call`, () => HttpResponse.json(crowd)));
    const { client } = setup();
    let count = 0;
    const failure = await failureOf(
      (async () => {
        for await (const _item of client.calls.list({ limit: 1000 })) count++;
      })(),
    );
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect((failure as Error).message).toMatch(/1000 items all created at 2025-05-01T09:00:05.000Z.*More than 1000 items created in one instant/s);
    expect(count).toBe(1000);
    expect(requests).toHaveLength(2);
  });

  it('applies a status filter to each page (Vapi has none), with totalCount null', async () => {
    serveCalls([
      call('answered', '2025-05-01T09:00:03.000Z'),
      call('unanswered', '2025-05-01T09:00:02.000Z', { endedReason: 'customer-did-not-answer' }),
      call('busy', '2025-05-01T09:00:01.000Z', { endedReason: 'customer-busy' }),
    ]);
    const { client } = setup();
    const page = await client.calls.list({ status: 'not_connected' });
    expect(page.items.map((item) => item.id)).toEqual(['unanswered', 'busy']);
    expect(page.totalCount).toBeNull();
    expect(queryOf(requests[0]!).status).toBeUndefined();
  });

  it('refuses before any request: a window that ends before it starts, a limit above 1000, a foreign cursor', async () => {
    const { client } = setup();
    const late = client.calls.list({
      startedAfter: new Date('2025-05-02T00:00:00.000Z'),
      startedBefore: new Date('2025-05-01T00:00:00.000Z'),
    });
    expect(await failureOf(late)).toBeInstanceOf(InvalidRequestError);
    expect(((await failureOf(client.calls.list({ startedAfter: new Date('2025-05-02'), startedBefore: new Date('2025-05-01') }))) as Error).message).toMatch(
      /startedAfter .* is later than startedBefore/,
    );
    expect(await failureOf(client.calls.list({ limit: 1001 }))).toBeInstanceOf(InvalidRequestError);
    expect(await failureOf(client.calls.list({ cursor: '2' }))).toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});

describe('vapi calls.list({ campaignId })', () => {
  it("reads the campaign's contacts, then each dialled contact's call; undialled ones have none", async () => {
    const calls: Record<string, ReturnType<typeof call>> = {
      k1: call('k1', '2025-05-01T09:00:01.000Z', { campaignId, assistantId }),
      k2: call('k2', '2025-05-01T09:00:02.000Z', { campaignId, assistantId, endedReason: 'voicemail' }),
    };
    server.use(
      http.get(`${base}/v2/campaign/${campaignId}/contacts`, () =>
        HttpResponse.json({
          results: [
            { id: 'p1', number: '+14155550101', status: 'contact.completed', callId: 'k1' },
            { id: 'p2', number: '+14155550102', status: 'contact.completed', callId: 'k2' },
            { id: 'p3', number: '+14155550103', status: 'contact.pending' },
          ],
          metadata: { itemsPerPage: 50, totalItems: 3, currentPage: 1, totalPages: 1 },
        }),
      ),
      http.get(`${base}/call/:id`, ({ params }) => HttpResponse.json(calls[params.id as string])),
    );
    const { client } = setup();
    const page = await client.calls.list({ campaignId, status: 'completed' });
    expect(page.items.map((item) => [item.id, item.endReason?.unified, item.campaignId])).toEqual([
      ['k1', 'customer_hangup', campaignId],
      ['k2', 'voicemail', campaignId],
    ]);
    expect(page.totalCount).toBeNull();
    expect(page.hasMore).toBe(false);
    const contactsRequest = requests.find((request) => request.url.includes('/contacts'))!;
    expect(queryOf(contactsRequest)).toEqual({ page: ['1'], limit: ['50'] });
    expect(requests.filter((request) => /\/call\/k\d$/.test(new URL(request.url).pathname)).map((request) => request.method)).toEqual(['GET', 'GET']);
  });
});

describe('vapi calls.get', () => {
  it('sends GET /call/{id} (encoded) and maps the call; a 404 is NotFoundError', async () => {
    server.use(
      http.get(`${base}/call/:id`, ({ params }) =>
        params.id === 'c1'
          ? HttpResponse.json(call('c1', '2025-05-01T09:00:01.000Z', { endedReason: 'customer-did-not-answer' }))
          : HttpResponse.json({ message: 'Call not found', error: 'Not Found', statusCode: 404 }, { status: 404 }),
      ),
    );
    const { client } = setup();
    const found = await client.calls.get('c1');
    expect(found.status).toEqual({ unified: 'not_connected', raw: 'ended' });
    expect(found.endReason).toEqual({ unified: 'no_answer', raw: 'customer-did-not-answer' });
    expect(await failureOf(client.calls.get('missing'))).toBeInstanceOf(NotFoundError);
    expect(new URL(requests[0]!.url).pathname).toBe('/call/c1');
  });
});

describe('vapi calls.create', () => {
  it('sends one POST /call with the assistant, the number, the customer in E.164 and the variables', async () => {
    server.use(
      http.post(`${base}/call`, async ({ request }) =>
        HttpResponse.json(call('new', '2025-05-01T09:00:00.000Z', { status: 'queued', endedReason: undefined, ...((await request.json()) as object) }), {
          status: 201,
        }),
      ),
    );
    const { client } = setup();
    const created = await client.calls.create(
      { agentId: assistantId, fromNumberId: numberId, to: '+1 415 555 0123', variables: { first: 'Ada' }, metadata: { ticket: 'T-1' } },
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(await requests[0]!.json()).toEqual({
      assistantId,
      phoneNumberId: numberId,
      customer: { number: '+14155550123' },
      assistantOverrides: { variableValues: { first: 'Ada' }, metadata: { ticket: 'T-1' } },
    });
    expect(created.status).toEqual({ unified: 'queued', raw: 'queued' });
    expect(created.endReason).toBeNull();
    expect(created.customerE164).toBe('+14155550123');
  });

  it('is never retried: a 500 after sending is one attempt', async () => {
    server.use(http.post(`${base}/call`, () => HttpResponse.json({ message: 'boom' }, { status: 500 })));
    const { client } = setup({ maxRetries: 3 });
    await failureOf(client.calls.create({ agentId: assistantId, fromNumberId: numberId, to: '+14155550123' }));
    expect(requests).toHaveLength(1);
  });

  it('refuses a `to` that is not a phone number, and missing fields, before any request', async () => {
    const { client } = setup();
    const notANumber = await failureOf(client.calls.create({ agentId: assistantId, fromNumberId: numberId, to: 'tomorrow' }));
    expect(notANumber).toBeInstanceOf(InvalidRequestError);
    expect((notANumber as Error).message).toMatch(/to "tomorrow" cannot be read as a phone number.*Nothing was sent/);
    expect(await failureOf(client.calls.create({ fromNumberId: numberId, to: '+14155550123' } as never))).toBeInstanceOf(InvalidRequestError);
    expect(await failureOf(client.calls.create({ agentId: assistantId, fromNumberId: numberId, to: '+14155550123', variables: { n: 1 } } as never))).toBeInstanceOf(
      InvalidRequestError,
    );
    expect(requests).toHaveLength(0);
  });
});

describe('vapi agents', () => {
  const assistant = (id: string, createdAt: string) => ({ id, orgId: 'org', name: `Agent ${id}`, createdAt, updatedAt: createdAt });

  it('agents.list pages GET /assistant by creation time too', async () => {
    const all = [assistant('x', '2025-01-03T00:00:00.000Z'), assistant('y', '2025-01-02T00:00:00.000Z'), assistant('z', '2025-01-02T00:00:00.000Z')];
    server.use(
      http.get(`${base}/assistant`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        const le = query.get('createdAtLe');
        const limit = Number(query.get('limit'));
        return HttpResponse.json(all.filter((item) => le === null || Date.parse(item.createdAt) <= Date.parse(le)).slice(0, limit));
      }),
    );
    const { client } = setup();
    const names: (string | null)[] = [];
    for await (const agent of client.agents.list({ limit: 2 })) names.push(agent.name);
    expect(names).toEqual(['Agent x', 'Agent y', 'Agent z']);
    expect(queryOf(requests[1]!)).toEqual({ limit: ['3'], createdAtLe: ['2025-01-02T00:00:00.000Z'] });
  });

  it('agents.get sends GET /assistant/{id}; the prompt is on the assistant, so withPrompt adds no request', async () => {
    server.use(
      http.get(`${base}/assistant/:id`, () =>
        HttpResponse.json({ ...assistant(assistantId, '2025-01-01T00:00:00.000Z'), model: { provider: 'openai', model: 'gpt-4o', messages: [{ role: 'system', content: 'Be kind.' }] } }),
      ),
    );
    const { client } = setup();
    const agent = await client.agents.get(assistantId, { withPrompt: true });
    expect(agent.prompt).toBe('Be kind.');
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([`GET /assistant/${assistantId}`]);
  });
});
