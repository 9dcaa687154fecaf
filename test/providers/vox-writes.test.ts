import { describe, expect, it } from 'vitest';
import {
  APIConnectionTimeoutError,
  ConflictError,
  createClient,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
} from '../../src/index.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { failureOf, pathOf } from '../helpers/outcomes.js';

useMsw();

const base = 'https://client-api.tryvox.co';
const apiKey = 'vox_test_key_writes';
const vox = (options: { maxRetries?: number; timeoutMs?: number } = {}) => createClient({ provider: 'vox', apiKey, ...options });

const fromWire = { id: 'num-1', number: '07012345678', provider: 'vox', status: 'active', inbound_agent: null, outbound_agent: null };
const campaignWire = {
  id: 'cmp-9',
  name: 'Renewal reminder',
  status: 'draft',
  agent: { agent_id: 'agent-7', agent_version: 'production' },
  from_number: '07012345678',
  total_calls: 2,
  completed_calls: 0,
  failed_calls: 0,
  concurrency: 5,
  active_concurrency: 0,
  created_at: 1_767_225_600_000,
  presentation_number: null,
  scheduled_at: 1_767_312_000_000,
  finished_at: null,
  paused_at: null,
  paused_by: null,
  call_time_window: null,
};
const input = {
  name: 'Renewal reminder',
  agentId: 'agent-7',
  fromNumberId: 'num-1',
  recipients: [{ number: '01012345678', variables: { customer: 'Kim' } }, { number: '+821098765432' }],
  // A day ahead: campaigns.create refuses a start more than a minute past or a year ahead.
  scheduledAt: new Date(Date.now() + 86_400_000),
  concurrency: 5,
};

