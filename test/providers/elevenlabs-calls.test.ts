import { describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError, type Agent, type Call } from '../../src/index.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';

// ElevenLabs conversations as calls and agents, through createClient.

useMsw();

const base = 'https://api.elevenlabs.io';
const apiKey = 'xi_test_key_0123456789';
const client = () => createClient({ provider: 'elevenlabs', apiKey, maxRetries: 2 });

const summary = {
  agent_id: 'agent_a', conversation_id: 'conv_1', start_time_unix_secs: 1_719_792_000, call_duration_secs: 60, message_count: 4,
  status: 'done', call_successful: 'success', direction: 'outbound', termination_reason: 'end_call tool was called.', transcript_summary: 'Booked.',
};
const conversation = {
  agent_id: 'agent_a', conversation_id: 'conv_1', status: 'done', has_audio: true,
  transcript: [
    { role: 'agent', message: 'Hello!', time_in_call_secs: 0 },
    { role: 'user', message: 'Hi.', time_in_call_secs: 2 },
    { role: 'agent', message: null, time_in_call_secs: 3, tool_calls: [{ tool_name: 'book' }] },
    { role: 'narrator', message: 'odd', time_in_call_secs: 4 },
  ],
  analysis: { transcript_summary: 'Booked.' },
  conversation_initiation_client_data: { dynamic_variables: { name: 'Ana' } },
  metadata: {
    start_time_unix_secs: 1_719_792_000, call_duration_secs: 60, cost: 600, termination_reason: 'Client disconnected: 1000',
    phone_call: { type: 'twilio', direction: 'outbound', phone_number_id: 'phnum_1', agent_number: '+14155550101', external_number: '+14155550102', call_result: 'answered' },
    batch_call: { batch_call_id: 'btcal_1' },
  },
};

