import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the mapping reads are checked; everything else passes through in `raw`. Items are
// `z.object`, not `z.looseObject`: the validated copy needs only what the mapping reads, and copying
// every other field of every item cost about 1 µs a number in the benchmark.

export const vogentPhoneNumberSchema = lazy(() =>
  z.object({
    id: z.string(),
    number: z.string(),
    // Documented as PSTN | SIP_USERNAME, but older responses omit it and a new kind must not break a list.
    type: z.nullish(z.string()),
    agentId: z.nullish(z.string()),
  }),
);

export const vogentBatchDialJobSchema = lazy(() =>
  z.object({
    id: z.string(),
    // The core needs a name; a job created without one must not break a whole listing.
    name: z.nullish(z.string()),
    status: z.nullish(z.string()),
    callAgentId: z.nullish(z.string()),
    maxConcurrentDials: z.nullish(z.number()),
    createdAt: z.nullish(z.string()),
  }),
);

/** Vogent's list envelope: `{ data, cursor }`, `cursor` null on the last page. */
export const vogentPageSchema = <Item extends z.ZodMiniType>(item: Item) =>
  z.object({
    data: z.array(item),
    cursor: z.nullish(z.string()),
  });

export const vogentPhoneNumberPageSchema = lazy(() => vogentPageSchema(vogentPhoneNumberSchema()));
export const vogentBatchDialJobPageSchema = lazy(() => vogentPageSchema(vogentBatchDialJobSchema()));

export type VogentPhoneNumberWire = z.infer<ReturnType<typeof vogentPhoneNumberSchema>>;
export type VogentBatchDialJobWire = z.infer<ReturnType<typeof vogentBatchDialJobSchema>>;

/**
 * Vogent declares its 400 and 422 answers without a body schema, so every common shape is read:
 * `{ message }`, `{ error: "..." }`, `{ error: { message, code } }`, and `{ errors: [...] }` of texts
 * or `{ message, field }` objects (joined after the message). Plain text is left to the transport.
 */
export function vogentErrorDetail(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { message, error, errors } = body as { message?: unknown; error?: unknown; errors?: unknown };
  const parts: string[] = [];
  if (isText(message)) parts.push(message);
  if (isText(error)) parts.push(error);
  if (typeof error === 'object' && error !== null) {
    const nested = error as { code?: unknown; message?: unknown };
    const text = [nested.code, nested.message].filter(isText).join(': ');
    if (text !== '') parts.push(text);
  }
  let detail = [...new Set(parts)].join(': ');
  if (Array.isArray(errors)) {
    const items = errors.map(describeItem).filter((item): item is string => item !== null);
    if (items.length > 0) detail = detail === '' ? items.join('; ') : `${detail} (${items.join('; ')})`;
  }
  return detail === '' ? null : detail;
}

function describeItem(item: unknown): string | null {
  if (isText(item)) return item;
  if (typeof item !== 'object' || item === null) return null;
  const { message, msg, field, path } = item as Record<string, unknown>;
  const text = isText(message) ? message : isText(msg) ? msg : null;
  if (text === null) return null;
  // Only texts and numbers are joined: joining any other value converts it, and `{"toString": 1}` would throw.
  const where = isText(field) ? field : Array.isArray(path) ? path.filter(isTextOrNumber).join('.') : isText(path) ? path : '';
  return where === '' ? text : `${where}: ${text}`;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isTextOrNumber(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}
