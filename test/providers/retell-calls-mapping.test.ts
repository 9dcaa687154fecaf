import { describe, expect, it } from 'vitest';
import { retellAgentSchema, retellCallSchema } from '../../src/providers/retell/calls-wire.js';
import { mapRetellAgent } from '../../src/providers/retell/map-agent.js';
import { mapRetellCall } from '../../src/providers/retell/map-call.js';

// One test per row of the Retell column of the calls-and-agents mapping tables: status (by end
// reason), end reason, cost in cents -> dollars, duration, transcript roles, recording, variables,
// direction and the customer's number.

function retellCall(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    call_id: 'call_1',
    call_type: 'phone_call',
    agent_id: 'agent_a',
    agent_version: 2,
    direction: 'outbound',
    from_number: '+14155550101',
    to_number: '+14155550123',
    call_status: 'ended',
    disconnection_reason: 'user_hangup',
    start_timestamp: 1_746_090_005_000,
    end_timestamp: 1_746_090_155_500,
    duration_ms: 150_500,
    recording_url: 'https://dxc03zgurdly9.cloudfront.net/call_1/recording.wav',
    retell_llm_dynamic_variables: { first: 'Ada' },
    metadata: { ticket: 'T-1' },
    call_cost: { combined_cost: 42.5, product_costs: [], total_duration_seconds: 151 },
    call_analysis: { call_summary: 'Renewed.', call_successful: true },
    transcript_object: [
      { role: 'agent', content: 'Hello Ada!', words: [{ word: 'Hello', start: 0.5, end: 0.9 }, { word: 'Ada!', start: 1, end: 1.75 }] },
      { role: 'user', content: 'Hi.', words: [{ word: 'Hi.', start: 2, end: 2.5 }] },
      { role: 'transfer_target', content: 'Billing here.', words: [] },
      { role: 'supervisor', content: 'A new role.' },
    ],
    ...overrides,
  };
}

function map(wire: Record<string, unknown>) {
  const parsed = retellCallSchema().safeParse(wire);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return mapRetellCall(parsed.data, wire);
}

describe('retell call status and end reason', () => {
  it.each([
    ['user_hangup', 'customer_hangup', 'completed'],
    ['agent_hangup', 'agent_hangup', 'completed'],
    ['call_transfer', 'transferred', 'completed'],
    ['transfer_bridged', 'transferred', 'completed'],
    ['call_take_over', 'transferred', 'completed'],
    ['voicemail_reached', 'voicemail', 'completed'],
    ['ivr_reached', 'voicemail', 'completed'],
    ['dial_no_answer', 'no_answer', 'not_connected'],
    ['dial_busy', 'busy', 'not_connected'],
    ['user_declined', 'declined', 'not_connected'],
    ['marked_as_spam', 'declined', 'not_connected'],
    ['dial_failed', 'dial_failed', 'not_connected'],
    ['invalid_destination', 'dial_failed', 'not_connected'],
    ['sip_routing_error', 'dial_failed', 'not_connected'],
    ['telephony_provider_permission_denied', 'dial_failed', 'not_connected'],
    ['telephony_provider_unavailable', 'dial_failed', 'not_connected'],
    ['registered_call_timeout', 'dial_failed', 'not_connected'],
    ['max_duration_reached', 'max_duration', 'completed'],
    ['inactivity', 'silence_timeout', 'completed'],
    ['manual_stopped', 'canceled', 'canceled'],
    ['concurrency_limit_reached', 'concurrency_limit', 'failed'],
    ['no_concurrency_fallback', 'concurrency_limit', 'failed'],
    ['no_valid_payment', 'insufficient_funds', 'failed'],
    ['error_llm_websocket_open', 'error', 'failed'],
    ['error_asr', 'error', 'failed'],
    ['error_user_not_joined', 'error', 'failed'],
    ['scam_detected', 'error', 'failed'],
    ['transfer_cancelled', 'unknown', 'completed'],
    ['a_reason_retell_adds_tomorrow', 'unknown', 'completed'],
  ])('ended with %s: end reason %s, status %s', (reason, endReason, status) => {
    const mapped = map(retellCall({ disconnection_reason: reason }));
    expect(mapped.endReason).toEqual({ unified: endReason, raw: reason });
    expect(mapped.status).toEqual({ unified: status, raw: 'ended' });
  });

  it.each([
    ['registered', 'queued', null],
    ['ongoing', 'in_progress', null],
    ['not_connected', 'not_connected', 'dial_no_answer'],
    ['error', 'failed', 'error_retell'],
    ['paused', 'unknown', null],
  ])('call_status %s is %s', (wire, unified, reason) => {
    const mapped = map(retellCall({ call_status: wire, disconnection_reason: reason ?? undefined }));
    expect(mapped.status).toEqual({ unified, raw: wire });
  });

  it('no end reason while registered or ongoing; an ended call without one is unknown', () => {
    expect(map(retellCall({ call_status: 'registered', disconnection_reason: undefined })).endReason).toBeNull();
    expect(map(retellCall({ call_status: 'ongoing', disconnection_reason: undefined })).endReason).toBeNull();
    expect(map(retellCall({ disconnection_reason: undefined })).endReason).toEqual({ unified: 'unknown', raw: null });
  });
});

