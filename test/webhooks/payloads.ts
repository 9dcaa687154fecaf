import { createHmac } from 'node:crypto';

// Real-shaped webhook payloads, one per platform, built from each platform's documentation:
// the wire call is what the platform's GET answers (so calls.get can be fed the same object), the
// envelope is the webhook's, and the headers are signed as the platform signs them.

export const secrets = {
  vapi: 'vapi_server_secret_example',
  retell: 'key_retell_webhook_badge_example',
  elevenlabs: 'wsec_elevenlabs_example',
  bland: 'bland_signing_secret_example',
} as const;

export type PayloadProvider = keyof typeof secrets;

export interface SignedPayload {
  provider: PayloadProvider;
  /** The call as the platform's GET answers it (for Vapi: the report laid over its call, as Vapi documents). */
  wireCall: Record<string, unknown>;
  /** The call's id. */
  callId: string;
  /** The path calls.get reads. */
  getPath: string;
  body: string;
  headers: Record<string, string>;
  /** The event type parseWebhook must give. */
  expectedType: string;
}

const now = () => Date.now();

/** Vapi `end-of-call-report` (docs "End-of-call report"; API reference ServerMessageEndOfCallReport). */
export function vapiReport(): SignedPayload {
  const call = {
    id: '4f1c2a9e-7b1d-4c3e-9f0a-2b7c1d9e8f01',
    orgId: 'org_1',
    type: 'outboundPhoneCall',
    status: 'in-progress',
    assistantId: 'a1b2c3d4-0000-4000-8000-000000000001',
    phoneNumberId: 'b1b2c3d4-0000-4000-8000-000000000002',
    customer: { number: '+14155550123' },
    phoneNumber: { number: '+14155550100' },
    createdAt: '2025-06-01T10:00:00.000Z',
    assistantOverrides: { variableValues: { name: 'Ada' } },
  };
  const report = {
    endedReason: 'customer-ended-call',
    cost: 0.1234,
    startedAt: '2025-06-01T10:00:03.000Z',
    endedAt: '2025-06-01T10:01:45.500Z',
    artifact: {
      messages: [
        { role: 'system', message: 'You are a scheduling assistant.', time: 1748772003000, secondsFromStart: 0 },
        { role: 'bot', message: 'Hello Ada, this is Acme.', time: 1748772004000, secondsFromStart: 1.2, duration: 2.1 },
        { role: 'user', message: 'Hi — ¿qué tal?', time: 1748772007000, secondsFromStart: 4, duration: 1.5 },
      ],
      transcript: 'AI: Hello Ada, this is Acme.\nUser: Hi — ¿qué tal?',
      recordingUrl: 'https://storage.vapi.ai/4f1c2a9e-recording.wav',
    },
    analysis: { summary: 'The customer confirmed the appointment.', successEvaluation: 'true' },
  };
  const body = JSON.stringify({ message: { type: 'end-of-call-report', timestamp: now(), ...report, call, customer: call.customer, phoneNumber: call.phoneNumber } });
  return {
    provider: 'vapi',
    wireCall: { ...call, status: 'ended', ...report },
    callId: call.id,
    getPath: `/call/${call.id}`,
    body,
    headers: { 'content-type': 'application/json', 'x-vapi-secret': secrets.vapi },
    expectedType: 'call.analyzed',
  };
}

/** Retell `call_analyzed` (docs "Webhook Overview": `{ event, call }`, the get-call object with call_analysis). */
export function retellAnalyzed(): SignedPayload {
  const call = {
    call_id: 'Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6',
    call_type: 'phone_call',
    agent_id: 'oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD',
    direction: 'outbound',
    from_number: '+14157774444',
    to_number: '+12137774445',
    call_status: 'ended',
    disconnection_reason: 'user_hangup',
    start_timestamp: 1_748_772_000_000,
    end_timestamp: 1_748_772_095_000,
    duration_ms: 95_000,
    recording_url: 'https://retellai.s3.us-west-2.amazonaws.com/Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6/recording.wav',
    retell_llm_dynamic_variables: { customer_name: 'Ada' },
    call_cost: { combined_cost: 70, product_costs: [], total_duration_seconds: 95 },
    call_analysis: { call_summary: 'The user agreed to a follow-up.', call_successful: true, user_sentiment: 'Positive' },
    transcript: 'Agent: hi how are you doing?\nUser: Doing pretty well. How are you?',
    transcript_object: [
      { role: 'agent', content: 'hi how are you doing?', words: [{ word: 'hi', start: 0.7, end: 1.3 }, { word: 'doing?', start: 2.1, end: 2.6 }] },
      { role: 'user', content: 'Doing pretty well. How are you?', words: [{ word: 'Doing', start: 3.3, end: 3.6 }, { word: 'you?', start: 4.9, end: 5.2 }] },
    ],
  };
  const body = JSON.stringify({ event: 'call_analyzed', call });
  const timestamp = now();
  const digest = createHmac('sha256', secrets.retell).update(body + timestamp).digest('hex');
  return {
    provider: 'retell',
    wireCall: call,
    callId: call.call_id,
    getPath: `/v2/get-call/${call.call_id}`,
    body,
    headers: { 'content-type': 'application/json', 'x-retell-signature': `v=${timestamp},d=${digest}` },
    expectedType: 'call.analyzed',
  };
}

