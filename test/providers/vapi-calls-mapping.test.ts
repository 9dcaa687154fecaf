import { describe, expect, it } from 'vitest';
import { vapiAssistantSchema, vapiCallSchema } from '../../src/providers/vapi/calls-wire.js';
import { mapVapiAgent } from '../../src/providers/vapi/map-agent.js';
import { mapVapiCall } from '../../src/providers/vapi/map-call.js';
import { classifyEndedReason } from '../../src/providers/vapi/wire-assumptions.js';

// One test per row of the Vapi column of the calls-and-agents mapping tables: status (by end
// reason), end reason by family, cost, duration, transcript roles, recording, variables, direction,
// customer number. Each wire object goes through the same schema the operations use.

const callId = 'c0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b';

function vapiCall(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: callId,
    orgId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    type: 'outboundPhoneCall',
    status: 'ended',
    endedReason: 'customer-ended-call',
    createdAt: '2025-05-01T09:00:00.000Z',
    updatedAt: '2025-05-01T09:03:00.000Z',
    startedAt: '2025-05-01T09:00:05.000Z',
    endedAt: '2025-05-01T09:02:35.500Z',
    cost: 0.4213,
    assistantId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    phoneNumberId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
    campaignId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    customer: { number: '+14155550123', name: 'Ada' },
    phoneNumber: { number: '+14155550101' },
    assistantOverrides: { variableValues: { first: 'Ada', plan: 'gold' } },
    analysis: { summary: 'Renewed for a year.' },
    artifact: {
      messages: [
        { role: 'system', message: 'You are a renewals agent.', time: 1, secondsFromStart: 0 },
        { role: 'bot', message: 'Hello Ada!', time: 2, endTime: 3, secondsFromStart: 0.5, duration: 1.25 },
        { role: 'user', message: 'Hi.', time: 4, endTime: 5, secondsFromStart: 2, duration: 0.5 },
        { role: 'tool_calls', message: '', toolCalls: [], time: 6, secondsFromStart: 3 },
        { role: 'tool_call_result', name: 'renew', result: '{"ok":true}', toolCallId: 't1', time: 7, secondsFromStart: 3.5 },
        { role: 'narrator', message: 'A new kind of turn.', time: 8, secondsFromStart: 4 },
      ],
      recordingUrl: 'https://storage.vapi.ai/c0a1-mono.wav',
      presignedMonoUrl: 'https://signed.vapi.ai/c0a1-mono.wav?sig=abc',
      presignedUrlsExpiresAt: '2025-05-01T10:02:35.000Z',
    },
    ...overrides,
  };
}

function map(wire: Record<string, unknown>) {
  const parsed = vapiCallSchema().safeParse(wire);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return mapVapiCall(parsed.data, wire);
}

describe('vapi call status and end reason', () => {
  it.each([
    ['customer-did-not-answer', 'no_answer', 'not_connected'],
    ['customer-busy', 'busy', 'not_connected'],
    ['vonage-rejected', 'declined', 'not_connected'],
    ['twilio-failed-to-connect-call', 'dial_failed', 'not_connected'],
    ['voicemail', 'voicemail', 'completed'],
    ['customer-ended-call', 'customer_hangup', 'completed'],
    ['assistant-ended-call-with-hangup-task', 'agent_hangup', 'completed'],
    ['assistant-forwarded-call', 'transferred', 'completed'],
    ['exceeded-max-duration', 'max_duration', 'completed'],
    ['silence-timed-out', 'silence_timeout', 'completed'],
    ['manually-canceled', 'canceled', 'canceled'],
    ['call.start.error-subscription-concurrency-limit-reached', 'concurrency_limit', 'failed'],
    ['call.start.error-subscription-insufficient-credits', 'insufficient_funds', 'failed'],
    ['pipeline-error-openai-llm-failed', 'error', 'failed'],
    ['call.ending.hook-executed-say', 'unknown', 'completed'],
  ] as const)('ended with %s: end reason %s, status %s', (reason, endReason, status) => {
    const mapped = map(vapiCall({ endedReason: reason }));
    expect(mapped.endReason).toEqual({ unified: endReason, raw: reason });
    expect(mapped.status).toEqual({ unified: status, raw: 'ended' });
  });

  it('never reads a no-answer, busy or voicemail as a completed success: each says why in endReason', () => {
    for (const reason of ['customer-did-not-answer', 'customer-busy']) expect(map(vapiCall({ endedReason: reason })).status.unified).toBe('not_connected');
    const voicemail = map(vapiCall({ endedReason: 'voicemail' }));
    expect(voicemail.endReason?.unified).toBe('voicemail');
  });

  it.each([
    ['scheduled', 'scheduled'],
    ['queued', 'queued'],
    ['ringing', 'ringing'],
    ['in-progress', 'in_progress'],
    ['forwarding', 'in_progress'],
    ['not-found', 'unknown'],
    ['deletion-failed', 'unknown'],
    ['teleporting', 'unknown'],
  ])('status %s is %s, with no end reason while not ended', (wire, unified) => {
    const mapped = map(vapiCall({ status: wire, endedReason: undefined, endedAt: undefined }));
    expect(mapped.status).toEqual({ unified, raw: wire });
    expect(mapped.endReason).toBeNull();
  });

  it('an ended call without a reason has an unknown end reason and reads as completed', () => {
    const mapped = map(vapiCall({ endedReason: undefined }));
    expect(mapped.endReason).toEqual({ unified: 'unknown', raw: null });
    expect(mapped.status.unified).toBe('completed');
  });
});

