import { describe, expect, it } from 'vitest';
import { InternalServerError, InvalidRequestError, NotFoundError } from '../../src/index.js';
import { blandCallSchema } from '../../src/providers/bland/call-wire.js';
import { createClient } from '../../src/index.js';
import { loadE164Formatter } from '../../src/core/kit/e164.js';
import { mapBlandCall } from '../../src/providers/bland/map-call.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { failureOf, pathOf } from '../helpers/outcomes.js';
import { allPages } from './calls-kit.js';

useMsw();

const base = 'https://api.bland.ai';
const client = () => createClient({ provider: 'bland', apiKey: 'bland_calls_key', maxRetries: 2 });

const call = (fields: Record<string, unknown> = {}) => ({
  call_id: 'call-1',
  c_id: 'c-1',
  batch_id: 'batch-1',
  pathway_id: 'pw-1',
  to: '+14155550100',
  from: '+12125550199',
  inbound: false,
  created_at: '2025-06-30T10:00:00.000Z',
  started_at: '2025-06-30T10:00:05.000Z',
  end_at: '2025-06-30T10:30:05.000Z',
  call_length: 1.5,
  queue_status: 'complete',
  completed: true,
  answered_by: 'human',
  call_ended_by: 'USER',
  error_message: null,
  transferred_to: null,
  request_data: { first_name: 'Ada' },
  variables: { first_name: 'Ada', now: 'Monday' },
  summary: 'Confirmed the appointment.',
  recording_url: 'https://bland.ai/rec/call-1.mp3',
  price: 0.068,
  ...fields,
});

async function mapped(fields: Record<string, unknown>) {
  const wire = call(fields);
  return mapBlandCall(blandCallSchema().parse(wire), wire, await loadE164Formatter('US'));
}

describe('bland calls: mapping', () => {
  it.each([
    [{ queue_status: 'queued', completed: false }, 'queued', null],
    [{ queue_status: 'new', completed: false }, 'queued', null],
    [{ queue_status: 'started', completed: false }, 'in_progress', null],
    [{ queue_status: 'complete' }, 'completed', 'customer_hangup'],
    [{ queue_status: 'completed', call_ended_by: 'ASSISTANT' }, 'completed', 'agent_hangup'],
    [{ answered_by: 'voicemail' }, 'completed', 'voicemail'],
    [{ answered_by: 'no-answer', call_ended_by: null }, 'not_connected', 'no_answer'],
    [{ transferred_to: '+14155550111' }, 'completed', 'transferred'],
    [{ error_message: 'Carrier rejected the call' }, 'failed', 'error'],
    [{ queue_status: 'allocation_error', completed: true, error_message: null, call_ended_by: null, answered_by: null }, 'failed', 'unknown'],
    [{ queue_status: 'mystery', completed: null }, 'unknown', null],
  ] as [Record<string, unknown>, string, string | null][])('%o is %s, end reason %s', async (fields, unified, endReason) => {
    const result = await mapped(fields);
    expect(result.status.unified).toBe(unified);
    expect(result.status.raw).toBe(fields.queue_status ?? 'complete');
    expect(result.endReason?.unified ?? null).toBe(endReason);
  });

  it('keeps the deciding raw value beside each end reason', async () => {
    expect((await mapped({})).endReason).toEqual({ unified: 'customer_hangup', raw: 'USER' });
    expect((await mapped({ answered_by: 'voicemail' })).endReason).toEqual({ unified: 'voicemail', raw: 'voicemail' });
    expect((await mapped({ error_message: 'boom' })).endReason).toEqual({ unified: 'error', raw: 'boom' });
  });

  it('converts minutes to seconds (corrected_duration first), ends at start + duration (not end_at), prices in USD', async () => {
    const result = await mapped({});
    expect(result.durationSeconds).toBe(90);
    expect(result.startedAt).toEqual(new Date('2025-06-30T10:00:05.000Z'));
    expect(result.endedAt).toEqual(new Date('2025-06-30T10:01:35.000Z'));
    expect(result.cost).toEqual({ amount: 0.068, currency: 'USD', unit: 'currency' });
    expect((await mapped({ corrected_duration: '87' })).durationSeconds).toBe(87);
    expect((await mapped({ price: null })).cost).toBeNull();
    expect((await mapped({ call_length: null })).durationSeconds).toBeNull();
  });

  it('maps direction, the customer in E.164, the platform number, the batch, variables from request_data, recording, summary', async () => {
    const outbound = await mapped({});
    expect(outbound).toMatchObject({
      direction: 'outbound',
      customerE164: '+14155550100',
      phoneNumberId: '+12125550199',
      campaignId: 'batch-1',
      agentId: 'pw-1',
      variables: { first_name: 'Ada' },
      summary: 'Confirmed the appointment.',
      recording: { url: 'https://bland.ai/rec/call-1.mp3', requiresAuth: null, expiresAt: null },
    });
    const inbound = await mapped({ inbound: true, from: '4155550123', to: '+12125550199' });
    expect(inbound).toMatchObject({ direction: 'inbound', customerE164: '+14155550123', phoneNumberId: '+12125550199' });
    expect((await mapped({ recording_url: null })).recording).toBeNull();
  });

  it('maps transcript roles (unknown ones to other, never dropped), starts from created_at - started_at', async () => {
    const result = await mapped({
      transcripts: [
        { id: 1, created_at: '2025-06-30T10:00:06.000Z', text: 'Hi there', user: 'assistant' },
        { id: 2, created_at: '2025-06-30T10:00:08.500Z', text: 'Hello', user: 'user' },
        { id: 3, created_at: '2025-06-30T10:00:09.000Z', text: 'Transferring', user: 'agent-action' },
        { id: 4, created_at: '2025-06-30T10:00:10.000Z', text: 'beep', user: 'robot' },
        { id: 5, created_at: null, text: 'note', user: 'supervisor' },
      ],
    });
    expect(result.transcript).toEqual([
      { role: 'agent', text: 'Hi there', startSeconds: 1, endSeconds: null },
      { role: 'customer', text: 'Hello', startSeconds: 3.5, endSeconds: null },
      { role: 'tool', text: 'Transferring', startSeconds: 4, endSeconds: null },
      { role: 'other', text: 'beep', startSeconds: 5, endSeconds: null },
      { role: 'other', text: 'note', startSeconds: null, endSeconds: null },
    ]);
  });
});