/** ElevenLabs `post_call_transcription` (docs "Post-call webhooks": `{ type, event_timestamp, data }`, data = GET conversation). */
export function elevenLabsTranscription(): SignedPayload {
  const data = {
    agent_id: 'agent_8201k0example',
    conversation_id: 'conv_7401k0example',
    status: 'done',
    transcript: [
      { role: 'agent', message: 'Hello, how can I help you today?', time_in_call_secs: 0 },
      { role: 'user', message: 'I would like to move my appointment.', time_in_call_secs: 3 },
    ],
    metadata: {
      start_time_unix_secs: 1_748_772_000,
      call_duration_secs: 42,
      cost: 296,
      termination_reason: 'Client disconnected: 1000',
      phone_call: { direction: 'outbound', phone_number_id: 'phnum_0101example', agent_number: '+14155550100', external_number: '+14155550123', type: 'twilio', call_sid: 'CA0123' },
    },
    analysis: { call_successful: 'success', transcript_summary: 'The caller moved the appointment to Friday.' },
    conversation_initiation_client_data: { dynamic_variables: { customer_name: 'Ada' } },
    has_audio: true,
  };
  const body = JSON.stringify({ type: 'post_call_transcription', event_timestamp: Math.floor(now() / 1000), data });
  const t = Math.floor(now() / 1000);
  const digest = createHmac('sha256', secrets.elevenlabs).update(`${t}.${body}`).digest('hex');
  return {
    provider: 'elevenlabs',
    wireCall: data,
    callId: data.conversation_id,
    getPath: `/v1/convai/conversations/${data.conversation_id}`,
    body,
    headers: { 'content-type': 'application/json', 'elevenlabs-signature': `t=${t},v0=${digest}` },
    expectedType: 'call.analyzed',
  };
}

/** Bland's call webhook: the call object of `GET /v1/calls/{id}`, signed in `X-Webhook-Signature` (docs "Webhook Signing"). */
export function blandCallEnded(): SignedPayload {
  const call = {
    call_id: 'c8e3a1d2-5b6f-4a7e-9c0d-1e2f3a4b5c6d',
    c_id: 'c8e3a1d2-5b6f-4a7e-9c0d-1e2f3a4b5c6d',
    to: '+14155550123',
    from: '+14155550100',
    inbound: false,
    created_at: '2025-06-01T10:00:00.000Z',
    started_at: '2025-06-01T10:00:04.000Z',
    end_at: '2025-06-01T10:01:34.000Z',
    call_length: 1.5,
    queue_status: 'complete',
    completed: true,
    status: 'completed',
    answered_by: 'human',
    call_ended_by: 'ASSISTANT',
    request_data: { name: 'Ada' },
    summary: 'Ada confirmed the delivery window.',
    recording_url: 'https://server.aws.dialpad.com/recordings/c8e3a1d2.mp3',
    price: 0.135,
    concatenated_transcript: 'assistant: Hello Ada. user: Hi!',
    transcripts: [
      { id: 1, text: 'Hello Ada.', user: 'assistant', created_at: '2025-06-01T10:00:05.000Z' },
      { id: 2, text: 'Hi!', user: 'user', created_at: '2025-06-01T10:00:07.000Z' },
    ],
  };
  const body = JSON.stringify(call);
  return {
    provider: 'bland',
    wireCall: call,
    callId: call.call_id,
    getPath: `/v1/calls/${call.call_id}`,
    body,
    headers: { 'content-type': 'application/json', 'x-webhook-signature': createHmac('sha256', secrets.bland).update(body).digest('hex') },
    expectedType: 'call.ended',
  };
}

export const payloads: Record<PayloadProvider, () => SignedPayload> = {
  vapi: vapiReport,
  retell: retellAnalyzed,
  elevenlabs: elevenLabsTranscription,
  bland: blandCallEnded,
};
