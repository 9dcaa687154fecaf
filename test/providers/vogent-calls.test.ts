import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { loadE164Formatter } from '../../src/core/kit/e164.js';
import { InternalServerError, InvalidRequestError, NotFoundError } from '../../src/index.js';
import { vogentAgentSchema, vogentDialSchema } from '../../src/providers/vogent/call-wire.js';
import { mapVogentAgent } from '../../src/providers/vogent/map-agent.js';
import { mapVogentDial } from '../../src/providers/vogent/map-call.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { failureOf, pathOf } from '../helpers/outcomes.js';
import { allPages } from './calls-kit.js';

useMsw();

const base = 'https://api.vogent.ai/api';
const vogent = () => createClient({ provider: 'vogent', apiKey: 'vogent_calls_key', maxRetries: 2 });

const agent = { id: 'ag-1', name: 'Renewals', defaultVoiceId: 'voice-3', defaultVersionedPromptId: 'vp-7', maxDurationSeconds: 10800 };
const dial = (fields: Record<string, unknown> = {}) => ({
  id: 'dial-1',
  toNumber: '+14155550100',
  fromNumberId: 'pn-1',
  dialTaskId: 'task-1',
  status: 'completed',
  systemResultType: null,
  startedAt: '2025-06-30T10:00:00.000Z',
  endedAt: '2025-06-30T10:01:30.000Z',
  createdAt: '2025-06-30T09:59:58.000Z',
  durationSeconds: 90,
  recordings: [{ url: 'https://api.vogent.ai/recordings/dial-1.mp3' }],
  transcript: null,
  inputs: { firstName: 'Ada' },
  agent,
  ...fields,
});

async function mapped(fields: Record<string, unknown>) {
  const wire = dial(fields);
  return mapVogentDial(vogentDialSchema().parse(wire), wire, await loadE164Formatter(null));
}

describe('vogent dials: mapping', () => {
  it.each([
    ['queued', null, 'queued', null],
    ['ringing', null, 'ringing', null],
    ['in-progress', null, 'in_progress', null],
    ['completed', null, 'completed', 'unknown'],
    ['completed', 'VOICEMAIL', 'completed', 'voicemail'],
    ['completed', 'BUSY', 'not_connected', 'busy'],
    ['busy', 'BUSY', 'not_connected', 'busy'],
    ['no-answer', null, 'not_connected', 'no_answer'],
    ['failed', null, 'not_connected', 'dial_failed'],
    ['canceled', null, 'canceled', 'canceled'],
    ['teleported', null, 'unknown', null],
  ])('status %s with result %s is %s, end reason %s', async (status, result, unified, endReason) => {
    const call = await mapped({ status, systemResultType: result });
    expect(call.status).toEqual({ unified, raw: status });
    expect(call.endReason?.unified ?? null).toBe(endReason);
  });

  it('keeps the raw value beside each end reason', async () => {
    expect((await mapped({ status: 'no-answer' })).endReason).toEqual({ unified: 'no_answer', raw: 'no-answer' });
    expect((await mapped({ status: 'completed', systemResultType: 'VOICEMAIL' })).endReason).toEqual({ unified: 'voicemail', raw: 'VOICEMAIL' });
  });

  it('gives no cost (null, never 0), seconds as given, a recording that needs the key, inputs as variables, the job as campaign', async () => {
    const call = await mapped({});
    expect(call.cost).toBeNull();
    expect(call.durationSeconds).toBe(90);
    expect(call.recording).toEqual({ url: 'https://api.vogent.ai/recordings/dial-1.mp3', requiresAuth: true, expiresAt: null });
    expect(call.variables).toEqual({ firstName: 'Ada' });
    expect(call).toMatchObject({ agentId: 'ag-1', phoneNumberId: 'pn-1', to: '+14155550100', from: null, customerE164: '+14155550100', direction: null });
    expect(call.startedAt).toEqual(new Date('2025-06-30T10:00:00.000Z'));
    expect((await mapped({ durationSeconds: null })).durationSeconds).toBe(90);
    expect((await mapped({ recordings: [] })).recording).toBeNull();
    const wire = dial();
    expect(mapVogentDial(vogentDialSchema().parse(wire), wire, () => null, 'job-1').campaignId).toBe('job-1');
  });

  it('maps speakers to roles, function results to tool, an unknown speaker to other, milliseconds to seconds', async () => {
    const call = await mapped({
      transcript: [
        { text: 'Hi, this is Acme.', speaker: 'AI', detailType: null, startTimeMs: 0, endTimeMs: 1500 },
        { text: 'Hello?', speaker: 'HUMAN', detailType: null, startTimeMs: 1800, endTimeMs: 2300 },
        { text: '{"ok":true}', speaker: 'AI', detailType: 'function', startTimeMs: 2400, endTimeMs: 2450 },
        { text: '(hold music)', speaker: 'SYSTEM', detailType: null, startTimeMs: null, endTimeMs: null },
      ],
    });
    expect(call.transcript).toEqual([
      { role: 'agent', text: 'Hi, this is Acme.', startSeconds: 0, endSeconds: 1.5 },
      { role: 'customer', text: 'Hello?', startSeconds: 1.8, endSeconds: 2.3 },
      { role: 'tool', text: '{"ok":true}', startSeconds: 2.4, endSeconds: 2.45 },
      { role: 'other', text: '(hold music)', startSeconds: null, endSeconds: null },
    ]);
  });

  it('maps the embedded agent with its prompt named by a versioned-prompt reference', () => {
    expect(mapVogentAgent(vogentAgentSchema().parse(agent), agent)).toMatchObject({
      id: 'ag-1',
      name: 'Renewals',
      voice: { provider: null, voiceId: 'voice-3' },
      prompt: null,
      promptRef: { kind: 'versioned_prompt', id: 'vp-7' },
    });
  });
});

