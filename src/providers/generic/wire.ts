import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the mapping reads are checked; everything else passes through in `raw`. Items are
// `z.object`, not `z.looseObject`: the validated copy needs only what the mapping reads, and copying
// every other field of every item cost about 1 µs a number in the benchmark.

/** One phone number summary, as `GET /api/phone-numbers` lists it. */
export const genericPhoneNumberSchema = lazy(() =>
  z.object({
    phone_number_id: z.string(),
    phone_number: z.string(),
    provider: z.nullish(z.string()),
    status: z.nullish(z.string()),
    supports_inbound: z.nullish(z.boolean()),
    supports_outbound: z.nullish(z.boolean()),
    assigned_agent_id: z.nullish(z.string()),
    created_at: z.nullish(z.string()),
  }),
);

/** The list envelope: `{ success: true, data: [...], pagination: { next_cursor, has_more, page_size, total_count } }`. */
export const genericPhoneNumberPageSchema = lazy(() =>
  z.looseObject({
    success: z.literal(true),
    data: z.array(genericPhoneNumberSchema()),
    pagination: z.looseObject({
      next_cursor: z.nullish(z.string()),
      has_more: z.boolean(),
      total_count: z.nullish(z.number()),
    }),
  }),
);

export type GenericPhoneNumberWire = z.infer<ReturnType<typeof genericPhoneNumberSchema>>;

/**
 * The family's error envelopes, in either form: `{ success: false, error: { code, message } }` or
 * `{ success: false, message }`. Returns one line, `null` when the body is neither.
 */
export function genericErrorDetail(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'object' && error !== null) {
    const { code, message: errorMessage } = error as { code?: unknown; message?: unknown };
    const text = [code, errorMessage].filter((part) => typeof part === 'string' && part !== '').join(': ');
    if (text !== '') return text;
  }
  return typeof message === 'string' && message !== '' ? message : null;
}

/** Whether a body is the family's failure envelope (`success: false`), whatever the HTTP status. */
export function isGenericFailure(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { success?: unknown }).success === false;
}
