import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Conversations (ElevenLabs' calls) and agents: only the fields the mapping reads are checked.

const text = () => z.nullish(z.string());
const count = () => z.nullish(z.number());

/** `ConversationSummaryResponseModel`: a list item (no transcript, numbers or cost). */
export const conversationSummarySchema = lazy(() =>
  z.object({
    conversation_id: z.string(),
    agent_id: text(),
    status: text(),
    start_time_unix_secs: count(),
    call_duration_secs: count(),
    direction: text(),
    termination_reason: text(),
    transcript_summary: text(),
  }),
);

/** `GET /v1/convai/conversations`. */
export const conversationPageSchema = lazy(() =>
  z.object({ conversations: z.array(conversationSummarySchema()), next_cursor: text(), has_more: z.nullish(z.boolean()) }),
);

const phoneCallSchema = lazy(() =>
  z.object({
    type: text(),
    direction: text(),
    phone_number_id: text(),
    agent_number: text(),
    external_number: text(),
    call_result: text(),
  }),
);

const turnSchema = lazy(() =>
  z.object({
    role: text(),
    message: text(),
    time_in_call_secs: count(),
    tool_calls: z.nullish(z.array(z.unknown())),
    tool_results: z.nullish(z.array(z.unknown())),
  }),
);

/** `GetConversationResponseModel`: one conversation with its transcript and metadata. */
export const conversationSchema = lazy(() =>
  z.object({
    conversation_id: z.string(),
    agent_id: text(),
    status: text(),
    has_audio: z.nullish(z.boolean()),
    transcript: z.nullish(z.array(turnSchema())),
    analysis: z.nullish(z.object({ transcript_summary: text() })),
    // Any object, every key kept: what a record of unknowns takes from JSON, without zod's record parser in the bundle.
    conversation_initiation_client_data: z.nullish(z.object({ dynamic_variables: z.nullish(z.looseObject({})) })),
    metadata: z.nullish(
      z.object({
        start_time_unix_secs: count(),
        accepted_time_unix_secs: count(),
        call_duration_secs: count(),
        cost: count(),
        cost_fiat: count(),
        termination_reason: text(),
        error: z.nullish(z.unknown()),
        phone_call: z.nullish(phoneCallSchema()),
        batch_call: z.nullish(z.object({ batch_call_id: text() })),
      }),
    ),
  }),
);

/** The answer of `POST /v1/convai/{twilio|sip-trunk}/outbound-call`. */
export const outboundCallSchema = lazy(() => z.object({ success: z.nullish(z.boolean()), message: text(), conversation_id: text() }));

/** `AgentSummaryResponseModel`: a list item. */
export const agentSummarySchema = lazy(() =>
  z.object({ agent_id: z.string(), name: text(), created_at_unix_secs: count(), voice_id: text() }),
);

/** `GET /v1/convai/agents`. */
export const agentPageSchema = lazy(() =>
  z.object({ agents: z.array(agentSummarySchema()), next_cursor: text(), has_more: z.nullish(z.boolean()) }),
);

/** `GetAgentResponseModel`: the agent with its conversation config (prompt, model, voice). */
export const agentSchema = lazy(() =>
  z.object({
    agent_id: z.string(),
    name: text(),
    version_id: text(),
    conversation_config: z.nullish(
      z.object({
        agent: z.nullish(z.object({ prompt: z.nullish(z.object({ prompt: text(), llm: text() })) })),
        tts: z.nullish(z.object({ voice_id: text(), model_id: text() })),
      }),
    ),
    metadata: z.nullish(z.object({ created_at_unix_secs: count(), updated_at_unix_secs: count() })),
  }),
);

export type ElevenLabsConversationSummaryWire = z.infer<ReturnType<typeof conversationSummarySchema>>;
export type ElevenLabsConversationWire = z.infer<ReturnType<typeof conversationSchema>>;
export type ElevenLabsTurnWire = z.infer<ReturnType<typeof turnSchema>>;
export type ElevenLabsAgentSummaryWire = z.infer<ReturnType<typeof agentSummarySchema>>;
export type ElevenLabsAgentWire = z.infer<ReturnType<typeof agentSchema>>;