describe('bland calls: operations', () => {
  const listItem = (id: string, fields: Record<string, unknown> = {}) => ({
    call_id: id,
    created_at: '2025-06-30T10:00:00Z',
    call_length: 1,
    to: '+14155550100',
    from: '+12125550199',
    completed: true,
    queue_status: 'complete',
    error_message: null,
    answered_by: 'human',
    batch_id: null,
    ...fields,
  });

  it('pages the account list by index with from and limit, the total from count', async () => {
    server.use(
      http.get(`${base}/v1/calls`, ({ request }) => {
        const from = Number(new URL(request.url).searchParams.get('from'));
        const all = [listItem('a'), listItem('b'), listItem('c')];
        return HttpResponse.json({ count: 3, calls: all.slice(from, from + 2) });
      }),
    );
    const pages = await allPages(client().calls.list({ limit: 2 }));
    expect(requests.map((request) => [pathOf(request), queryOf(request)])).toEqual([
      ['/v1/calls', { from: ['0'], limit: ['2'] }],
      ['/v1/calls', { from: ['2'], limit: ['2'] }],
    ]);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(['a', 'b', 'c']);
    expect(pages[0]!.totalCount).toBe(3);
    expect(pages[0]!.items[0]!.transcript).toBeNull();
  });

  it('applies a status filter to each page, with no total', async () => {
    server.use(
      http.get(`${base}/v1/calls`, () =>
        HttpResponse.json({ count: 2, calls: [listItem('a'), listItem('b', { answered_by: 'no-answer' })] }),
      ),
    );
    const page = await client().calls.list({ status: 'not_connected' });
    expect(page.items.map((item) => item.id)).toEqual(['b']);
    expect(page.totalCount).toBeNull();
    expect(queryOf(requests[0]!)).toEqual({ from: ['0'], limit: ['100'] });
  });

  it("lists a batch's calls through the v1 batch", async () => {
    server.use(http.get(`${base}/v1/batches/batch-1`, () => HttpResponse.json({ status: 'completed', batch_params: {}, call_data: [call(), call({ call_id: 'call-2' })] })));
    const page = await client().calls.list({ campaignId: 'batch-1' });
    expect(pathOf(requests[0]!)).toBe('/v1/batches/batch-1');
    expect(page.items.map((item) => item.id)).toEqual(['call-1', 'call-2']);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses agentId, a time window, a reversed window and a limit over 1000, before any request', async () => {
    const list = client().calls.list;
    for (const params of [
      { agentId: 'pw-1' },
      { startedAfter: new Date('2025-06-01') },
      { startedAfter: new Date('2025-07-02'), startedBefore: new Date('2025-07-01') },
      { limit: 1001 },
    ]) {
      expect(await failureOf(list(params))).toBeInstanceOf(InvalidRequestError);
    }
    expect(requests).toHaveLength(0);
  });

  it('gets a call; an unknown id is NotFoundError', async () => {
    server.use(
      http.get(`${base}/v1/calls/:id`, ({ params }) =>
        params.id === 'call-1' ? HttpResponse.json(call()) : HttpResponse.json({ status: 'error', message: 'Call not found' }, { status: 404 }),
      ),
    );
    expect((await client().calls.get('call-1')).id).toBe('call-1');
    expect(await failureOf(client().calls.get('nope'))).toBeInstanceOf(NotFoundError);
  });

  it('creates a call with the pathway, the from number, request_data and metadata, then reads it back', async () => {
    server.use(
      http.post(`${base}/v1/calls`, () => HttpResponse.json({ status: 'success', call_id: 'call-9' })),
      http.get(`${base}/v1/calls/call-9`, () => HttpResponse.json(call({ call_id: 'call-9', queue_status: 'queued', completed: false }))),
    );
    const created = await client().calls.create(
      { agentId: 'pw-1', fromNumberId: '+12125550199', to: '(415) 555-0100', variables: { first_name: 'Ada' }, metadata: { crm: '7' } },
    );
    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual(['POST /v1/calls', 'GET /v1/calls/call-9']);
    expect(await requests[0]!.json()).toEqual({
      phone_number: '+14155550100',
      pathway_id: 'pw-1',
      from: '+12125550199',
      request_data: { first_name: 'Ada' },
      metadata: { crm: '7' },
    });
    expect(created).toMatchObject({ id: 'call-9', status: { unified: 'queued' }, endReason: null });
  });

  it('refuses a to that is no number before any request, and never retries the create', async () => {
    expect(await failureOf(client().calls.create({ agentId: 'pw-1', fromNumberId: '+12125550199', to: 'nobody' }))).toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(0);
    server.use(http.post(`${base}/v1/calls`, () => HttpResponse.json({ status: 'error', message: 'down' }, { status: 502 })));
    const error = await failureOf(client().calls.create({ agentId: 'pw-1', fromNumberId: '+12125550199', to: '+14155550100' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toMatch(/sent once and not repeated, and may have taken effect/);
    expect(requests).toHaveLength(1);
  });

  it('lists pathways as agents (an array or an envelope) and gets one with its global prompt and a pathway reference', async () => {
    const pathway = {
      name: 'Appointment setter',
      description: 'Books visits',
      nodes: [
        { id: 'n0', type: 'Default', data: { name: 'Intro', text: 'Hello', isStart: false } },
        { id: 'n1', type: 'Default', data: { name: 'Start', prompt: 'Greet', isStart: true, globalPrompt: 'You are a friendly scheduler.' } },
      ],
      edges: [],
    };
    server.use(
      http.get(`${base}/v1/pathway`, () => HttpResponse.json({ pathways: [{ id: 'pw-1', name: 'Appointment setter' }, { pathway_id: 'pw-2', name: 'Survey' }] })),
      http.get(`${base}/v1/pathway/pw-1`, () => HttpResponse.json(pathway)),
    );
    const page = await client().agents.list({});
    expect(page.items.map((agent) => [agent.id, agent.name, agent.promptRef])).toEqual([
      ['pw-1', 'Appointment setter', { kind: 'pathway', id: 'pw-1' }],
      ['pw-2', 'Survey', { kind: 'pathway', id: 'pw-2' }],
    ]);
    const agent = await client().agents.get('pw-1', { withPrompt: true });
    expect(agent).toMatchObject({ id: 'pw-1', prompt: 'You are a friendly scheduler.', promptRef: { kind: 'pathway', id: 'pw-1' }, voice: null, model: null });
    expect(requests).toHaveLength(2);
  });
});
