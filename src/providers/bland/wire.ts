import { lazy } from '../../provider.js';
import type { Expectation } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the mapping reads are checked; everything else passes through in `raw`.

/**
 * An inbound number: the E.164 number is its id; the pathway is the nearest thing to an agent, and a
 * number attached to a persona carries that persona's id.
 */
export const blandNumberSchema = lazy(() =>
  z.object({
    phone_number: z.string(),
    pathway_id: z.nullish(z.string()),
    persona_id: z.nullish(z.string()),
    created_at: z.nullish(z.string()),
  }),
);

/** `GET /v1/inbound`: every number in one answer, no envelope beyond the list's own key. */
export const blandNumberListSchema = lazy(() => z.object({ inbound_numbers: z.array(blandNumberSchema()) }));

/** An outbound number as `GET /v1/outbound` lists it: `{ created_at, phone_number, last_initiated }`. */
export const blandOutboundNumberSchema = lazy(() =>
  z.object({
    phone_number: z.string(),
    created_at: z.nullish(z.string()),
  }),
);

/** `GET /v1/outbound`: every outbound number in one answer. */
export const blandOutboundListSchema = lazy(() => z.object({ outbound_numbers: z.array(blandOutboundNumberSchema()) }));

/** A batch: `base_prompt` holds the `global` properties as a JSON text, `description` the label. */
export const blandBatchSchema = lazy(() =>
  z.object({
    id: z.string(),
    description: z.nullish(z.string()),
    base_prompt: z.nullish(z.unknown()),
    status: z.nullish(z.string()),
    created_at: z.nullish(z.string()),
  }),
);

const batchPageSchema = lazy(() => z.object({ data: z.array(blandBatchSchema()) }));
const batchEnvelopeSchema = lazy(() => z.object({ data: blandBatchSchema() }));
// An empty `batch_id` is refused by the write (writes.ts), not by a zod length check: that check would
// bring zod's check machinery into the bundle for this one field.
const createdSchema = /* @__PURE__ */ lazy(() => z.object({ data: z.object({ batch_id: z.string() }) }));

export type BlandNumberWire = z.infer<ReturnType<typeof blandNumberSchema>>;
export type BlandBatchWire = z.infer<ReturnType<typeof blandBatchSchema>>;
export type BlandOutboundNumberWire = z.infer<ReturnType<typeof blandOutboundNumberSchema>>;

export const numberExpectation = (what: string): Expectation<BlandNumberWire> => ({ schema: blandNumberSchema, what });
export const numberListExpectation: Expectation<z.infer<ReturnType<typeof blandNumberListSchema>>> = {
  schema: blandNumberListSchema,
  what: 'the list of inbound numbers',
};
export const outboundListExpectation: Expectation<z.infer<ReturnType<typeof blandOutboundListSchema>>> = {
  schema: blandOutboundListSchema,
  what: 'the list of outbound numbers',
};
export const batchPageExpectation: Expectation<z.infer<ReturnType<typeof batchPageSchema>>> = {
  schema: batchPageSchema,
  what: 'a page of batches',
};

/** The v2 `{ data: batch, errors }` answer; `raw` is the batch itself. */
export const batchExpectation: Expectation<z.infer<ReturnType<typeof batchEnvelopeSchema>>> = {
  schema: batchEnvelopeSchema,
  what: 'a batch',
};

/** The create answer `{ data: { batch_id }, errors: null }`. */
export const createdExpectation: Expectation<z.infer<ReturnType<typeof createdSchema>>> = {
  schema: createdSchema,
  what: 'the created batch id',
};
