import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the call and pathway mappings read are checked; everything else stays in `raw`.

const text = () => z.nullish(z.string());

/** A call: the get's full object; a list item has a subset of these fields. */
export const blandCallSchema = lazy(() =>
  z.object({
    call_id: z.string(),
    batch_id: text(),
    pathway_id: text(),
    to: text(),
    from: text(),
    inbound: z.nullish(z.boolean()),
    created_at: text(),
    started_at: text(),
    call_length: z.nullish(z.number()),
    corrected_duration: z.nullish(z.union([z.string(), z.number()])),
    queue_status: text(),
    completed: z.nullish(z.boolean()),
    answered_by: text(),
    call_ended_by: text(),
    error_message: text(),
    transferred_to: text(),
    // Any object, every key kept: what a record of unknowns takes from JSON, without zod's record parser in the bundle.
    request_data: z.nullish(z.looseObject({})),
    summary: text(),
    recording_url: text(),
    price: z.nullish(z.number()),
    transcripts: z.nullish(z.array(z.object({ text: text(), user: text(), created_at: text() }))),
  }),
);

export const blandCallPageSchema = lazy(() => z.object({ count: z.nullish(z.number()), calls: z.array(blandCallSchema()) }));

/** The legacy batch `{ status, batch_params, call_data[] }`: the calls of one batch. */
export const blandLegacyBatchSchema = lazy(() => z.object({ call_data: z.array(blandCallSchema()) }));

/** The create answer `{ status: "success", call_id }`. */
export const blandCallCreatedSchema = lazy(() => z.object({ call_id: z.string() }));

const node = () => z.object({ data: z.nullish(z.object({ isStart: z.nullish(z.boolean()), globalPrompt: text() })) });

/** A pathway (`GET /v1/pathway/{id}`): no id in the answer. */
export const blandPathwaySchema = lazy(() =>
  z.object({
    id: text(),
    pathway_id: text(),
    name: text(),
    nodes: z.nullish(z.array(node())),
    created_at: text(),
    updated_at: text(),
    version_number: z.nullish(z.union([z.number(), z.string()])),
  }),
);

export const blandPathwayListSchema = lazy(() => z.array(blandPathwaySchema()));

export type BlandCallWire = z.infer<ReturnType<typeof blandCallSchema>>;
export type BlandPathwayWire = z.infer<ReturnType<typeof blandPathwaySchema>>;
