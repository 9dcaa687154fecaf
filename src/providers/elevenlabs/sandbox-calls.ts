import { isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route, SandboxPlatform as Platform } from '../../provider.js';
import type { ElevenLabsConversationSeedWire, ElevenLabsPhoneNumberSeedWire, ElevenLabsSeed } from './sandbox-seed.js';

/*
 * The conversation and agent routes of the ElevenLabs double: lists paged by `cursor`/`page_size`
 * (1..100, 30 by default) newest first, the conversation list without transcript and with the
 * summary fields, and outbound calls that move from `initiated` through `in-progress` to `done`
 * over a few seconds of the double's clock.
 */

/** A page of `items` (already in order) after the item whose id is `cursor`; `null` for a cursor not from this list. */
export function pageAfter<T>(items: readonly T[], id: (item: T) => string, cursor: string | null, size: number): { page: T[]; next: string | null } | null {
  let start = 0;
  if (cursor !== null) {
    const at = items.findIndex((item) => id(item) === cursor);
    if (at === -1) return null;
    start = at + 1;
  }
  const page = items.slice(start, start + size);
  return { page, next: start + size < items.length && page.length > 0 ? id(page.at(-1)!) : null };
}

/** Seconds a placed call spends initiated, then in progress, before it is done. */
const ringingSeconds = 2;
const talkingSeconds = 3;

type Helpers = {
  error: Platform['error'];
  invalid: (loc: string[], msg: string) => Response;
  findNumber: (id: string) => ElevenLabsPhoneNumberSeedWire | undefined;
};

/** A conversation placed through the double: where it stands now, by its age. */
export function advance(conversation: ElevenLabsConversationSeedWire, nowSeconds: number): void {
  const call = conversation.metadata.phone_call;
  if (!call || conversation.status === 'done' || !conversation.conversation_id.startsWith('conv_sandbox')) return;
  const age = nowSeconds - conversation.metadata.start_time_unix_secs;
  if (age >= ringingSeconds + talkingSeconds) {
    conversation.status = 'done';
    call.call_result = 'answered';
    conversation.metadata.call_duration_secs = talkingSeconds;
    conversation.metadata.termination_reason = 'end_call tool was called.';
    conversation.metadata.cost = talkingSeconds * 10;
    conversation.has_audio = true;
    conversation.transcript = [{ role: 'agent', message: 'Hello! This is a sandbox call.', time_in_call_secs: 0 }];
  } else if (age >= ringingSeconds) {
    conversation.status = 'in-progress';
  }
}

function summary(conversation: ElevenLabsConversationSeedWire) {
  return {
    agent_id: conversation.agent_id,
    agent_name: conversation.agent_name,
    conversation_id: conversation.conversation_id,
    start_time_unix_secs: conversation.metadata.start_time_unix_secs,
    call_duration_secs: conversation.metadata.call_duration_secs,
    message_count: conversation.transcript.length,
    status: conversation.status,
    call_successful: conversation.analysis?.call_successful ?? 'unknown',
    termination_reason: conversation.metadata.termination_reason,
    direction: conversation.metadata.phone_call?.direction ?? null,
  };
}

/** The `dynamic_variables` of a `conversation_initiation_client_data`, or `null`. */
export function dynamicVariables(client: unknown): Record<string, string> | null {
  return isPlainObject(client) && isPlainObject(client.dynamic_variables) ? (client.dynamic_variables as Record<string, string>) : null;
}

/** What placing one outbound conversation needs; `batchCall` links it to a batch's recipient. */
export interface PlacedConversation {
  agent: ElevenLabsSeed['agents'][number];
  number: ElevenLabsPhoneNumberSeedWire;
  to: string;
  variables: Record<string, string> | null;
  batchCall: { batch_call_id: string; batch_call_recipient_id: string } | null;
}

/** Places an outbound conversation now (initiated; it moves on with the clock) and answers its id. */
export function placeConversation(state: { data: ElevenLabsSeed; counter: number }, placed: PlacedConversation): string {
  state.counter += 1;
  const id = `conv_sandbox${state.counter.toString(16).padStart(14, '0')}`;
  state.data.conversations.push({
    conversation_id: id,
    agent_id: placed.agent.agent_id,
    agent_name: placed.agent.name,
    status: 'initiated',
    has_audio: false,
    has_user_audio: false,
    has_response_audio: false,
    has_auxiliary_audio: false,
    transcript: [],
    analysis: null,
    conversation_initiation_client_data: placed.variables ? { dynamic_variables: placed.variables } : null,
    metadata: {
      start_time_unix_secs: Math.floor(Date.now() / 1000),
      call_duration_secs: 0,
      termination_reason: '',
      phone_call: {
        type: placed.number.provider === 'twilio' ? 'twilio' : 'sip_trunking',
        direction: 'outbound',
        phone_number_id: placed.number.phone_number_id,
        agent_number: placed.number.phone_number,
        external_number: placed.to,
        call_sid: `CA${state.counter}`,
        stream_sid: `MZ${state.counter}`,
      },
      ...(placed.batchCall ? { batch_call: placed.batchCall } : {}),
    },
  });
  return id;
}