describe('vapi endedReason families, in the order of the wire note', () => {
  it.each([
    ['call.start.error-vapi-number-outbound-daily-limit', 'concurrency_limit'],
    ['call.start.error-subscription-frozen', 'insufficient_funds'],
    ['call.start.error-subscription-wallet-does-not-exist', 'insufficient_funds'],
    ['scheduled-call-deleted', 'canceled'],
    ['call-deleted', 'canceled'],
    ['call.forwarding.operator-busy', 'busy'],
    ['call.forwarding.no-answer', 'no_answer'],
    ['vonage-failed-to-connect-call', 'dial_failed'],
    ['twilio-reported-customer-misdialed', 'dial_failed'],
    ['call.in-progress.error-sip-outbound-call-failed-to-connect', 'dial_failed'],
    ['call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable', 'dial_failed'],
    ['call.in-progress.error-providerfault-outbound-sip-503-service-unavailable', 'dial_failed'],
    ['call.in-progress.error-vapifault-transport-never-connected', 'dial_failed'],
    ['customer-ended-call-during-transfer', 'customer_hangup'],
    ['call.ringing.sip-inbound-caller-hungup-before-call-connect', 'customer_hangup'],
    ['call.in-progress.twilio-completed-call', 'customer_hangup'],
    ['call.in-progress.sip-completed-call', 'customer_hangup'],
    ['vonage-disconnected', 'customer_hangup'],
    ['vonage-completed', 'customer_hangup'],
    ['assistant-said-end-call-phrase', 'agent_hangup'],
    ['call.ringing.hook-executed-transfer', 'transferred'],
    ['call.ending.hook-executed-transfer', 'transferred'],
    ['call.in-progress.error-vapifault-eleven-labs-voice-failed', 'error'],
    ['call.in-progress.error-providerfault-eleven-labs-system-busy-and-requested-upgrade', 'error'],
    ['call.in-progress.error-sip-inbound-call-failed-to-connect', 'error'],
    ['call.start.error-get-assistant', 'error'],
    ['assistant-request-returned-forwarding-phone-number', 'error'],
    ['assistant-not-found', 'error'],
    ['assistant-join-timed-out', 'error'],
    ['worker-shutdown', 'error'],
    ['phone-call-provider-closed-websocket', 'error'],
    ['customer-did-not-give-microphone-permission', 'error'],
    ['call.ringing.hook-executed-say', 'unknown'],
    ['a-reason-vapi-adds-tomorrow', 'unknown'],
  ])('%s -> %s', (reason, unified) => {
    expect(classifyEndedReason(reason)).toBe(unified);
  });

  it('an unknown reason keeps the raw value', () => {
    expect(map(vapiCall({ endedReason: 'a-reason-vapi-adds-tomorrow' })).endReason).toEqual({ unified: 'unknown', raw: 'a-reason-vapi-adds-tomorrow' });
  });
});

