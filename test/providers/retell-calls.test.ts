import { describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError, NotFoundError, InternalServerError, UnprocessableEntityError } from '../../src/index.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { failureOf } from '../helpers/outcomes.js';

// Retell's calls and agents through createClient: the reads sent as POST are retried like a GET (a
// create never is), the filters go into filter_criteria, the prompt is fetched from the LLM, 422
// "cannot find" is NotFoundError, and bad input is refused before any request.

useMsw();

const base = 'https://api.retellai.com';
const apiKey = 'key_retell_calls_0123456789';
const setup = (options: { maxRetries?: number } = {}) => ({ client: createClient({ provider: 'retell', apiKey, ...options }) });

const listed = (id: string, overrides: Record<string, unknown> = {}) => ({
  call_id: id,
  call_type: 'phone_call',
  agent_id: 'agent_a',
  direction: 'outbound',
  from_number: '+14155550101',
  to_number: '+14155550123',
  call_status: 'ended',
  disconnection_reason: 'user_hangup',
  start_timestamp: 1_746_090_005_000,
  end_timestamp: 1_746_090_065_000,
  ...overrides,
});

describe('retell calls.list', () => {
  it('is a POST to /v3/list-calls, with the filters Retell applies in filter_criteria', async () => {
    server.use(http.post(`${base}/v3/list-calls`, () => HttpResponse.json({ items: [listed('c1')], has_more: false })));
    const { client } = setup();
    const page = await client.calls.list({
      agentId: 'agent_a',
      campaignId: 'batch_9',
      status: 'completed',
      startedAfter: new Date(1_746_090_000_000),
      startedBefore: new Date(1_746_100_000_000),
      limit: 200,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe('/v3/list-calls');
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(await requests[0]!.json()).toEqual({
      filter_criteria: {
        agent: [{ agent_id: 'agent_a' }],
        batch_call_id: { type: 'string', op: 'eq', value: 'batch_9' },
        call_status: { type: 'enum', op: 'in', value: ['ended'] },
        start_timestamp: { type: 'range', op: 'bt', value: [1_746_090_000_000, 1_746_099_999_999] },
      },
      limit: 200,
    });
    expect(page.items.map((item) => [item.id, item.status.unified, item.transcript])).toEqual([['c1', 'completed', null]]);
    expect(page.totalCount).toBeNull();
  });

  it('pages with pagination_key in the body, the filters carried forward', async () => {
    server.use(
      http.post(`${base}/v3/list-calls`, async ({ request }) => {
        const body = (await request.json()) as { pagination_key?: string };
        return body.pagination_key === 'k+1/2'
          ? HttpResponse.json({ items: [listed('c3')], has_more: false })
          : HttpResponse.json({ items: [listed('c1'), listed('c2')], has_more: true, pagination_key: 'k+1/2' });
      }),
    );
    const { client } = setup();
    const ids: string[] = [];
    for await (const item of client.calls.list({ agentId: 'agent_a' })) ids.push(item.id);
    expect(ids).toEqual(['c1', 'c2', 'c3']);
    expect(await requests[1]!.json()).toEqual({ filter_criteria: { agent: [{ agent_id: 'agent_a' }] }, pagination_key: 'k+1/2' });
  });

  it('a status Retell splits by end reason is checked on each page: not_connected keeps the unanswered ended calls', async () => {
    server.use(
      http.post(`${base}/v3/list-calls`, () =>
        HttpResponse.json({
          items: [listed('answered'), listed('unanswered', { disconnection_reason: 'dial_no_answer' }), listed('never', { call_status: 'not_connected', disconnection_reason: 'dial_failed' })],
          has_more: false,
        }),
      ),
    );
    const { client } = setup();
    const page = await client.calls.list({ status: 'not_connected' });
    expect(page.items.map((item) => item.id)).toEqual(['unanswered', 'never']);
    expect(((await requests[0]!.json()) as { filter_criteria: unknown }).filter_criteria).toEqual({
      call_status: { type: 'enum', op: 'in', value: ['ended', 'not_connected'] },
    });
  });

  it('queued (Retell cannot filter registered) is checked on each page only', async () => {
    server.use(
      http.post(`${base}/v3/list-calls`, () =>
        HttpResponse.json({ items: [listed('waiting', { call_status: 'registered', disconnection_reason: undefined }), listed('done')], has_more: false }),
      ),
    );
    const { client } = setup();
    const page = await client.calls.list({ status: ['queued'] });
    expect(page.items.map((item) => item.id)).toEqual(['waiting']);
    expect(await requests[0]!.json()).toEqual({});
  });

  it('refuses before any request: a window that ends before it starts, a limit above 1000', async () => {
    const { client } = setup();
    const window = await failureOf(
      client.calls.list({ startedAfter: new Date(2_000), startedBefore: new Date(1_000) }),
    );
    expect(window).toBeInstanceOf(InvalidRequestError);
    expect((window as Error).message).toMatch(/^retell: calls\.list: startedAfter .* is later than startedBefore/);
    expect(await failureOf(client.calls.list({ limit: 1001 }))).toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});

describe('retell reads sent as POST are retried like a GET; calls.create is not', () => {
  const unavailable = () => HttpResponse.json({ status: 'error', message: 'busy' }, { status: 503, headers: { 'retry-after-ms': '0' } });

  it('a 503 then a 200 on POST /v3/list-calls is 2 attempts and the page', async () => {
    let attempts = 0;
    server.use(http.post(`${base}/v3/list-calls`, () => (++attempts === 1 ? unavailable() : HttpResponse.json({ items: [listed('c1')], has_more: false }))));
    const page = await setup().client.calls.list({ agentId: 'agent_a' });
    expect(page.items.map((item) => item.id)).toEqual(['c1']);
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['POST /v3/list-calls', 'POST /v3/list-calls']);
    // The second attempt carries the same body.
    expect(await requests[1]!.json()).toEqual({ filter_criteria: { agent: [{ agent_id: 'agent_a' }] } });
  });

  it('a 503 then a 200 on POST /v2/list-agents is 2 attempts', async () => {
    let attempts = 0;
    server.use(http.post(`${base}/v2/list-agents`, () => (++attempts === 1 ? unavailable() : HttpResponse.json({ items: [{ agent_id: 'agent_a' }], has_more: false }))));
    expect((await setup().client.agents.list()).items.map((agent) => agent.id)).toEqual(['agent_a']);
    expect(requests).toHaveLength(2);
  });

  it('calls.create answered 503 is 1 attempt, and the error says the call may have been placed', async () => {
    server.use(http.post(`${base}/v2/create-phone-call`, unavailable));
    const failure = await failureOf(setup({ maxRetries: 2 }).client.calls.create({ agentId: 'agent_a', fromNumberId: '+14155550101', to: '+14155550123' }));
    expect(failure).toBeInstanceOf(InternalServerError);
    expect((failure as Error).message).toMatch(/sent once and not repeated, and may have taken effect/);
    expect(requests).toHaveLength(1);
  });
});

describe('retell calls.get', () => {
  it('sends GET /v2/get-call/{id} and maps the transcript', async () => {
    server.use(
      http.get(`${base}/v2/get-call/:id`, () =>
        HttpResponse.json(listed('c1', { transcript_object: [{ role: 'user', content: 'Hi.', words: [{ start: 1, end: 1.4 }] }], call_cost: { combined_cost: 250 } })),
      ),
    );
    const { client } = setup();
    const found = await client.calls.get('c1');
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/v2/get-call/c1');
    expect(found.transcript).toEqual([{ role: 'customer', text: 'Hi.', startSeconds: 1, endSeconds: 1.4 }]);
    expect(found.cost).toEqual({ amount: 2.5, currency: 'USD', unit: 'currency' });
  });

  it("Retell's 422 'cannot find' is a NotFoundError with its status kept; another 422 is not", async () => {
    server.use(
      http.get(`${base}/v2/get-call/:id`, ({ params }) =>
        params.id === 'missing'
          ? HttpResponse.json({ status: 'error', message: 'Cannot find requested asset under given api key.' }, { status: 422 })
          : HttpResponse.json({ status: 'error', message: 'Call id malformed.' }, { status: 422 }),
      ),
    );
    const { client } = setup();
    const missing = await failureOf(client.calls.get('missing'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).status).toBe(422);
    expect(await failureOf(client.calls.get('bad'))).toBeInstanceOf(UnprocessableEntityError);
  });
});

describe('retell calls.create', () => {
  it('sends one POST /v2/create-phone-call naming the agent for this call only', async () => {
    server.use(
      http.post(`${base}/v2/create-phone-call`, () =>
        HttpResponse.json(listed('new', { call_status: 'registered', disconnection_reason: undefined, start_timestamp: undefined, end_timestamp: undefined }), { status: 201 }),
      ),
    );
    const { client } = setup();
    const created = await client.calls.create(
      { agentId: 'agent_a', fromNumberId: '+14155550101', to: '+1 (415) 555-0123', variables: { first: 'Ada' }, metadata: { ticket: 'T-1' } },
    );
    expect(await requests[0]!.json()).toEqual({
      from_number: '+14155550101',
      to_number: '+14155550123',
      override_agent_id: 'agent_a',
      retell_llm_dynamic_variables: { first: 'Ada' },
      metadata: { ticket: 'T-1' },
    });
    expect(created.status).toEqual({ unified: 'queued', raw: 'registered' });
    expect(created.endReason).toBeNull();
  });

  it('is never retried: a 500 is one attempt', async () => {
    server.use(http.post(`${base}/v2/create-phone-call`, () => HttpResponse.json({ status: 'error', message: 'boom' }, { status: 500 })));
    const { client } = setup({ maxRetries: 3 });
    await failureOf(client.calls.create({ agentId: 'agent_a', fromNumberId: '+14155550101', to: '+14155550123' }));
    expect(requests).toHaveLength(1);
  });

  it('refuses a `to` that is not a phone number before any request', async () => {
    const { client } = setup();
    const failure = await failureOf(client.calls.create({ agentId: 'agent_a', fromNumberId: '+14155550101', to: '555-CALL-NOW' }));
    expect(failure).toBeInstanceOf(InvalidRequestError);
    expect((failure as Error).message).toMatch(/^retell: calls\.create: to "555-CALL-NOW" cannot be read as a phone number/);
    expect(requests).toHaveLength(0);
  });
});

describe('retell agents', () => {
  const agent = {
    agent_id: 'agent_a',
    version: 3,
    agent_name: 'Renewals',
    voice_id: '11labs-Adrian',
    last_modification_timestamp: 1_746_000_000_000,
    response_engine: { type: 'retell-llm', llm_id: 'llm_7', version: 3 },
  };

  it('agents.list is a POST to /v2/list-agents, paged by pagination_key in the query', async () => {
    server.use(
      http.post(`${base}/v2/list-agents`, ({ request }) =>
        new URL(request.url).searchParams.get('pagination_key') === 'p2'
          ? HttpResponse.json({ items: [{ agent_id: 'agent_b', agent_name: 'B' }], has_more: false })
          : HttpResponse.json({ items: [{ agent_id: 'agent_a', agent_name: 'A', channel: 'voice', user_modified_timestamp: 1 }], has_more: true, pagination_key: 'p2' }),
      ),
    );
    const { client } = setup();
    const names: (string | null)[] = [];
    for await (const item of client.agents.list({ limit: 1 })) names.push(item.name);
    expect(names).toEqual(['A', 'B']);
    expect(queryOf(requests[1]!)).toEqual({ limit: ['1'], pagination_key: ['p2'] });
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['POST /v2/list-agents', 'POST /v2/list-agents']);
  });

  it('agents.get alone is one GET; withPrompt fetches the Retell LLM at the agent version for general_prompt', async () => {
    server.use(
      http.get(`${base}/get-agent/:id`, () => HttpResponse.json(agent)),
      http.get(`${base}/get-retell-llm/:id`, () => HttpResponse.json({ llm_id: 'llm_7', general_prompt: 'You renew contracts.', model: 'gpt-4.1' })),
    );
    const { client } = setup();
    const bare = await client.agents.get('agent_a', {});
    expect(bare.prompt).toBeNull();
    expect(bare.promptRef).toEqual({ kind: 'llm', id: 'llm_7' });
    expect(requests).toHaveLength(1);
    const full = await client.agents.get('agent_a', { withPrompt: true });
    expect(full.prompt).toBe('You renew contracts.');
    expect(full.model).toEqual({ provider: null, name: 'gpt-4.1' });
    expect(requests.slice(1).map((request) => `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`)).toEqual([
      'GET /get-agent/agent_a',
      'GET /get-retell-llm/llm_7?version=3',
    ]);
  });
});
