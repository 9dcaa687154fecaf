import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { loadE164Formatter } from '../../src/core/kit/e164.js';
import { InternalServerError, InvalidRequestError, NotFoundError } from '../../src/index.js';
import { voxCallSchema } from '../../src/providers/vox/call-wire.js';
import { mapVoxCall } from '../../src/providers/vox/map-call.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { failureOf, pathOf } from '../helpers/outcomes.js';
import { allPages } from './calls-kit.js';

useMsw();

const base = 'https://client-api.tryvox.co';
const vox = () => createClient({ provider: 'vox', apiKey: 'vox_calls_key', maxRetries: 2 });

const start = 1_751_000_000_000;
const call = (fields: Record<string, unknown> = {}) => ({
  id: 'call-1',
  agent: { agent_id: 'agent-1', agent_version: 'production' },
  call_type: 'outbound',
  status: 'ended',
  from_number: '07011112222',
  to_number: '01012345678',
  disconnection_reason: 'user_hangup',
  start_at: start,
  end_at: start + 95_500,
  recording_url: 'https://cdn.tryvox.co/rec/call-1.wav',
  dynamic_variables: { name: '김민수' },
  call_analysis: { summary: 'Booked a table.' },
  call_cost: { total_cost: '12.5' },
  ...fields,
});

async function mapped(fields: Record<string, unknown>) {
  const wire = { ...call(), ...fields };
  return mapVoxCall(voxCallSchema().parse(wire), wire, await loadE164Formatter('KR'));
}

describe('vox calls: mapping', () => {
  it.each([
    ['queued', null, 'queued', null],
    ['registered', null, 'queued', null],
    ['ringing', null, 'ringing', null],
    ['ongoing', null, 'in_progress', null],
    ['ended', 'user_hangup', 'completed', 'customer_hangup'],
    ['ended', 'voicemail_reached', 'completed', 'voicemail'],
    ['ended', 'dial_no_answer', 'not_connected', 'no_answer'],
    ['ended', 'dial_busy', 'not_connected', 'busy'],
    ['ended', 'dial_declined', 'not_connected', 'declined'],
    ['ended', 'dial_failed', 'not_connected', 'dial_failed'],
    ['ended', 'insufficient_balance', 'failed', 'insufficient_funds'],
    ['ended', 'concurrency_limit_reached', 'failed', 'concurrency_limit'],
    ['ended', 'error_voxai', 'failed', 'error'],
    ['error', null, 'failed', 'error'],
    ['canceled', null, 'canceled', 'canceled'],
    ['not_connected', 'dial_no_answer', 'not_connected', 'no_answer'],
    ['hibernating', null, 'unknown', null],
  ])('status %s with reason %s is %s, end reason %s', async (status, reason, unified, endReason) => {
    const result = await mapped({ status, disconnection_reason: reason });
    expect(result.status).toEqual({ unified, raw: status });
    expect(result.endReason?.unified ?? null).toBe(endReason);
    if (result.endReason) expect(result.endReason.raw).toBe(reason);
  });

  it.each([
    ['user_hangup', 'customer_hangup'],
    ['agent_hangup', 'agent_hangup'],
    ['call_transfer', 'transferred'],
    ['voicemail_reached', 'voicemail'],
    ['dial_no_answer', 'no_answer'],
    ['dial_busy', 'busy'],
    ['dial_declined', 'declined'],
    ['dial_failed', 'dial_failed'],
    ['max_duration_reached', 'max_duration'],
    ['inactivity', 'silence_timeout'],
    ['concurrency_limit_reached', 'concurrency_limit'],
    ['daily_call_limit_reached', 'concurrency_limit'],
    ['insufficient_balance', 'insufficient_funds'],
    ['error_voxai', 'error'],
    ['flow_error', 'error'],
    ['orphaned_no_agent_pickup', 'error'],
    ['brand_new_reason', 'unknown'],
  ])('disconnection_reason %s is %s, raw kept', async (reason, unified) => {
    expect((await mapped({ disconnection_reason: reason })).endReason).toEqual({ unified, raw: reason });
  });

  it('never reads a no-answer, busy or voicemail as a plain completed success', async () => {
    for (const reason of ['dial_no_answer', 'dial_busy', 'voicemail_reached']) {
      const result = await mapped({ disconnection_reason: reason });
      expect(result.status.unified === 'completed' && result.endReason?.unified === 'customer_hangup').toBe(false);
      expect(['no_answer', 'busy', 'voicemail']).toContain(result.endReason?.unified);
    }
  });

  it('maps cost as an amount of unknown unit, duration from the ms times, recording, variables, summary', async () => {
    const result = await mapped({});
    expect(result.cost).toEqual({ amount: 12.5, currency: null, unit: 'unknown' });
    expect(result.durationSeconds).toBe(95.5);
    expect(result.startedAt).toEqual(new Date(start));
    expect(result.endedAt).toEqual(new Date(start + 95_500));
    expect(result.recording).toEqual({ url: 'https://cdn.tryvox.co/rec/call-1.wav', requiresAuth: null, expiresAt: null });
    expect(result.variables).toEqual({ name: '김민수' });
    expect(result.summary).toBe('Booked a table.');
    expect(result.agentId).toBe('agent-1');
    expect(result.transcript).toBeNull();
    expect((await mapped({ call_cost: null })).cost).toBeNull();
    expect((await mapped({ end_at: null, status: 'ongoing' })).durationSeconds).toBeNull();
  });

  it('reads direction from call_type and the customer number in E.164 from the side that is not vox', async () => {
    const outbound = await mapped({});
    expect(outbound.direction).toBe('outbound');
    expect(outbound.customerE164).toBe('+821012345678');
    const inbound = await mapped({ call_type: 'inbound', from_number: '01098765432', to_number: '07011112222' });
    expect(inbound.direction).toBe('inbound');
    expect(inbound.customerE164).toBe('+821098765432');
    expect((await mapped({ call_type: 'api' })).direction).toBe('outbound');
    const web = await mapped({ call_type: 'web', to_number: null, from_number: null });
    expect([web.direction, web.customerE164]).toEqual(['web', null]);
    expect((await mapped({ call_type: 'phone' })).direction).toBeNull();
  });

  it('maps transcript turns with their roles, an unknown role as other (never dropped), seconds from the call start', async () => {
    const result = await mapped({
      transcript: [
        { role: 'agent', content: '안녕하세요', start_at: start + 1000, end_at: start + 2500 },
        { role: 'user', content: '네', start_at: start + 3000, end_at: start + 3400 },
        { role: 'system_note', content: 'transfer started' },
      ],
    });
    expect(result.transcript).toEqual([
      { role: 'agent', text: '안녕하세요', startSeconds: 1, endSeconds: 2.5 },
      { role: 'customer', text: '네', startSeconds: 3, endSeconds: 3.4 },
      { role: 'other', text: 'transfer started', startSeconds: null, endSeconds: null },
    ]);
  });
});