describe('vapi call fields', () => {
  it('cost is in US dollars; no cost is null, never 0', () => {
    expect(map(vapiCall()).cost).toEqual({ amount: 0.4213, currency: 'USD', unit: 'currency' });
    expect(map(vapiCall({ cost: undefined })).cost).toBeNull();
  });

  it('duration is endedAt - startedAt in seconds; null without both', () => {
    expect(map(vapiCall()).durationSeconds).toBe(150.5);
    expect(map(vapiCall({ endedAt: undefined })).durationSeconds).toBeNull();
  });

  it('dates are read from ISO text', () => {
    const mapped = map(vapiCall());
    expect(mapped.createdAt).toEqual(new Date('2025-05-01T09:00:00.000Z'));
    expect(mapped.startedAt).toEqual(new Date('2025-05-01T09:00:05.000Z'));
    expect(mapped.endedAt).toEqual(new Date('2025-05-01T09:02:35.500Z'));
  });

  it('transcript: bot -> agent, user -> customer, tool messages -> tool, system left out, unknown roles -> other', () => {
    expect(map(vapiCall()).transcript).toEqual([
      { role: 'agent', text: 'Hello Ada!', startSeconds: 0.5, endSeconds: 1.75 },
      { role: 'customer', text: 'Hi.', startSeconds: 2, endSeconds: 2.5 },
      { role: 'tool', text: '', startSeconds: 3, endSeconds: null },
      { role: 'tool', text: '{"ok":true}', startSeconds: 3.5, endSeconds: null },
      { role: 'other', text: 'A new kind of turn.', startSeconds: 4, endSeconds: null },
    ]);
    expect(map(vapiCall({ artifact: {} })).transcript).toBeNull();
  });

  it('recording: the presigned URL needs no key and expires; else the stored URL, its need for a key unknown', () => {
    expect(map(vapiCall()).recording).toEqual({
      url: 'https://signed.vapi.ai/c0a1-mono.wav?sig=abc',
      requiresAuth: false,
      expiresAt: new Date('2025-05-01T10:02:35.000Z'),
    });
    expect(map(vapiCall({ artifact: { recordingUrl: 'https://storage.vapi.ai/c0a1-mono.wav' } })).recording).toEqual({
      url: 'https://storage.vapi.ai/c0a1-mono.wav',
      requiresAuth: null,
      expiresAt: null,
    });
    expect(map(vapiCall({ artifact: undefined })).recording).toBeNull();
  });

  it('variables, summary, agent, campaign and number ids', () => {
    const mapped = map(vapiCall());
    expect(mapped.variables).toEqual({ first: 'Ada', plan: 'gold' });
    expect(mapped.summary).toBe('Renewed for a year.');
    expect(mapped.agentId).toBe('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
    expect(mapped.campaignId).toBe('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
    expect(mapped.phoneNumberId).toBe('3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c');
    expect(mapped.provider).toBe('vapi');
    expect(mapped.id).toBe(callId);
  });

  it.each([
    ['outboundPhoneCall', 'outbound', '+14155550101', '+14155550123'],
    ['inboundPhoneCall', 'inbound', '+14155550123', '+14155550101'],
    ['webCall', 'web', null, null],
    ['vapi.websocketCall', 'web', null, null],
    ['somethingNew', null, null, null],
  ])('type %s: direction %s, from %s, to %s; the customer is the other party', (type, direction, from, to) => {
    const mapped = map(vapiCall({ type }));
    expect(mapped.direction).toBe(direction);
    expect(mapped.from).toBe(from);
    expect(mapped.to).toBe(to);
    expect(mapped.customerE164).toBe('+14155550123');
  });

  it('customerE164 is null for a customer number not in E.164 (a SIP address), which stays in `to`', () => {
    const mapped = map(vapiCall({ customer: { number: 'sip:ada@example.com' } }));
    expect(mapped.customerE164).toBeNull();
    expect(mapped.to).toBe('sip:ada@example.com');
  });

  it('raw is the wire object untouched', () => {
    const wire = vapiCall();
    expect(map(wire).raw).toBe(wire);
  });
});

describe('vapi assistant', () => {
  it('maps name, voice, model, the system prompt and the version', () => {
    const wire = {
      id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      orgId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      name: 'Renewals',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-02-01T00:00:00.000Z',
      latestVersion: 'v3',
      voice: { provider: '11labs', voiceId: 'burt', model: 'eleven_turbo_v2' },
      model: {
        provider: 'openai',
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: 'You renew contracts.' },
          { role: 'user', content: 'ignored' },
          { role: 'system', content: 'Be brief.' },
        ],
      },
    };
    const parsed = vapiAssistantSchema().safeParse(wire);
    if (!parsed.success) throw new Error('schema');
    expect(mapVapiAgent(parsed.data, wire)).toEqual({
      provider: 'vapi',
      id: wire.id,
      name: 'Renewals',
      voice: { provider: '11labs', voiceId: 'burt' },
      model: { provider: 'openai', name: 'gpt-4o' },
      prompt: 'You renew contracts.\n\nBe brief.',
      promptRef: null,
      version: 'v3',
      createdAt: new Date('2025-01-01T00:00:00.000Z'),
      updatedAt: new Date('2025-02-01T00:00:00.000Z'),
      raw: wire,
    });
  });

  it('an assistant without model or voice has null for them and no prompt', () => {
    const wire = { id: 'a1', orgId: 'o', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const parsed = vapiAssistantSchema().safeParse(wire);
    if (!parsed.success) throw new Error('schema');
    const mapped = mapVapiAgent(parsed.data, wire);
    expect([mapped.voice, mapped.model, mapped.prompt, mapped.name, mapped.version]).toEqual([null, null, null, null, null]);
  });
});
