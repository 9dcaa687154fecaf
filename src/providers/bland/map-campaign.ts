import { dateFromIso, mapStatus } from '../../provider.js';
import type { Campaign } from '../../provider.js';
import type { BlandBatchWire } from './wire.js';
import { batchStatuses, globalField, parseGlobal, parseStartTime, providerId, type BlandId } from './wire-assumptions.js';

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A batch: what it calls with lives in `base_prompt` (the `global` properties as JSON); no counts. */
export function mapBlandCampaign(wire: BlandBatchWire, raw: Record<string, unknown>): Campaign<BlandId> {
  const global = parseGlobal(wire.base_prompt);
  return {
    provider: providerId,
    id: wire.id,
    name: wire.description ?? '',
    status: mapStatus(wire.status, batchStatuses),
    agentId: textOrNull(global[globalField.agentId]),
    fromNumber: textOrNull(global[globalField.fromNumber]),
    totalCalls: null,
    completedCalls: null,
    failedCalls: null,
    concurrency: null,
    activeConcurrency: null,
    createdAt: dateFromIso(wire.created_at),
    scheduledAt: parseStartTime(global[globalField.startTime]),
    finishedAt: null,
    pausedAt: null,
    raw,
  };
}
