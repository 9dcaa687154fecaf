import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the mapping reads are checked; everything else passes through in `raw`.

const weightedAgents = () => z.nullish(z.array(z.object({ agent_id: z.string(), weight: z.nullish(z.number()) })));

export const retellPhoneNumberSchema = lazy(() =>
  z.object({
    phone_number: z.string(),
    phone_number_type: z.nullish(z.string()),
    last_modification_timestamp: z.nullish(z.number()),
    nickname: z.nullish(z.string()),
    inbound_agents: weightedAgents(),
    outbound_agents: weightedAgents(),
    // Deprecated single-agent fields, still on older answers.
    inbound_agent_id: z.nullish(z.string()),
    outbound_agent_id: z.nullish(z.string()),
  }),
);

export const retellPhoneNumberPageSchema = lazy(() =>
  z.object({
    items: z.array(retellPhoneNumberSchema()),
    has_more: z.boolean(),
    pagination_key: z.nullish(z.string()),
  }),
);

export const retellBatchCallSchema = lazy(() =>
  z.object({
    batch_call_id: z.string(),
    name: z.nullish(z.string()),
    from_number: z.nullish(z.string()),
    scheduled_timestamp: z.nullish(z.number()),
    total_task_count: z.nullish(z.number()),
  }),
);

export type RetellPhoneNumberWire = z.infer<ReturnType<typeof retellPhoneNumberSchema>>;
export type RetellPhoneNumberPageWire = z.infer<ReturnType<typeof retellPhoneNumberPageSchema>>;
export type RetellBatchCallWire = z.infer<ReturnType<typeof retellBatchCallSchema>>;

/**
 * Retell's error envelope: `{ "status": "error", "message": "..." }`; some answers name the text
 * `error_message` instead, which is read when `message` is absent or empty.
 */
export function retellErrorDetail(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const { message, error_message: errorMessage } = body as { message?: unknown; error_message?: unknown };
  for (const text of [message, errorMessage]) {
    if (typeof text === 'string' && text.trim() !== '') return text.trim();
  }
  return null;
}
