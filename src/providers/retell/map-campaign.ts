import { dateFromMilliseconds } from '../../provider.js';
import type { Campaign } from '../../provider.js';
import { providerId, type RetellId } from './provider-id.js';
import type { RetellBatchCallWire } from './wire.js';
import { batchCallStatus } from './wire-assumptions.js';

/**
 * Maps the answer to a batch call create, Retell's campaign. `arrivedAt` (unix ms) is when the
 * answer came, against which `scheduled_timestamp` tells a batch waiting for its start.
 */
export function mapRetellBatchCall(wire: RetellBatchCallWire, raw: Record<string, unknown>, arrivedAt: number): Campaign<RetellId> {
  return {
    provider: providerId,
    id: wire.batch_call_id,
    name: wire.name ?? '',
    status: batchCallStatus(wire.scheduled_timestamp, arrivedAt),
    // The answer names no agent: each task carries it.
    agentId: null,
    fromNumber: wire.from_number ?? null,
    totalCalls: wire.total_task_count ?? null,
    completedCalls: null,
    failedCalls: null,
    concurrency: null,
    activeConcurrency: null,
    createdAt: null,
    scheduledAt: dateFromMilliseconds(wire.scheduled_timestamp),
    finishedAt: null,
    pausedAt: null,
    raw,
  };
}
