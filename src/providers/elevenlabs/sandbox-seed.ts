import { createRandom, e164, momentBetween, seedNow, seedStart, unique } from '../../provider.js';
import type { Random } from '../../provider.js';

/** A number as `GET /v1/convai/phone-numbers/{id}` answers it (Twilio or SIP trunk). */
export interface ElevenLabsPhoneNumberSeedWire {
  phone_number_id: string;
  phone_number: string;
  label: string;
  provider: 'twilio' | 'sip_trunk';
  supports_inbound: boolean;
  supports_outbound: boolean;
  assigned_agent: { agent_id: string; agent_name: string } | null;
}

/** A batch recipient (`OutboundCallRecipientResponseModel`). */
export interface ElevenLabsRecipientSeedWire {
  id: string;
  phone_number: string;
  status: 'pending' | 'dispatched' | 'initiated' | 'in_progress' | 'completed' | 'failed' | 'cancelled' | 'voicemail';
  created_at_unix: number;
  updated_at_unix: number;
  conversation_id: string | null;
}

/** A batch call with its recipients (`BatchCallDetailedResponse`, the fields the double keeps). */
export interface ElevenLabsBatchCallSeedWire {
  id: string;
  phone_number_id: string;
  phone_provider: 'twilio' | 'sip_trunk';
  name: string;
  agent_id: string;
  agent_name: string;
  created_at_unix: number;
  scheduled_time_unix: number;
  total_calls_dispatched: number;
  total_calls_scheduled: number;
  total_calls_finished: number;
  last_updated_at_unix: number;
  status: 'pending' | 'in_progress' | 'completed' | 'failed' | 'cancelled';
  retry_count: number;
  telephony_call_config: Record<string, never>;
  target_concurrency_limit?: number;
  recipients: ElevenLabsRecipientSeedWire[];
}

/** One transcript entry. */
export interface ElevenLabsTurnSeedWire {
  role: 'user' | 'agent';
  message: string | null;
  time_in_call_secs: number;
  tool_calls?: { tool_name: string; request_id: string; params_as_json: string; tool_has_been_called: boolean }[];
}

/** A conversation as `GET /v1/convai/conversations/{id}` answers it (the fields the double keeps). */
export interface ElevenLabsConversationSeedWire {
  conversation_id: string;
  agent_id: string;
  agent_name: string;
  status: 'initiated' | 'in-progress' | 'processing' | 'done' | 'failed';
  has_audio: boolean;
  has_user_audio: boolean;
  has_response_audio: boolean;
  has_auxiliary_audio: boolean;
  transcript: ElevenLabsTurnSeedWire[];
  analysis: { call_successful: 'success' | 'failure' | 'unknown'; transcript_summary: string; data_collection_results: Record<string, never>; evaluation_criteria_results: Record<string, never> } | null;
  conversation_initiation_client_data: { dynamic_variables: Record<string, string> } | null;
  metadata: {
    start_time_unix_secs: number;
    call_duration_secs: number;
    cost?: number;
    cost_fiat?: number;
    termination_reason: string;
    error?: { code: number; reason: string };
    phone_call?: {
      type: 'twilio' | 'sip_trunking';
      direction: 'inbound' | 'outbound';
      phone_number_id: string;
      agent_number: string;
      external_number: string;
      call_result?: 'answered' | 'voicemail' | 'busy' | 'no_answer' | 'failed';
      call_sid: string;
      stream_sid: string;
    };
    batch_call?: { batch_call_id: string; batch_call_recipient_id: string };
  };
}

/** An agent as `GET /v1/convai/agents/{id}` answers it (the fields the double keeps). */
export interface ElevenLabsAgentSeedWire {
  agent_id: string;
  name: string;
  tags: string[];
  version_id: string;
  conversation_config: {
    agent: { first_message: string; language: string; prompt: { prompt: string; llm: string; temperature: number } };
    tts: { voice_id: string; model_id: string };
  };
  metadata: { created_at_unix_secs: number; updated_at_unix_secs: number };
  phone_numbers: never[];
}

export interface ElevenLabsSeed {
  agents: ElevenLabsAgentSeedWire[];
  /** Oldest first. */
  phoneNumbers: ElevenLabsPhoneNumberSeedWire[];
  /** Oldest first. */
  batchCalls: ElevenLabsBatchCallSeedWire[];
  /** Oldest first; the batches' recipients point at some of them. */
  conversations: ElevenLabsConversationSeedWire[];
}

