import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the mapping reads are checked; everything else passes through in `raw`. Items are
// `z.object`, not `z.looseObject`: the validated copy needs only what the mapping reads, and copying
// every other field of every item cost about 1 µs a number in the benchmark.

const agentReference = () => z.nullish(z.object({ agent_id: z.nullish(z.string()) }));

export const voxPhoneNumberSchema = lazy(() =>
  z.object({
    id: z.string(),
    number: z.string(),
    provider: z.nullish(z.string()),
    status: z.nullish(z.string()),
    created_at: z.nullish(z.number()),
    updated_at: z.nullish(z.number()),
    inbound_agent: agentReference(),
    outbound_agent: agentReference(),
    memo: z.nullish(z.string()),
  }),
);

export const voxPhoneNumberPageSchema = lazy(() =>
  z.object({
    items: z.array(voxPhoneNumberSchema()),
    total_count: z.nullish(z.number()),
    next_cursor: z.nullish(z.string()),
  }),
);

export const voxCampaignSchema = lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    status: z.nullish(z.string()),
    agent: agentReference(),
    from_number: z.nullish(z.string()),
    total_calls: z.nullish(z.number()),
    completed_calls: z.nullish(z.number()),
    failed_calls: z.nullish(z.number()),
    concurrency: z.nullish(z.number()),
    active_concurrency: z.nullish(z.number()),
    created_at: z.nullish(z.number()),
    scheduled_at: z.nullish(z.number()),
    finished_at: z.nullish(z.number()),
    paused_at: z.nullish(z.number()),
  }),
);

/** A page of the campaign list, as every v3 list answers (assumed for this list: see wire-assumptions). */
export const voxCampaignPageSchema = lazy(() =>
  z.object({
    items: z.array(voxCampaignSchema()),
    total_count: z.nullish(z.number()),
    next_cursor: z.nullish(z.string()),
  }),
);

export type VoxPhoneNumberWire = z.infer<ReturnType<typeof voxPhoneNumberSchema>>;
export type VoxCampaignWire = z.infer<ReturnType<typeof voxCampaignSchema>>;

/**
 * vox's error envelope: `{ error: { code, message, details: { field, reason, allowed_values } } }`;
 * the 400 for an unknown query parameter lists the accepted ones in `details.allowed_query_parameters`.
 */
export function voxErrorDetail(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
  let text = [code, message].filter((part) => typeof part === 'string' && part !== '').join(': ');
  if (typeof details === 'object' && details !== null) {
    const { field, reason, allowed_values: allowed, allowed_query_parameters: allowedParameters } = details as Record<string, unknown>;
    const parts: string[] = [];
    if (typeof field === 'string') parts.push(`field ${field}`);
    if (typeof reason === 'string') parts.push(reason);
    // Only texts and numbers are joined: joining any other value converts it, and `{"toString": 1}` would throw.
    const listed = readableList(allowed);
    if (listed.length > 0) parts.push(`allowed: ${listed.join(', ')}`);
    const parameters = readableList(allowedParameters);
    if (parameters.length > 0) parts.push(`allowed query parameters: ${parameters.join(', ')}`);
    if (parts.length > 0) text += ` (${parts.join('; ')})`;
  }
  return text === '' ? null : text;
}

function readableList(value: unknown): (string | number)[] {
  return Array.isArray(value) ? value.filter(isTextOrNumber) : [];
}

function isTextOrNumber(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}