describe('vox campaigns.create', () => {
  it('reads the from-number, then posts exactly one campaign body, and maps the answer', async () => {
    server.use(
      http.get(`${base}/v3/organization-telephone-numbers/num-1`, () => HttpResponse.json(fromWire)),
      http.post(`${base}/v3/campaigns`, () => HttpResponse.json(campaignWire, { status: 201 })),
    );
    const campaign = await vox().campaigns.create(input);

    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual([
      'GET /v3/organization-telephone-numbers/num-1',
      'POST /v3/campaigns',
    ]);
    const post = requests[1]!;
    expect(queryOf(post)).toEqual({});
    expect(post.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(post.headers.get('content-type')).toBe('application/json');
    expect(await post.json()).toEqual({
      name: 'Renewal reminder',
      agent: { agent_id: 'agent-7', agent_version: 'production' },
      from_number: '07012345678',
      tasks: [{ to_number: '01012345678', dynamic_variables: { customer: 'Kim' } }, { to_number: '01098765432' }],
      scheduled_at: input.scheduledAt.getTime(),
      concurrency: 5,
    });
    expect(campaign).toEqual({
      provider: 'vox',
      id: 'cmp-9',
      name: 'Renewal reminder',
      status: { unified: expect.stringMatching(/^(draft|scheduled)$/), raw: 'draft' },
      agentId: 'agent-7',
      fromNumber: '07012345678',
      totalCalls: 2,
      completedCalls: 0,
      failedCalls: 0,
      concurrency: 5,
      activeConcurrency: 0,
      createdAt: new Date(1_767_225_600_000),
      scheduledAt: new Date(1_767_312_000_000),
      finishedAt: null,
      pausedAt: null,
      raw: campaignWire,
    });
  });

  it('leaves out scheduled_at, concurrency and dynamic_variables when not given', async () => {
    server.use(
      http.get(`${base}/v3/organization-telephone-numbers/num-1`, () => HttpResponse.json(fromWire)),
      http.post(`${base}/v3/campaigns`, () => HttpResponse.json({ ...campaignWire, status: 'pending' }, { status: 201 })),
    );
    const campaign = await vox().campaigns.create({ name: 'Now', agentId: 'agent-7', fromNumberId: 'num-1', recipients: [{ number: '01012345678' }] });
    expect(await requests[1]!.json()).toEqual({
      name: 'Now',
      agent: { agent_id: 'agent-7', agent_version: 'production' },
      from_number: '07012345678',
      tasks: [{ to_number: '01012345678' }],
    });
    expect(campaign.status).toEqual({ unified: 'pending', raw: 'pending' });
  });

  it.each([
    [{ ...input, name: ' ' }, /name must be a non-empty string/],
    [{ ...input, name: 'x'.repeat(256) }, /name is 256 characters long; vox keeps at most 255/],
    [{ ...input, agentId: '' }, /agentId must be a non-empty string/],
    [{ ...input, fromNumberId: '..' }, /fromNumberId "\.\." is not a valid id/],
    [{ ...input, recipients: [] }, /recipients must be a list of one or more/],
    [{ ...input, recipients: [{ number: '01012345678' }, { number: 'call me' }] }, /recipients\[1\]\.number "call me" cannot be read as a phone number/],
    [{ ...input, recipients: [{ number: '01012345678', variables: { age: 3 } }] }, /recipients\[0\]\.variables\.age must be a text/],
    [{ ...input, concurrency: 101 }, /concurrency must be a whole number from 1 to 100 \(got 101\)/],
    [{ ...input, scheduledAt: new Date('nope') }, /scheduledAt must be a valid Date/],
    [{ ...input, priority: 'high' }, /does not take "priority"/],
  ])('refuses a bad input before any request (%#)', async (bad, message) => {
    const error = await failureOf(vox().campaigns.create(bad as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/^vox: campaigns\.create: /);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('sends no POST when the from-number is unknown: the GET 404 is the error', async () => {
    server.use(
      http.get(`${base}/v3/organization-telephone-numbers/num-x`, () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'Telephone number num-x was not found.' } }, { status: 404 }),
      ),
    );
    const error = await failureOf(vox().campaigns.create({ ...input, fromNumberId: 'num-x' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('not_found: Telephone number num-x was not found');
    expect(requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('is never retried: a 500 is one POST, and the error says the campaign may exist and how to check', async () => {
    server.use(
      http.get(`${base}/v3/organization-telephone-numbers/num-1`, () => HttpResponse.json(fromWire)),
      http.post(`${base}/v3/campaigns`, () =>
        HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500, headers: { 'retry-after': '0' } }),
      ),
    );
    const error = await failureOf(vox({ maxRetries: 3 }).campaigns.create(input));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toMatch(/vox answered 500: internal: boom\./);
    expect((error as Error).message).toContain(
      'The POST /v3/campaigns was sent once and not repeated, and may have taken effect: ' +
        'check whether it did (campaigns.list() shows whether a campaign named "Renewal reminder" exists) before sending it again.',
    );
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('a create whose answer never came: one POST, a timeout that says the campaign may exist', async () => {
    server.use(
      http.get(`${base}/v3/organization-telephone-numbers/num-1`, () => HttpResponse.json(fromWire)),
      http.post(`${base}/v3/campaigns`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return HttpResponse.json(campaignWire, { status: 201 });
      }),
    );
    const error = await failureOf(vox({ timeoutMs: 100, maxRetries: 2 }).campaigns.create(input));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toMatch(/did not answer within 100 ms\. The POST \/v3\/campaigns was sent once .*may have taken effect: check whether it did \(campaigns\.list\(\)/);
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});

describe('vox campaigns.pause, resume, cancel', () => {
  it.each(['pause', 'resume', 'cancel'] as const)('%s posts no body to /v3/campaigns/{id}/%s and resolves with nothing', async (action) => {
    server.use(http.post(`${base}/v3/campaigns/:id/:action`, () => HttpResponse.json(campaignWire)));
    await expect(vox().campaigns[action]('cmp 9/x')).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe(`/v3/campaigns/cmp%209%2Fx/${action}`);
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(await requests[0]!.text()).toBe('');
  });

  it('reads the 409 of a state that does not allow the action into a ConflictError, sent once', async () => {
    server.use(
      http.post(`${base}/v3/campaigns/:id/resume`, () =>
        HttpResponse.json({ error: { code: 'INVALID_STATE', message: 'Campaign is not paused.' } }, { status: 409 }),
      ),
    );
    const error = await failureOf(vox().campaigns.resume('cmp-9'));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(
      'vox answered 409: INVALID_STATE: Campaign is not paused. The resource is in a state that does not allow this change.',
    );
    expect(requests).toHaveLength(1);
  });

  it('a 502 on cancel is one request, and the error says how to check', async () => {
    server.use(http.post(`${base}/v3/campaigns/:id/cancel`, () => new HttpResponse('bad gateway', { status: 502 })));
    const error = await failureOf(vox({ maxRetries: 2 }).campaigns.cancel('cmp-9'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain(
      "The POST /v3/campaigns/cmp-9/cancel was sent once and not repeated, and may have taken effect: check whether it did (campaigns.get('cmp-9') shows the campaign's status)",
    );
    expect((error as Error).message).not.toContain('try again later');
    expect(requests).toHaveLength(1);
  });

  it('refuses an empty or path-changing id before any request', async () => {
    for (const id of ['', '..']) {
      expect(await failureOf(vox().campaigns.pause(id))).toBeInstanceOf(InvalidRequestError);
    }
    expect(requests).toHaveLength(0);
  });
});

describe('vox campaigns.list', () => {
  it('sends one wire status and the cursor, and reads { items, total_count, next_cursor }', async () => {
    server.use(
      http.get(`${base}/v3/campaigns`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json(
          cursor === null
            ? { items: [campaignWire], total_count: 2, next_cursor: 'c2' }
            : { items: [{ ...campaignWire, id: 'cmp-10' }], total_count: 2, next_cursor: null },
        );
      }),
    );
    const ids: string[] = [];
    for await (const campaign of vox().campaigns.list({ status: 'paused', limit: 1 })) ids.push(campaign.id);
    expect(ids).toEqual(['cmp-9', 'cmp-10']);
    expect(requests.map(queryOf)).toEqual([
      { limit: ['1'], status: ['paused'] },
      { limit: ['1'], status: ['paused'], cursor: ['c2'] },
    ]);
    const page = await vox().campaigns.list();
    expect(page.totalCount).toBe(2);
    expect(queryOf(requests[2]!)).toEqual({});
  });

  it('lists several statuses one after another, one wire status per request, in one iteration', async () => {
    server.use(
      http.get(`${base}/v3/campaigns`, ({ request }) => {
        const status = new URL(request.url).searchParams.get('status');
        const items = [{ ...campaignWire, id: `cmp-${status}`, status }];
        return HttpResponse.json({ items, total_count: 1, next_cursor: null });
      }),
    );
    const seen: string[] = [];
    for await (const campaign of vox().campaigns.list({ status: ['paused', 'running'] })) seen.push(`${campaign.id}:${campaign.status.unified}`);
    expect(seen).toEqual(['cmp-paused:paused', 'cmp-ongoing:running']);
    // Each request carries exactly one status (the count request of the second status included).
    expect(requests.every((request) => new URL(request.url).searchParams.getAll('status').length === 1)).toBe(true);
    expect(requests.map((request) => new URL(request.url).searchParams.get('status'))).toContain('ongoing');
  });

  it.each([
    [{ status: ['paused', 'draft'] }, /vox has no campaign status for "draft"/],
    [{ limit: 101 }, /limit must be from 1 to 100/],
  ])('refuses %j before any request', async (params, message) => {
    const error = await failureOf(vox().campaigns.list(params as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });
});

describe('vox campaigns.list status words', () => {
  it('refuses the one unified status vox has no word for (draft or scheduled, whichever the table lacks), before any request', async () => {
    server.use(http.get(`${base}/v3/campaigns`, () => HttpResponse.json({ items: [], total_count: 0, next_cursor: null })));
    const outcomes = await Promise.all(
      ['draft', 'scheduled'].map((status) => vox().campaigns.list({ status: status as never }).then(() => null, (error: unknown) => error)),
    );
    const refusals = outcomes.filter((outcome) => outcome instanceof InvalidRequestError);
    expect(refusals).toHaveLength(1);
    expect(requests.map(queryOf)).toEqual([{ status: ['draft'] }]);
    expect((refusals[0] as Error).message).toMatch(/vox has no campaign status for "(draft|scheduled)"/);
  });
});

describe('vox phoneNumbers.update (agent mapping)', () => {
  const numberWire = { ...fromWire, inbound_agent: { agent_id: 'agent-2', agent_version: 'production' }, memo: 'Front desk' };

  it('patches the inbound agent only, and maps the number it answers', async () => {
    server.use(http.patch(`${base}/v3/organization-telephone-numbers/:id/agent`, () => HttpResponse.json(numberWire)));
    const number = await vox().phoneNumbers.update('num-1', { agentId: 'agent-2' });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('PATCH');
    expect(pathOf(requests[0]!)).toBe('/v3/organization-telephone-numbers/num-1/agent');
    expect(await requests[0]!.json()).toEqual({ inbound_agent: { agent_id: 'agent-2', agent_version: 'production' } });
    expect(number).toMatchObject({ provider: 'vox', id: 'num-1', number: '07012345678', e164: '+827012345678', agentId: 'agent-2', label: 'Front desk', raw: numberWire });
  });

  it('unlinks with { inbound_agent: null }', async () => {
    server.use(http.patch(`${base}/v3/organization-telephone-numbers/:id/agent`, () => HttpResponse.json(fromWire)));
    expect((await vox().phoneNumbers.update('num-1', { agentId: null })).agentId).toBeNull();
    expect(await requests[0]!.json()).toEqual({ inbound_agent: null });
  });

  it.each([
    [{}, /the patch is empty/],
    [{ label: 'x' }, /not "label"/],
    [{ agentId: 'a', status: 'inactive' }, /not "status"/],
    [{ agentId: ' ' }, /agentId must be a non-empty agent id/],
  ])('refuses %j before any request', async (patch, message) => {
    const error = await failureOf(vox().phoneNumbers.update('num-1', patch as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });
});