describe('elevenlabs calls.get', () => {
  it('maps a conversation with its transcript, cost in credits, recording and numbers', async () => {
    server.use(http.get(`${base}/v1/convai/conversations/:id`, () => HttpResponse.json(conversation)));
    const call = await client().calls.get('conv_1');
    expect(`${requests[0]!.method} ${new URL(requests[0]!.url).pathname}${new URL(requests[0]!.url).search}`).toBe('GET /v1/convai/conversations/conv_1');
    expect(requests[0]!.headers.get('xi-api-key')).toBe(apiKey);
    expect(call).toEqual<Call<'elevenlabs'>>({
      provider: 'elevenlabs', id: 'conv_1', direction: 'outbound', status: { unified: 'completed', raw: 'done' },
      endReason: { unified: 'customer_hangup', raw: 'Client disconnected: 1000' }, agentId: 'agent_a', campaignId: 'btcal_1', phoneNumberId: 'phnum_1',
      from: '+14155550101', to: '+14155550102', customerE164: '+14155550102', createdAt: new Date(1_719_792_000_000), startedAt: new Date(1_719_792_000_000),
      endedAt: new Date(1_719_792_060_000), durationSeconds: 60, cost: { amount: 600, currency: null, unit: 'credits' },
      recording: { url: '/v1/convai/conversations/conv_1/audio', requiresAuth: true, expiresAt: null },
      transcript: [
        { role: 'agent', text: 'Hello!', startSeconds: 0, endSeconds: null },
        { role: 'customer', text: 'Hi.', startSeconds: 2, endSeconds: null },
        { role: 'tool', text: 'book', startSeconds: 3, endSeconds: null },
        { role: 'other', text: 'odd', startSeconds: 4, endSeconds: null },
      ],
      summary: 'Booked.', variables: { name: 'Ana' }, raw: conversation,
    });
  });

  it.each([
    [{ status: 'done', call_result: 'busy' }, 'not_connected', 'busy'],
    [{ status: 'done', call_result: 'no_answer' }, 'not_connected', 'no_answer'],
    [{ status: 'done', call_result: 'failed' }, 'not_connected', 'dial_failed'],
    [{ status: 'done', call_result: 'voicemail' }, 'completed', 'voicemail'],
    [{ status: 'done', call_result: 'answered', reason: 'Maximum duration exceeded' }, 'completed', 'max_duration'],
    [{ status: 'done', call_result: 'answered', reason: 'end_call tool was called.' }, 'completed', 'agent_hangup'],
    [{ status: 'done', call_result: 'answered', reason: 'Transferred to +1415' }, 'completed', 'transferred'],
    [{ status: 'done', call_result: 'answered', reason: 'something new' }, 'completed', 'unknown'],
    [{ status: 'failed', call_result: 'answered', error: true }, 'failed', 'error'],
    [{ status: 'processing', call_result: 'answered', reason: 'Client disconnected' }, 'completed', 'customer_hangup'],
    [{ status: 'initiated' }, 'queued', null],
    [{ status: 'in-progress' }, 'in_progress', null],
    [{ status: 'brand-new' }, 'unknown', null],
  ])('maps %j to %s / %s', async (given, status, reason) => {
    const wire = {
      ...conversation,
      status: given.status,
      metadata: {
        ...conversation.metadata,
        termination_reason: 'reason' in given ? given.reason : '',
        ...('error' in given ? { error: { code: 500, reason: 'LLM error' } } : {}),
        phone_call: { ...conversation.metadata.phone_call, call_result: 'call_result' in given ? given.call_result : undefined },
      },
    };
    server.use(http.get(`${base}/v1/convai/conversations/:id`, () => HttpResponse.json(wire)));
    const call = await client().calls.get('conv_1');
    expect(call.status.unified).toBe(status);
    expect(call.endReason?.unified ?? null).toBe(reason);
    if (reason === null) expect(call.endedAt).toBeNull();
  });

  it('gives cost_fiat as USD when present, and no cost when neither is sent; a conversation without a phone call is web', async () => {
    const { phone_call: _phone, batch_call: _batch, cost: _cost, ...rest } = conversation.metadata;
    server.use(http.get(`${base}/v1/convai/conversations/:id`, () => HttpResponse.json({ ...conversation, has_audio: false, metadata: { ...rest, cost_fiat: 0.12 } })));
    const call = await client().calls.get('conv_1');
    expect(call.cost).toEqual({ amount: 0.12, currency: 'USD', unit: 'currency' });
    expect([call.direction, call.from, call.customerE164, call.recording]).toEqual(['web', null, null, null]);
    server.use(http.get(`${base}/v1/convai/conversations/:id`, () => HttpResponse.json({ ...conversation, metadata: rest })));
    expect((await client().calls.get('conv_1')).cost).toBeNull();
  });
});