/** The conversation and agent routes over the double's state. */
export function elevenLabsCallRoutes(state: { data: ElevenLabsSeed; counter: number }, helpers: Helpers): Route[] {
  const { error, invalid, findNumber } = helpers;
  const now = () => Math.floor(Date.now() / 1000);
  const pageSize = (query: URLSearchParams) => {
    const text = query.get('page_size');
    const size = text === null ? 30 : wholeNumber(text);
    return size === null || size < 1 || size > 100 ? null : size;
  };
  const findConversation = (id: string) => {
    const found = state.data.conversations.find((conversation) => conversation.conversation_id === id);
    if (found) advance(found, now());
    return found;
  };

  function listConversations(query: URLSearchParams): Response {
    const size = pageSize(query);
    if (size === null) return invalid(['query', 'page_size'], 'Input should be less than or equal to 100.');
    const agent = query.get('agent_id');
    const after = wholeNumber(query.get('call_start_after_unix'));
    const before = wholeNumber(query.get('call_start_before_unix'));
    const excluded = query.getAll('exclude_statuses');
    const seconds = now();
    const matching = [...state.data.conversations].reverse().filter((conversation) => {
      advance(conversation, seconds);
      const start = conversation.metadata.start_time_unix_secs;
      return (
        (agent === null || conversation.agent_id === agent) &&
        (after === null || start > after) &&
        (before === null || start < before) &&
        !excluded.includes(conversation.status)
      );
    });
    const result = pageAfter(matching, (conversation) => conversation.conversation_id, query.get('cursor'), size);
    if (result === null) return invalid(['query', 'cursor'], 'Invalid cursor.');
    return json(200, { conversations: result.page.map(summary), next_cursor: result.next, has_more: result.next !== null });
  }

  async function outboundCall(request: Request, provider: 'twilio' | 'sip_trunk'): Promise<Response> {
    const body = await readJson(request);
    if (!isPlainObject(body)) return invalid(['body'], 'Input should be a valid dictionary.');
    const agent = state.data.agents.find((item) => item.agent_id === body.agent_id);
    if (!agent) return error(404, 'agent_not_found', 'Agent not found.');
    const number = typeof body.agent_phone_number_id === 'string' ? findNumber(body.agent_phone_number_id) : undefined;
    if (!number) return error(404, 'phone_number_not_found', 'Phone number not found.');
    if (number.provider !== provider) return error(400, 'wrong_provider', `Phone number is not a ${provider} number.`);
    if (typeof body.to_number !== 'string' || !/^\+[1-9]\d{1,14}$/.test(body.to_number)) return invalid(['body', 'to_number'], 'Invalid phone number.');
    if (!number.supports_outbound) return json(200, { success: false, message: 'Phone number does not support outbound calls.', conversation_id: null });
    const id = placeConversation(state, { agent, number, to: body.to_number, variables: dynamicVariables(body.conversation_initiation_client_data), batchCall: null });
    const extra = provider === 'twilio' ? { callSid: `CA${state.counter}` } : { sip_call_id: `sip-${state.counter}` };
    return json(200, { success: true, message: 'Call initiated.', conversation_id: id, ...extra });
  }

  return [
    { pattern: '/v1/convai/conversations', methods: { GET: (_request, _parameters, query) => listConversations(query) } },
    {
      pattern: '/v1/convai/conversations/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = findConversation(id!);
          return found ? json(200, found) : error(404, 'conversation_not_found', 'Conversation not found.');
        },
      },
    },
    { pattern: '/v1/convai/twilio/outbound-call', methods: { POST: (request) => outboundCall(request, 'twilio') } },
    { pattern: '/v1/convai/sip-trunk/outbound-call', methods: { POST: (request) => outboundCall(request, 'sip_trunk') } },
    {
      pattern: '/v1/convai/agents',
      methods: {
        GET: (_request, _parameters, query) => {
          const size = pageSize(query);
          if (size === null) return invalid(['query', 'page_size'], 'Input should be less than or equal to 100.');
          const result = pageAfter([...state.data.agents].reverse(), (agent) => agent.agent_id, query.get('cursor'), size);
          if (result === null) return invalid(['query', 'cursor'], 'Invalid cursor.');
          const agents = result.page.map((agent) => ({
            agent_id: agent.agent_id,
            name: agent.name,
            tags: agent.tags,
            created_at_unix_secs: agent.metadata.created_at_unix_secs,
            access_info: { is_creator: true, creator_name: 'Sandbox', creator_email: 'sandbox@example.com', role: 'admin' },
            voice_id: agent.conversation_config.tts.voice_id,
          }));
          return json(200, { agents, next_cursor: result.next, has_more: result.next !== null });
        },
      },
    },
    {
      pattern: '/v1/convai/agents/{id}',
      methods: {
        GET: (_request, { id }) => {
          const agent = state.data.agents.find((item) => item.agent_id === id);
          return agent ? json(200, agent) : error(404, 'agent_not_found', 'Agent not found.');
        },
      },
    },
  ];
}