describe('vox calls: operations', () => {
  it('lists calls with agent, repeated statuses and the start-time window sent, filtering each page after mapping', async () => {
    server.use(
      http.get(`${base}/v3/calls`, () =>
        HttpResponse.json({
          items: [call({ id: 'a' }), call({ id: 'b', disconnection_reason: 'dial_no_answer' }), call({ id: 'c', status: 'not_connected', disconnection_reason: 'dial_busy' })],
          total_count: 3,
          next_cursor: null,
        }),
      ),
    );
    const after = new Date('2025-06-01T00:00:00Z');
    const before = new Date('2025-07-01T00:00:00Z');
    const page = await vox().calls.list({ status: 'not_connected', agentId: 'agent-1', startedAfter: after, startedBefore: before, limit: 20 });

    expect(requests).toHaveLength(1);
    expect(pathOf(requests[0]!)).toBe('/v3/calls');
    expect(queryOf(requests[0]!)).toEqual({
      limit: ['20'],
      agent_id: ['agent-1'],
      status: ['not_connected', 'ended'],
      start_at_gte: [String(after.getTime())],
      start_at_lt: [String(before.getTime())],
    });
    expect(page.items.map((item) => item.id)).toEqual(['b', 'c']);
    expect(page.totalCount).toBeNull();
  });

  it('follows next_cursor and keeps the total when no filter is applied by the SDK', async () => {
    server.use(
      http.get(`${base}/v3/calls`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json(
          cursor === null
            ? { items: [call({ id: 'a' })], total_count: 2, next_cursor: 'c2' }
            : { items: [call({ id: 'b', status: 'queued', disconnection_reason: null })], total_count: 2, next_cursor: null },
        );
      }),
    );
    const pages = await allPages(vox().calls.list({}));
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(['a', 'b']);
    expect(pages[0]!.totalCount).toBe(2);
    expect(requests.map((request) => queryOf(request).cursor)).toEqual([undefined, ['c2']]);
  });

  it('refuses a campaign filter, statuses vox has no word for, a reversed window and a limit over 100, before any request', async () => {
    const list = vox().calls.list;
    const campaign = await failureOf(list({ campaignId: 'cmp-1' }));
    expect(campaign).toBeInstanceOf(InvalidRequestError);
    expect((campaign as Error).message).toMatch(/no campaign filter/);
    expect(await failureOf(list({ status: 'scheduled' }))).toBeInstanceOf(InvalidRequestError);
    const reversed = await failureOf(list({ startedAfter: new Date('2025-07-02'), startedBefore: new Date('2025-07-01') }));
    expect((reversed as Error).message).toMatch(/startedAfter .* is later than startedBefore/);
    expect(await failureOf(list({ limit: 101 }))).toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });

  it('gets one call with its transcript, and an unknown id is NotFoundError', async () => {
    server.use(
      http.get(`${base}/v3/calls/:id`, ({ params }) =>
        params.id === 'call-1'
          ? HttpResponse.json(call({ transcript: [{ role: 'agent', content: 'hi', start_at: start, end_at: start + 500 }] }))
          : HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'no such call' } }, { status: 404 }),
      ),
    );
    const found = await vox().calls.get('call-1');
    expect(found.transcript).toEqual([{ role: 'agent', text: 'hi', startSeconds: 0, endSeconds: 0.5 }]);
    expect(found.raw).toMatchObject({ id: 'call-1' });
    expect(await failureOf(vox().calls.get('nope'))).toBeInstanceOf(NotFoundError);
  });

  it('creates a call: reads the from-number digits, sends domestic digits, the agent, variables and metadata', async () => {
    server.use(
      http.get(`${base}/v3/organization-telephone-numbers/num-1`, () => HttpResponse.json({ id: 'num-1', number: '07011112222', status: 'active' })),
      http.post(`${base}/v3/calls`, () => HttpResponse.json(call({ status: 'queued', disconnection_reason: null, end_at: null }), { status: 201 })),
    );
    const created = await vox().calls.create(
      { agentId: 'agent-1', fromNumberId: 'num-1', to: '+82 10-1234-5678', variables: { name: '민수' }, metadata: { order: '42' } },
    );
    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual([
      'GET /v3/organization-telephone-numbers/num-1',
      'POST /v3/calls',
    ]);
    expect(await requests[1]!.json()).toEqual({
      from_number: '07011112222',
      to_number: '01012345678',
      agent: { agent_id: 'agent-1', agent_version: 'production' },
      dynamic_variables: { name: '민수' },
      metadata: { order: '42' },
    });
    expect(created.status).toEqual({ unified: 'queued', raw: 'queued' });
    expect(created.endReason).toBeNull();
  });

  it('takes a domestic to as it is (hyphens dropped), and refuses a to that is no number or not Korean, before any request', async () => {
    server.use(
      http.get(`${base}/v3/organization-telephone-numbers/num-1`, () => HttpResponse.json({ id: 'num-1', number: '07011112222' })),
      http.post(`${base}/v3/calls`, () => HttpResponse.json(call(), { status: 201 })),
    );
    await vox().calls.create({ agentId: 'agent-1', fromNumberId: 'num-1', to: '010-1234-5678' });
    expect((await requests[1]!.json()).to_number).toBe('01012345678');
    requests.length = 0;
    for (const to of ['not a number', '+14155550100', '']) {
      const error = await failureOf(vox().calls.create({ agentId: 'agent-1', fromNumberId: 'num-1', to }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toMatch(/^vox: calls.create: to /);
    }
    expect(requests).toHaveLength(0);
  });

  it('never retries the create: a 500 is sent once and says the call may exist', async () => {
    server.use(
      http.get(`${base}/v3/organization-telephone-numbers/num-1`, () => HttpResponse.json({ id: 'num-1', number: '07011112222' })),
      http.post(`${base}/v3/calls`, () => HttpResponse.json({ error: { code: 'INTERNAL', message: 'boom' } }, { status: 500 })),
    );
    const error = await failureOf(vox().calls.create({ agentId: 'agent-1', fromNumberId: 'num-1', to: '01012345678' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toMatch(/sent once and not repeated, and may have taken effect/);
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('lists agent summaries and gets an agent with its prompt, voice and model from data (camelCase inside)', async () => {
    server.use(
      http.get(`${base}/v3/agents`, () =>
        HttpResponse.json({
          items: [{ agent_id: 'agent-1', name: '예약 봇', type: 'single_prompt', created_at: start, updated_at: start + 1000, production_version: 3 }],
          total_count: 1,
          next_cursor: null,
        }),
      ),
      http.get(`${base}/v3/agents/agent-1`, () =>
        HttpResponse.json({
          agent_id: 'agent-1',
          name: '예약 봇',
          type: 'single_prompt',
          data: { prompt: { prompt: 'You book tables.', firstLine: '안녕하세요' }, llm: { model: 'gpt-4.1' }, voice: { id: 'v-9', provider: 'elevenlabs' } },
        }),
      ),
    );
    const page = await vox().agents.list({ limit: 10 });
    expect(queryOf(requests[0]!)).toEqual({ limit: ['10'] });
    expect(page.totalCount).toBe(1);
    expect(page.items[0]).toMatchObject({ id: 'agent-1', name: '예약 봇', version: '3', prompt: null, createdAt: new Date(start) });
    const agent = await vox().agents.get('agent-1', { withPrompt: true });
    expect(agent).toMatchObject({
      id: 'agent-1',
      prompt: 'You book tables.',
      promptRef: null,
      voice: { provider: 'elevenlabs', voiceId: 'v-9' },
      model: { provider: null, name: 'gpt-4.1' },
    });
    // The prompt is on the agent: no second request.
    expect(requests).toHaveLength(2);
  });
});
