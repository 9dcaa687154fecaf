import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the call and agent mappings read are checked; everything else stays in `raw`.

const transcriptItem = () =>
  z.object({
    role: z.nullish(z.string()),
    content: z.nullish(z.string()),
    start_at: z.nullish(z.number()),
    end_at: z.nullish(z.number()),
  });

/** A v3 call (the get adds `transcript`; list items have none). */
export const voxCallSchema = lazy(() =>
  z.object({
    id: z.string(),
    agent: z.nullish(z.object({ agent_id: z.nullish(z.string()) })),
    call_type: z.nullish(z.string()),
    status: z.nullish(z.string()),
    from_number: z.nullish(z.string()),
    to_number: z.nullish(z.string()),
    disconnection_reason: z.nullish(z.string()),
    start_at: z.nullish(z.number()),
    end_at: z.nullish(z.number()),
    recording_url: z.nullish(z.string()),
    // Any object, every key kept: what a record of unknowns takes from JSON, without zod's record parser in the bundle.
    dynamic_variables: z.nullish(z.looseObject({})),
    call_analysis: z.nullish(z.object({ summary: z.nullish(z.string()) })),
    call_cost: z.nullish(z.object({ total_cost: z.nullish(z.union([z.string(), z.number()])) })),
    transcript: z.nullish(z.array(transcriptItem())),
  }),
);

export const voxCallPageSchema = lazy(() =>
  z.object({
    items: z.array(voxCallSchema()),
    total_count: z.nullish(z.number()),
    next_cursor: z.nullish(z.string()),
  }),
);

/** A v3 agent: the list's summary fields, plus `data` (camelCase inside) on the get. */
export const voxAgentSchema = lazy(() =>
  z.object({
    agent_id: z.string(),
    name: z.nullish(z.string()),
    type: z.nullish(z.string()),
    created_at: z.nullish(z.number()),
    updated_at: z.nullish(z.number()),
    production_version: z.nullish(z.union([z.string(), z.number()])),
    version: z.nullish(z.union([z.string(), z.number()])),
    data: z.nullish(
      z.object({
        prompt: z.nullish(z.object({ prompt: z.nullish(z.string()) })),
        llm: z.nullish(z.object({ model: z.nullish(z.string()) })),
        voice: z.nullish(z.object({ id: z.nullish(z.string()), provider: z.nullish(z.string()) })),
      }),
    ),
  }),
);

export const voxAgentPageSchema = lazy(() =>
  z.object({
    items: z.array(voxAgentSchema()),
    total_count: z.nullish(z.number()),
    next_cursor: z.nullish(z.string()),
  }),
);

export type VoxCallWire = z.infer<ReturnType<typeof voxCallSchema>>;
export type VoxAgentWire = z.infer<ReturnType<typeof voxAgentSchema>>;