describe('vogent dials: operations', () => {
  it('offers no agent operation (GET /agents is second-hand, no get-one endpoint is known)', () => {
    expect(['agents.list', 'agents.get'].map((name) => vogent().supports(name as 'agents.list'))).toEqual([false, false]);
    expect(['calls.create', 'calls.get', 'calls.list'].map((name) => vogent().supports(name as 'calls.list'))).toEqual([true, true, true]);
  });

  it('refuses calls.list without campaignId before any request, saying why', async () => {
    const error = await failureOf(vogent().calls.list({}));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/^vogent: calls.list: Vogent has no account-wide call list.*campaignId/);
    const reversed = await failureOf(
      vogent().calls.list({ campaignId: 'job-1', startedAfter: new Date('2025-07-02'), startedBefore: new Date('2025-07-01') }),
    );
    expect(reversed).toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });

  it("lists a job's dials page by page, each tagged with the job, filters applied to each page with no total", async () => {
    server.use(
      http.get(`${base}/batch_dial_jobs/job-1/dials`, ({ request }) =>
        HttpResponse.json(
          new URL(request.url).searchParams.get('cursor') === null
            ? { data: [dial({ id: 'd1' }), dial({ id: 'd2', status: 'no-answer' })], cursor: 'next-1' }
            : { data: [dial({ id: 'd3', status: 'busy' })], cursor: null },
        ),
      ),
    );
    const pages = await allPages(vogent().calls.list({ campaignId: 'job-1', status: 'not_connected', limit: 2 }));
    expect(requests.map((request) => [pathOf(request), queryOf(request)])).toEqual([
      ['/api/batch_dial_jobs/job-1/dials', { limit: ['2'] }],
      ['/api/batch_dial_jobs/job-1/dials', { limit: ['2'], cursor: ['next-1'] }],
    ]);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(['d2', 'd3']);
    expect(pages.every((page) => page.totalCount === null)).toBe(true);
    expect(pages[0]!.items[0]!.campaignId).toBe('job-1');
  });

  it('applies agentId and the start-time window to each page', async () => {
    server.use(
      http.get(`${base}/batch_dial_jobs/job-1/dials`, () =>
        HttpResponse.json({
          data: [dial({ id: 'd1' }), dial({ id: 'd2', agent: { ...agent, id: 'ag-2' } }), dial({ id: 'd3', startedAt: '2025-07-05T00:00:00Z' })],
          cursor: null,
        }),
      ),
    );
    const page = await vogent().calls.list(
      { campaignId: 'job-1', agentId: 'ag-1', startedAfter: new Date('2025-06-30T00:00:00Z'), startedBefore: new Date('2025-07-01T00:00:00Z') },
    );
    expect(page.items.map((item) => item.id)).toEqual(['d1']);
    expect(queryOf(requests[0]!)).toEqual({});
  });

  it('gets a dial; an unknown id is NotFoundError', async () => {
    server.use(
      http.get(`${base}/dials/:id`, ({ params }) =>
        params.id === 'dial-1' ? HttpResponse.json(dial()) : HttpResponse.json({ message: 'Dial not found' }, { status: 404 }),
      ),
    );
    expect((await vogent().calls.get('dial-1')).id).toBe('dial-1');
    expect(await failureOf(vogent().calls.get('missing'))).toBeInstanceOf(NotFoundError);
  });

  it('creates a dial with POST /dials, then reads it back with one GET', async () => {
    server.use(
      http.post(`${base}/dials`, () => HttpResponse.json({ dialToken: 'tok', sessionId: 'sess-1', dialId: 'dial-9' })),
      http.get(`${base}/dials/dial-9`, () => HttpResponse.json(dial({ id: 'dial-9', status: 'queued', startedAt: null, endedAt: null, durationSeconds: null }))),
    );
    const created = await vogent().calls.create({ agentId: 'ag-1', fromNumberId: 'pn-1', to: '+1 (415) 555-0100', variables: { firstName: 'Ada' } });
    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual(['POST /api/dials', 'GET /api/dials/dial-9']);
    expect(await requests[0]!.json()).toEqual({ callAgentId: 'ag-1', toNumber: '+14155550100', fromNumberId: 'pn-1', callAgentInput: { firstName: 'Ada' } });
    expect(created).toMatchObject({ id: 'dial-9', status: { unified: 'queued', raw: 'queued' }, endReason: null });
  });

  it('refuses a to that is no number, and metadata Vogent cannot keep, before any request', async () => {
    for (const input of [
      { agentId: 'ag-1', fromNumberId: 'pn-1', to: 'call me maybe' },
      { agentId: 'ag-1', fromNumberId: 'pn-1', to: '4155550100' },
      { agentId: 'ag-1', fromNumberId: 'pn-1', to: '+14155550100', metadata: { order: '1' } },
    ]) {
      expect(await failureOf(vogent().calls.create(input))).toBeInstanceOf(InvalidRequestError);
    }
    expect(requests).toHaveLength(0);
  });

  it('never retries the create, and says the dial may exist', async () => {
    server.use(http.post(`${base}/dials`, () => HttpResponse.json({ message: 'boom' }, { status: 503 })));
    const error = await failureOf(vogent().calls.create({ agentId: 'ag-1', fromNumberId: 'pn-1', to: '+14155550100' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toMatch(/sent once and not repeated, and may have taken effect/);
    expect(requests).toHaveLength(1);
  });

  it('says the dial exists when the read-back fails', async () => {
    server.use(
      http.post(`${base}/dials`, () => HttpResponse.json({ dialToken: 'tok', sessionId: 's', dialId: 'dial-9' })),
      http.get(`${base}/dials/dial-9`, () => HttpResponse.json({ message: 'not yet' }, { status: 404 })),
    );
    const error = await failureOf(vogent().calls.create({ agentId: 'ag-1', fromNumberId: 'pn-1', to: '+14155550100' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/The dial was created \(id dial-9\).*calls.get\('dial-9'\)/);
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});