const seconds = (ms: number) => Math.floor(ms / 1000);
const llms = ['gpt-4o-mini', 'gemini-2.0-flash', 'claude-3-5-sonnet', 'gpt-4.1'];
const labels = ['Front desk', 'Sales line', 'Support', 'After-hours', 'Reminders', 'Test number'];
/** Each ending a finished conversation can have: its status, call result, termination text and error. */
const endings = [
  { status: 'done', result: 'answered', reason: 'Client disconnected: 1000', error: false },
  { status: 'done', result: 'answered', reason: 'end_call tool was called.', error: false },
  { status: 'done', result: 'answered', reason: 'Maximum duration exceeded', error: false },
  { status: 'done', result: 'answered', reason: 'Call transferred to +14155550100', error: false },
  { status: 'done', result: 'answered', reason: 'silence timeout', error: false },
  { status: 'done', result: 'voicemail', reason: 'Voicemail detected', error: false },
  { status: 'done', result: 'no_answer', reason: '', error: false },
  { status: 'done', result: 'busy', reason: '', error: false },
  { status: 'done', result: 'failed', reason: '', error: false },
  { status: 'failed', result: 'answered', reason: 'LLM error', error: true },
  { status: 'processing', result: 'answered', reason: 'Client disconnected: 1000', error: false },
  { status: 'in-progress', result: undefined, reason: '', error: false },
  { status: 'initiated', result: undefined, reason: '', error: false },
] as const;

function agentSeed(random: Random, index: number): ElevenLabsAgentSeedWire {
  const created = seconds(momentBetween(random, seedStart, seedNow));
  const names = ['Receptionist', 'Sales qualifier', 'Appointment reminder', 'Support triage', 'Survey caller', 'Collections'];
  return {
    agent_id: `agent_${random.hex(26)}`,
    name: names[index % names.length]!,
    tags: [],
    version_id: `agtvrsn_${random.hex(20)}`,
    conversation_config: {
      agent: {
        first_message: 'Hello! How can I help you today?',
        language: random.pick(['en', 'en', 'es', 'de']),
        prompt: { prompt: `You are the ${names[index % names.length]!.toLowerCase()} of Acme. Be brief and polite.`, llm: random.pick(llms), temperature: 0 },
      },
      tts: { voice_id: random.pick(['21m00Tcm4TlvDq8ikWAM', 'EXAVITQu4vr4xnSDxMaL', 'pNInz6obpgDQGcFmaJgB']), model_id: 'eleven_flash_v2_5' },
    },
    metadata: { created_at_unix_secs: created, updated_at_unix_secs: created + random.integer(0, 86_400 * 30) },
    phone_numbers: [],
  };
}

/**
 * 6 agents, 40 numbers (Twilio and SIP trunk, some unassigned), 300 conversations in every status
 * and ending, and 12 batches in every status whose dispatched recipients are conversations.
 */
