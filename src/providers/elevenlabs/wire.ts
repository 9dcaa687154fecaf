import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the mapping reads are checked; everything else passes through in `raw`.

const text = () => z.nullish(z.string());
const count = () => z.nullish(z.number());

/** A number of any telephony provider (`twilio`, `sip_trunk`, `exotel`): the fields they share. */
export const phoneNumberSchema = lazy(() =>
  z.object({
    phone_number_id: z.string(),
    phone_number: z.string(),
    label: text(),
    provider: text(),
    supports_inbound: z.nullish(z.boolean()),
    supports_outbound: z.nullish(z.boolean()),
    assigned_agent: z.nullish(z.object({ agent_id: text() })),
  }),
);

/** `GET /v1/convai/v2/phone-numbers`. */
export const phoneNumberPageSchema = lazy(() =>
  z.object({ phone_numbers: z.array(phoneNumberSchema()), next_cursor: text(), has_more: z.nullish(z.boolean()) }),
);

/** `GET /v1/convai/phone-numbers`: every number, a bare array. */
export const phoneNumberArraySchema = lazy(() => z.array(phoneNumberSchema()));

/** `BatchCallResponse`: a batch call as submit, cancel, retry and the workspace list answer it. */
export const batchCallSchema = lazy(() =>
  z.object({
    id: z.string(),
    name: text(),
    agent_id: text(),
    status: text(),
    created_at_unix: count(),
    scheduled_time_unix: count(),
    last_updated_at_unix: count(),
    total_calls_scheduled: count(),
    total_calls_finished: count(),
    target_concurrency_limit: count(),
  }),
);

const recipientSchema = lazy(() =>
  z.object({ id: text(), phone_number: text(), status: text(), conversation_id: text(), created_at_unix: count(), updated_at_unix: count() }),
);

/** `BatchCallDetailedResponse`: the batch with every recipient. */
export const batchCallDetailSchema = lazy(() =>
  z.object({
    ...batchCallSchema().shape,
    recipients: z.nullish(z.array(recipientSchema())),
  }),
);

/** `GET /v1/convai/batch-calling/workspace`. */
export const batchCallPageSchema = lazy(() =>
  z.object({ batch_calls: z.array(batchCallSchema()), next_doc: text(), has_more: z.nullish(z.boolean()) }),
);

export type ElevenLabsPhoneNumberWire = z.infer<ReturnType<typeof phoneNumberSchema>>;
export type ElevenLabsBatchCallWire = z.infer<ReturnType<typeof batchCallSchema>>;
export type ElevenLabsBatchCallDetailWire = z.infer<ReturnType<typeof batchCallDetailSchema>>;
export type ElevenLabsRecipientWire = z.infer<ReturnType<typeof recipientSchema>>;