describe('elevenlabs calls.list', () => {
  it('sends the filters ElevenLabs applies, status as exclude_statuses, and pages by next_cursor', async () => {
    server.use(
      http.get(`${base}/v1/convai/conversations`, ({ request }) =>
        new URL(request.url).searchParams.get('cursor') === null
          ? HttpResponse.json({ conversations: [summary, { ...summary, conversation_id: 'conv_2', status: 'processing' }], next_cursor: 'n1', has_more: true })
          : HttpResponse.json({ conversations: [{ ...summary, conversation_id: 'conv_3', status: 'failed' }], has_more: false }),
      ),
    );
    const list = client().calls.list;
    const page = await list({ limit: 2, agentId: 'agent_a', status: 'completed', startedAfter: new Date(1_719_792_000_500), startedBefore: new Date(1_719_800_000_500) });
    expect(queryOf(requests[0]!)).toEqual({
      page_size: ['2'], agent_id: ['agent_a'], call_start_after_unix: ['1719792000'], call_start_before_unix: ['1719800001'],
      exclude_statuses: ['initiated', 'in-progress', 'failed'],
    });
    expect(page.items.map((call) => call.id)).toEqual(['conv_1', 'conv_2']);
    expect(page.items[0]).toMatchObject({ transcript: null, cost: null, summary: 'Booked.', direction: 'outbound', endReason: { unified: 'agent_hangup' } });
    expect(page.nextCursor).toBe('n1');
    const second = await list({ status: 'completed', cursor: 'n1' });
    expect(queryOf(requests[1]!).cursor).toEqual(['n1']);
    // A status the server still sent is filtered out on the page, never let through.
    expect(second.items).toEqual([]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a limit over 100 and a start range that is backwards, before any request', async () => {
    const list = client().calls.list;
    await expect(list({ limit: 101 })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(list({ startedAfter: new Date(2000), startedBefore: new Date(1000) })).rejects.toThrow(/later than startedBefore/);
    expect(requests).toHaveLength(0);
  });

  it('lists the calls of a batch from the batch get: recipients with a conversation', async () => {
    server.use(
      http.get(`${base}/v1/convai/batch-calling/:id`, () =>
        HttpResponse.json({
          id: 'btcal_1', agent_id: 'agent_a', phone_number_id: 'phnum_1', name: 'R', status: 'in_progress',
          recipients: [
            { id: 'r1', phone_number: '+14155550102', status: 'completed', conversation_id: 'conv_1', created_at_unix: 1_719_792_000 },
            { id: 'r2', phone_number: '+14155550103', status: 'voicemail', conversation_id: 'conv_2' },
            { id: 'r3', phone_number: '+14155550104', status: 'pending', conversation_id: null },
          ],
        }),
      ),
    );
    const page = await client().calls.list({ campaignId: 'btcal_1' });
    expect(new URL(requests[0]!.url).pathname).toBe('/v1/convai/batch-calling/btcal_1');
    expect(page.items.map((call) => [call.id, call.status.unified, call.endReason?.unified ?? null, call.to, call.campaignId, call.phoneNumberId])).toEqual([
      ['conv_1', 'completed', null, '+14155550102', 'btcal_1', 'phnum_1'],
      ['conv_2', 'completed', 'voicemail', '+14155550103', 'btcal_1', 'phnum_1'],
    ]);
    expect(page.nextCursor).toBeNull();
    await expect(client().calls.list({ campaignId: 'btcal_1', agentId: 'a' })).rejects.toBeInstanceOf(InvalidRequestError);
  });
});

describe('elevenlabs calls.create', () => {
  const number = { phone_number_id: 'phnum_1', phone_number: '+14155550101', label: 'L', provider: 'twilio' };

  it('reads the number, posts to its provider endpoint once with the variables and a marker, then reads the call', async () => {
    server.use(
      http.get(`${base}/v1/convai/phone-numbers/:id`, () => HttpResponse.json(number)),
      http.post(`${base}/v1/convai/twilio/outbound-call`, () => HttpResponse.json({ success: true, message: 'ok', conversation_id: 'conv_1', callSid: 'CA1' })),
      http.get(`${base}/v1/convai/conversations/:id`, () => HttpResponse.json({ ...conversation, status: 'initiated' })),
    );
    const call = await client().calls.create({ agentId: 'agent_a', fromNumberId: 'phnum_1', to: '+14155550102', variables: { name: 'Ana' } });
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'GET /v1/convai/phone-numbers/phnum_1',
      'POST /v1/convai/twilio/outbound-call',
      'GET /v1/convai/conversations/conv_1',
    ]);
    const body = (await requests[1]!.json()) as { conversation_initiation_client_data: { dynamic_variables: Record<string, string> } };
    const { vp_request_id: marker, ...variables } = body.conversation_initiation_client_data.dynamic_variables;
    expect(body).toMatchObject({ agent_id: 'agent_a', agent_phone_number_id: 'phnum_1', to_number: '+14155550102' });
    expect(variables).toEqual({ name: 'Ana' });
    expect(marker).toMatch(/^[0-9a-f-]{36}$/);
    expect(call.status.unified).toBe('queued');
  });

  it('uses the SIP-trunk endpoint for a SIP-trunk number and refuses an Exotel one', async () => {
    server.use(
      http.get(`${base}/v1/convai/phone-numbers/:id`, ({ params }) => HttpResponse.json({ ...number, provider: params.id === 'phnum_x' ? 'exotel' : 'sip_trunk' })),
      http.post(`${base}/v1/convai/sip-trunk/outbound-call`, () => HttpResponse.json({ success: true, message: 'ok', conversation_id: 'conv_1', sip_call_id: 's' })),
      http.get(`${base}/v1/convai/conversations/:id`, () => HttpResponse.json(conversation)),
    );
    await client().calls.create({ agentId: 'agent_a', fromNumberId: 'phnum_1', to: '+14155550102' });
    expect(`${requests[1]!.method} ${new URL(requests[1]!.url).pathname}`).toBe('POST /v1/convai/sip-trunk/outbound-call');
    requests.length = 0;
    await expect(client().calls.create({ agentId: 'agent_a', fromNumberId: 'phnum_x', to: '+14155550102' })).rejects.toThrow(/No call was placed/);
    expect(requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('makes success: false an error, never retries the POST, and says how to find the call', async () => {
    server.use(
      http.get(`${base}/v1/convai/phone-numbers/:id`, () => HttpResponse.json(number)),
      http.post(`${base}/v1/convai/twilio/outbound-call`, () => HttpResponse.json({ success: false, message: 'Agent has no voice', conversation_id: null })),
    );
    await expect(client().calls.create({ agentId: 'agent_a', fromNumberId: 'phnum_1', to: '+14155550102' })).rejects.toThrow(/Agent has no voice/);
    server.use(http.post(`${base}/v1/convai/twilio/outbound-call`, () => HttpResponse.json({ detail: 'down' }, { status: 502 })));
    requests.length = 0;
    const error = await client().calls.create({ agentId: 'agent_a', fromNumberId: 'phnum_1', to: '+14155550102' }).catch((caught: unknown) => caught);
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect((error as Error).message).toMatch(/dynamic_variable_params=vp_request_id:eq:[0-9a-f-]{36}/);
  });

  it('refuses a to that is not a number, and metadata, before any request', async () => {
    await expect(client().calls.create({ agentId: 'a', fromNumberId: 'p', to: 'hello' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client().calls.create({ agentId: 'a', fromNumberId: 'p', to: '+14155550102', metadata: { a: 'b' } })).rejects.toThrow(/no metadata/);
    expect(requests).toHaveLength(0);
  });
});

describe('elevenlabs agents', () => {
  it('lists agents by cursor and gets one with prompt, voice and model', async () => {
    const agent = {
      agent_id: 'agent_a', name: 'Receptionist', version_id: 'v1',
      conversation_config: { agent: { prompt: { prompt: 'Be kind.', llm: 'gpt-4o-mini' } }, tts: { voice_id: 'voice_1', model_id: 'eleven_flash_v2_5' } },
      metadata: { created_at_unix_secs: 1_719_792_000, updated_at_unix_secs: 1_719_795_600 },
    };
    server.use(
      http.get(`${base}/v1/convai/agents`, () => HttpResponse.json({ agents: [{ agent_id: 'agent_a', name: 'Receptionist', voice_id: 'voice_1', created_at_unix_secs: 1_719_792_000 }], next_cursor: 'c2', has_more: true })),
      http.get(`${base}/v1/convai/agents/:id`, () => HttpResponse.json(agent)),
    );
    const page = await client().agents.list({ limit: 10 });
    expect(queryOf(requests[0]!)).toEqual({ page_size: ['10'] });
    expect(page.items[0]).toMatchObject({ id: 'agent_a', name: 'Receptionist', voice: { provider: 'elevenlabs', voiceId: 'voice_1' }, prompt: null });
    expect(page.nextCursor).toBe('c2');
    const got = await client().agents.get('agent_a', { withPrompt: true });
    expect(new URL(requests[1]!.url).pathname).toBe('/v1/convai/agents/agent_a');
    expect(got).toEqual<Agent<'elevenlabs'>>({
      provider: 'elevenlabs', id: 'agent_a', name: 'Receptionist', voice: { provider: 'elevenlabs', voiceId: 'voice_1' },
      model: { provider: null, name: 'gpt-4o-mini' }, prompt: 'Be kind.', promptRef: null, version: 'v1',
      createdAt: new Date(1_719_792_000_000), updatedAt: new Date(1_719_795_600_000), raw: agent,
    });
  });
});
