import type { Campaign } from '../../provider.js';
import { providerId, type ElevenLabsId } from './provider-id.js';
import type { ElevenLabsBatchCallWire, ElevenLabsRecipientWire } from './wire.js';
import { batchFinishedAt, batchStatus, dateFromUnixSeconds, failedRecipientStatus } from './wire-assumptions.js';

/**
 * Maps a batch call, ElevenLabs' campaign. `nowMs` tells a pending batch waiting for its start;
 * `recipients` (the batch get only) gives the failed calls, which the list does not carry.
 */
export function mapElevenLabsBatchCall(
  wire: ElevenLabsBatchCallWire & { recipients?: readonly ElevenLabsRecipientWire[] | null | undefined },
  raw: Record<string, unknown>,
  nowMs: number,
): Campaign<ElevenLabsId> {
  const recipients = wire.recipients;
  return {
    provider: providerId,
    id: wire.id,
    name: wire.name ?? '',
    status: batchStatus(wire.status, wire.scheduled_time_unix, nowMs),
    agentId: wire.agent_id ?? null,
    // `phone_number_id` is an id, not a number: it stays in `raw`.
    fromNumber: null,
    totalCalls: wire.total_calls_scheduled ?? null,
    completedCalls: wire.total_calls_finished ?? null,
    failedCalls: Array.isArray(recipients) ? recipients.filter((recipient) => recipient.status === failedRecipientStatus).length : null,
    concurrency: wire.target_concurrency_limit ?? null,
    activeConcurrency: null,
    createdAt: dateFromUnixSeconds(wire.created_at_unix),
    scheduledAt: dateFromUnixSeconds(wire.scheduled_time_unix),
    finishedAt: batchFinishedAt(wire.status, wire.last_updated_at_unix),
    pausedAt: null,
    raw,
  };
}
