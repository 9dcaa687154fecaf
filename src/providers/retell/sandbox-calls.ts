import { createRandom, e164, momentBetween, seedNow, seedStart } from '../../provider.js';
import type { Random } from '../../provider.js';
import type { RetellSeed } from './sandbox-seed.js';

/*
 * The Retell double's calls, agents and LLMs, derived from its seed (numbers, agent ids) with a
 * generator of their own, so the numbers come out as before. Calls cover every `call_status` and
 * every end-reason family; some belong to a batch call; every agent's prompt lives on its LLM.
 */

/** A call as `GET /v2/get-call/{id}` answers it (`placedAt` marks one placed through the double). */
export type RetellCallRecord = Record<string, unknown> & { call_id: string; call_status: string; start_timestamp?: number; placedAt?: number };

/** An agent as `GET /get-agent/{id}` answers it. */
export type RetellAgentRecord = Record<string, unknown> & { agent_id: string; last_modification_timestamp: number };

/** The double's calls, agents and LLMs. */
export interface RetellCallData {
  calls: RetellCallRecord[];
  agents: RetellAgentRecord[];
  llms: Map<string, Record<string, unknown>>;
}

const reasons: readonly string[] = [
  'user_hangup', 'agent_hangup', 'call_transfer', 'voicemail_reached', 'ivr_reached', 'dial_no_answer', 'dial_busy', 'user_declined',
  'dial_failed', 'invalid_destination', 'max_duration_reached', 'inactivity', 'manual_stopped', 'concurrency_limit_reached',
  'no_valid_payment', 'error_llm_websocket_open', 'scam_detected', 'transfer_cancelled',
];
const neverConnected = new Set(['dial_no_answer', 'dial_busy', 'user_declined', 'dial_failed', 'invalid_destination']);

/** The transcript of a connected call: both sides, with word times. */
function transcript(random: Random): Record<string, unknown>[] {
  const start = random.integer(1, 3);
  const turn = (role: string, content: string, from: number, to: number) => ({
    role,
    content,
    words: [
      { word: content.split(' ')[0], start: from, end: from + 0.4 },
      { word: content.split(' ').at(-1), start: to - 0.4, end: to },
    ],
  });
  return [
    turn('agent', 'Hi, this is Sam from Acme. Do you have a minute?', start, start + 3),
    turn('user', 'Yes, what is it about?', start + 4, start + 5.5),
    turn('agent', 'Your appointment is tomorrow at ten. Shall I confirm it?', start + 6, start + 9),
    turn('user', 'Please do.', start + 10, start + 10.8),
  ];
}

/** A call that ended with `reason`, started at `startedAt`. */
export function endedRetellCall(random: Random, base: Record<string, unknown>, startedAt: number, reason: string): RetellCallRecord {
  const connected = !neverConnected.has(reason) && reason !== 'concurrency_limit_reached' && reason !== 'no_valid_payment';
  const duration = connected ? random.integer(15, 400) * 1000 : random.integer(0, 30) * 1000;
  const call: RetellCallRecord = {
    ...base,
    call_id: String(base.call_id),
    call_status: reason.startsWith('error_') ? 'error' : reason === 'dial_failed' || reason === 'invalid_destination' ? 'not_connected' : 'ended',
    disconnection_reason: reason,
    start_timestamp: startedAt,
    end_timestamp: startedAt + duration,
    duration_ms: duration,
    call_cost: { combined_cost: Math.round((duration / 60_000) * 7 * 100) / 100, product_costs: [], total_duration_seconds: duration / 1000 },
  };
  if (connected) {
    call.transcript_object = transcript(random);
    call.transcript = (call.transcript_object as { role: string; content: string }[]).map((turn) => `${turn.role}: ${turn.content}`).join('\n');
    call.recording_url = `https://dxc03zgurdly9.cloudfront.net/${call.call_id}/recording.wav`;
    call.call_analysis = { call_summary: 'The customer confirmed the appointment.', call_successful: true, in_voicemail: reason === 'voicemail_reached' };
  }
  return call;
}

/** 300 calls (a tenth still open), three batches among them, and one agent per seeded agent id, each on its own LLM. */
export function retellCallData(seed: RetellSeed): RetellCallData {
  const random = createRandom(0xca11e7);
  const llms = new Map<string, Record<string, unknown>>();
  const agents: RetellAgentRecord[] = seed.agentIds.map((agentId, index) => {
    const llmId = `llm_${random.hex(26)}`;
    const version = random.integer(0, 6);
    llms.set(llmId, { llm_id: llmId, version, model: random.pick(['gpt-4.1', 'gpt-4o-mini', 'claude-3.7-sonnet']), general_prompt: `You are agent ${index + 1} of Acme. Confirm appointments politely.`, begin_message: 'Hi!' });
    return {
      agent_id: agentId,
      version,
      agent_name: ['Reminders', 'Support', 'Sales', 'Surveys', 'Booking', 'Billing', 'Intake', 'Follow-up', 'Night line'][index % 9],
      voice_id: random.pick(['11labs-Adrian', 'openai-Alloy', 'cartesia-Cleo']),
      language: 'en-US',
      is_published: random.chance(0.7),
      last_modification_timestamp: momentBetween(random, seedStart, seedNow),
      response_engine: { type: 'retell-llm', llm_id: llmId, version },
    };
  });
  const batches = Array.from({ length: 3 }, () => `batch_call_${random.hex(24)}`);
  const numbers = seed.phoneNumbers.map((number) => number.phone_number);
  const calls: RetellCallRecord[] = [];
  for (let index = 0; index < 300; index++) {
    const ours = random.pick(numbers);
    const customer = e164(random, 'US');
    const inbound = index % 5 === 0;
    const base = {
      call_id: `call_${random.hex(28)}`,
      call_type: 'phone_call',
      agent_id: random.pick(seed.agentIds),
      direction: inbound ? 'inbound' : 'outbound',
      from_number: inbound ? customer : ours,
      to_number: inbound ? ours : customer,
      ...(!inbound && index % 7 === 0 ? { batch_call_id: batches[index % batches.length] } : {}),
      ...(random.chance(0.3) ? { retell_llm_dynamic_variables: { first: random.pick(['Ada', 'Grace', 'Alan']) } } : {}),
    };
    const startedAt = momentBetween(random, seedStart, seedNow - 3_600_000);
    if (index % 10 === 3) {
      calls.push({ ...base, call_status: index % 20 === 3 ? 'registered' : 'ongoing', ...(index % 20 === 3 ? {} : { start_timestamp: seedNow - 30_000 }) });
      continue;
    }
    calls.push(endedRetellCall(random, base, startedAt, index < reasons.length ? reasons[index]! : random.pick(reasons)));
  }
  return { calls, agents, llms };
}
