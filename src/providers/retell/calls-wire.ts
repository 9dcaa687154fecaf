import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Retell's calls, agents and LLMs, only the fields the mappings read; everything else passes through in `raw`.

const text = () => z.nullish(z.string());
const count = () => z.nullish(z.number());

/** One turn of `transcript_object`: the words carry the times. */
const turnSchema = lazy(() =>
  z.object({
    role: text(),
    content: text(),
    words: z.nullish(z.array(z.object({ start: count(), end: count() }))),
  }),
);

export const retellCallSchema = lazy(() =>
  z.object({
    call_id: z.string(),
    call_type: text(),
    agent_id: text(),
    batch_call_id: text(),
    direction: text(),
    from_number: text(),
    to_number: text(),
    call_status: text(),
    disconnection_reason: text(),
    start_timestamp: count(),
    end_timestamp: count(),
    duration_ms: count(),
    recording_url: text(),
    // Any object, every key kept: what a record of unknowns takes from JSON, without zod's record parser in the bundle.
    retell_llm_dynamic_variables: z.nullish(z.looseObject({})),
    call_cost: z.nullish(z.object({ combined_cost: count() })),
    call_analysis: z.nullish(z.object({ call_summary: text() })),
    transcript_object: z.nullish(z.array(turnSchema())),
  }),
);

export const retellCallPageSchema = lazy(() =>
  z.object({ items: z.array(retellCallSchema()), has_more: z.boolean(), pagination_key: text() }),
);

/** An agent as `GET /get-agent/{id}` answers it; `/v2/list-agents` items carry fewer fields, all optional here. */
export const retellAgentSchema = lazy(() =>
  z.object({
    agent_id: z.string(),
    agent_name: text(),
    version: z.nullish(z.union([z.number(), z.string()])),
    voice_id: text(),
    last_modification_timestamp: count(),
    user_modified_timestamp: count(),
    response_engine: z.nullish(
      z.object({ type: text(), llm_id: text(), conversation_flow_id: text(), version: z.nullish(z.union([z.number(), z.string()])) }),
    ),
  }),
);

export const retellAgentPageSchema = lazy(() =>
  z.object({ items: z.array(retellAgentSchema()), has_more: z.boolean(), pagination_key: text() }),
);

/** The Retell LLM an agent's prompt lives on. */
export const retellLlmSchema = lazy(() => z.object({ llm_id: text(), general_prompt: text(), model: text() }));

export type RetellCallWire = z.infer<ReturnType<typeof retellCallSchema>>;
export type RetellAgentWire = z.infer<ReturnType<typeof retellAgentSchema>>;
export type RetellLlmWire = z.infer<ReturnType<typeof retellLlmSchema>>;