export function elevenLabsSeed(): ElevenLabsSeed {
  const random = createRandom(0x11ab5);
  const agents = Array.from({ length: 6 }, (_, index) => agentSeed(random, index));
  const taken = new Set<string>();
  const phoneNumbers = Array.from({ length: 40 }, (_, index): ElevenLabsPhoneNumberSeedWire => {
    const agent = random.chance(0.8) ? random.pick(agents) : null;
    const provider = random.chance(0.7) ? 'twilio' : 'sip_trunk';
    // Some SIP-trunk numbers are imported as extensions or usernames, not E.164.
    const number = provider === 'sip_trunk' && random.chance(0.3) ? `ext-${random.digits(4)}` : unique(taken, () => e164(random, random.pick(['US', 'US', 'GB', 'DE'] as const)));
    return {
      phone_number_id: `phnum_${random.hex(26)}`,
      phone_number: number,
      label: `${labels[index % labels.length]} ${index + 1}`,
      provider,
      supports_inbound: random.chance(0.9),
      supports_outbound: random.chance(0.85),
      assigned_agent: agent ? { agent_id: agent.agent_id, agent_name: agent.name } : null,
    };
  });
  const outbound = phoneNumbers.filter((number) => number.supports_outbound);
  const moments = Array.from({ length: 300 }, () => momentBetween(random, seedStart, seedNow)).sort((left, right) => left - right);
  const conversations = moments.map((moment, index): ElevenLabsConversationSeedWire => {
    const agent = random.pick(agents);
    const ending = endings[index % endings.length]!;
    const over = ending.status === 'done' || ending.status === 'failed' || ending.status === 'processing';
    const connected = ending.result === 'answered';
    const duration = over && connected ? random.integer(20, 600) : ending.status === 'in-progress' ? random.integer(5, 60) : 0;
    const number = random.pick(outbound);
    const web = index % 10 === 9;
    const transcript: ElevenLabsTurnSeedWire[] = connected
      ? [
          { role: 'agent', message: agent.conversation_config.agent.first_message, time_in_call_secs: 0 },
          { role: 'user', message: 'Hi, I would like to book an appointment.', time_in_call_secs: 4 },
          { role: 'agent', message: null, time_in_call_secs: 7, tool_calls: [{ tool_name: 'check_availability', request_id: random.hex(8), params_as_json: '{}', tool_has_been_called: true }] },
          { role: 'agent', message: 'Tuesday at 10 works. See you then!', time_in_call_secs: 9 },
        ]
      : [];
    const metadata: ElevenLabsConversationSeedWire['metadata'] = {
      start_time_unix_secs: seconds(moment),
      call_duration_secs: duration,
      termination_reason: ending.reason,
      ...(index % 3 === 0 ? { cost: duration * 10 } : { cost: duration * 10, cost_fiat: Math.round(duration * 0.15) / 100 }),
    };
    if (ending.error) metadata.error = { code: 500, reason: 'LLM error' };
    if (!web) {
      metadata.phone_call = {
        type: number.provider === 'twilio' ? 'twilio' : 'sip_trunking',
        direction: index % 4 === 0 ? 'inbound' : 'outbound',
        phone_number_id: number.phone_number_id,
        agent_number: number.phone_number,
        external_number: e164(random, 'US'),
        ...(ending.result === undefined ? {} : { call_result: ending.result }),
        call_sid: `CA${random.hex(32)}`,
        stream_sid: `MZ${random.hex(32)}`,
      };
    }
    return {
      conversation_id: `conv_${random.hex(26)}`,
      agent_id: agent.agent_id,
      agent_name: agent.name,
      status: ending.status,
      has_audio: over && connected,
      has_user_audio: over && connected,
      has_response_audio: over && connected,
      has_auxiliary_audio: false,
      transcript,
      analysis: over ? { call_successful: connected ? 'success' : 'failure', transcript_summary: connected ? 'The caller booked an appointment.' : 'The call did not connect.', data_collection_results: {}, evaluation_criteria_results: {} } : null,
      conversation_initiation_client_data: index % 2 === 0 ? { dynamic_variables: { customer_name: random.pick(['Ana', 'Ben', 'Chen']) } } : null,
      metadata,
    };
  });
  const batchStatuses = ['pending', 'pending', 'in_progress', 'in_progress', 'completed', 'completed', 'completed', 'failed', 'cancelled', 'completed', 'in_progress', 'pending'] as const;
  const phoneCalls = conversations.filter((item) => item.metadata.phone_call?.direction === 'outbound');
  let next = 0;
  const batchCalls = batchStatuses.map((status, index): ElevenLabsBatchCallSeedWire => {
    const agent = random.pick(agents);
    const number = random.pick(outbound);
    const created = seconds(momentBetween(random, seedStart, seedNow));
    const id = `btcal_${random.hex(26)}`;
    const recipients = Array.from({ length: random.integer(2, 6) }, (): ElevenLabsRecipientSeedWire => {
      const dispatched = status !== 'pending' && next < phoneCalls.length;
      const call = dispatched ? phoneCalls[next++]! : null;
      if (call) call.metadata.batch_call = { batch_call_id: id, batch_call_recipient_id: `rcp_${random.hex(12)}` };
      const result = call?.metadata.phone_call?.call_result;
      const recipientStatus: ElevenLabsRecipientSeedWire['status'] = !call
        ? status === 'cancelled' ? 'cancelled' : 'pending'
        : result === 'voicemail' ? 'voicemail' : result === 'answered' ? 'completed' : result === undefined ? 'in_progress' : 'failed';
      return {
        id: `rcp_${random.hex(12)}`,
        phone_number: call?.metadata.phone_call?.external_number ?? e164(random, 'US'),
        status: recipientStatus,
        created_at_unix: created,
        updated_at_unix: created + 60,
        conversation_id: call?.conversation_id ?? null,
      };
    });
    const finished = recipients.filter((recipient) => ['completed', 'failed', 'voicemail'].includes(recipient.status)).length;
    return {
      id,
      phone_number_id: number.phone_number_id,
      phone_provider: number.provider,
      name: `Campaign ${index + 1}`,
      agent_id: agent.agent_id,
      agent_name: agent.name,
      created_at_unix: created,
      // Two pending batches wait for a start after the seed's "today".
      scheduled_time_unix: status === 'pending' && index < 2 ? seconds(seedNow) + 86_400 * (index + 1) : created,
      total_calls_dispatched: recipients.filter((recipient) => recipient.conversation_id !== null).length,
      total_calls_scheduled: recipients.length,
      total_calls_finished: finished,
      last_updated_at_unix: created + 3600,
      status,
      retry_count: 0,
      telephony_call_config: {},
      ...(index % 3 === 0 ? { target_concurrency_limit: 5 } : {}),
      recipients,
    };
  });
  return { agents, phoneNumbers, batchCalls, conversations };
}