describe('retell call fields', () => {
  it('cost: combined_cost is in cents, given in dollars; no cost is null', () => {
    expect(map(retellCall()).cost).toEqual({ amount: 0.425, currency: 'USD', unit: 'currency' });
    expect(map(retellCall({ call_cost: undefined })).cost).toBeNull();
  });

  it('duration: duration_ms / 1000, else end - start; times from unix ms', () => {
    const mapped = map(retellCall());
    expect(mapped.durationSeconds).toBe(150.5);
    expect(mapped.startedAt).toEqual(new Date(1_746_090_005_000));
    expect(mapped.endedAt).toEqual(new Date(1_746_090_155_500));
    expect(mapped.createdAt).toBeNull();
    expect(map(retellCall({ duration_ms: undefined, end_timestamp: 1_746_090_015_000 })).durationSeconds).toBe(10);
    expect(map(retellCall({ duration_ms: undefined, end_timestamp: undefined })).durationSeconds).toBeNull();
  });

  it('transcript: agent -> agent, user -> customer, transfer_target and unknown roles -> other; times from the words', () => {
    expect(map(retellCall()).transcript).toEqual([
      { role: 'agent', text: 'Hello Ada!', startSeconds: 0.5, endSeconds: 1.75 },
      { role: 'customer', text: 'Hi.', startSeconds: 2, endSeconds: 2.5 },
      { role: 'other', text: 'Billing here.', startSeconds: null, endSeconds: null },
      { role: 'other', text: 'A new role.', startSeconds: null, endSeconds: null },
    ]);
    expect(map(retellCall({ transcript_object: undefined })).transcript).toBeNull();
  });

  it('recording: recording_url, no key needed; none is null', () => {
    expect(map(retellCall()).recording).toEqual({ url: 'https://dxc03zgurdly9.cloudfront.net/call_1/recording.wav', requiresAuth: false, expiresAt: null });
    expect(map(retellCall({ recording_url: undefined })).recording).toBeNull();
  });

  it('variables, summary, agent and campaign', () => {
    const mapped = map(retellCall({ batch_call_id: 'batch_9' }));
    expect(mapped.variables).toEqual({ first: 'Ada' });
    expect(mapped.summary).toBe('Renewed.');
    expect(mapped.agentId).toBe('agent_a');
    expect(mapped.campaignId).toBe('batch_9');
  });

  it.each([
    [{ direction: 'outbound' }, 'outbound', '+14155550123', '+14155550101'],
    [{ direction: 'inbound', from_number: '+14155550123', to_number: '+14155550101' }, 'inbound', '+14155550123', '+14155550101'],
    [{ call_type: 'web_call', direction: undefined, from_number: undefined, to_number: undefined }, 'web', null, null],
  ])('direction %j: %s, customer %s, our number %s', (overrides, direction, customer, ours) => {
    const mapped = map(retellCall(overrides));
    expect(mapped.direction).toBe(direction);
    expect(mapped.customerE164).toBe(customer);
    expect(mapped.phoneNumberId).toBe(ours);
  });
});

describe('retell agent', () => {
  const wire = {
    agent_id: 'agent_a',
    version: 3,
    agent_name: 'Renewals',
    voice_id: '11labs-Adrian',
    last_modification_timestamp: 1_746_000_000_000,
    response_engine: { type: 'retell-llm', llm_id: 'llm_7', version: 3 },
  };
  const parse = (value: Record<string, unknown>) => {
    const parsed = retellAgentSchema().safeParse(value);
    if (!parsed.success) throw new Error('schema');
    return parsed.data;
  };

  it('the prompt lives on the LLM: promptRef names it, prompt and model stay null until it is fetched', () => {
    expect(mapRetellAgent(parse(wire), wire)).toEqual({
      provider: 'retell',
      id: 'agent_a',
      name: 'Renewals',
      voice: { provider: null, voiceId: '11labs-Adrian' },
      model: null,
      prompt: null,
      promptRef: { kind: 'llm', id: 'llm_7' },
      version: '3',
      createdAt: null,
      updatedAt: new Date(1_746_000_000_000),
      raw: wire,
    });
  });

  it('with the LLM fetched, prompt is its general_prompt and model its model', () => {
    const mapped = mapRetellAgent(parse(wire), wire, { llm_id: 'llm_7', general_prompt: 'You renew contracts.', model: 'gpt-4.1' });
    expect(mapped.prompt).toBe('You renew contracts.');
    expect(mapped.model).toEqual({ provider: null, name: 'gpt-4.1' });
  });

  it('a conversation flow is the prompt holder of a flow agent; a custom LLM has none', () => {
    const flow = { ...wire, response_engine: { type: 'conversation-flow', conversation_flow_id: 'cf_1' } };
    expect(mapRetellAgent(parse(flow), flow).promptRef).toEqual({ kind: 'flow', id: 'cf_1' });
    const custom = { ...wire, response_engine: { type: 'custom-llm', llm_websocket_url: 'wss://example.com' } };
    expect(mapRetellAgent(parse(custom), custom).promptRef).toBeNull();
  });
});
