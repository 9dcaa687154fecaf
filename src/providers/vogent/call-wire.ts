import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the dial and agent mappings read are checked; everything else stays in `raw`.

/** The agent object, as embedded in a dial. */
export const vogentAgentSchema = lazy(() =>
  z.object({
    id: z.string(),
    name: z.nullish(z.string()),
    defaultVoiceId: z.nullish(z.string()),
    defaultVersionedPromptId: z.nullish(z.string()),
  }),
);

/** A dial: `GET /dials/{id}`, and the items of a job's dial list (the same schema, transcript included). */
export const vogentDialSchema = lazy(() =>
  z.object({
    id: z.string(),
    toNumber: z.nullish(z.string()),
    fromNumberId: z.nullish(z.string()),
    status: z.nullish(z.string()),
    systemResultType: z.nullish(z.string()),
    startedAt: z.nullish(z.string()),
    endedAt: z.nullish(z.string()),
    createdAt: z.nullish(z.string()),
    durationSeconds: z.nullish(z.number()),
    recordings: z.nullish(z.array(z.object({ url: z.nullish(z.string()) }))),
    transcript: z.nullish(
      z.array(
        z.object({
          text: z.nullish(z.string()),
          speaker: z.nullish(z.string()),
          detailType: z.nullish(z.string()),
          startTimeMs: z.nullish(z.number()),
          endTimeMs: z.nullish(z.number()),
        }),
      ),
    ),
    // Any object, every key kept: what a record of unknowns takes from JSON, without zod's record parser in the bundle.
    inputs: z.nullish(z.looseObject({})),
    agent: z.nullish(vogentAgentSchema()),
  }),
);

export const vogentDialPageSchema = lazy(() => z.object({ data: z.array(vogentDialSchema()), cursor: z.nullish(z.string()) }));

/** The create answer: ids only. */
export const vogentDialCreatedSchema = lazy(() => z.object({ dialId: z.string() }));

export type VogentDialWire = z.infer<ReturnType<typeof vogentDialSchema>>;
export type VogentAgentWire = z.infer<ReturnType<typeof vogentAgentSchema>>;
