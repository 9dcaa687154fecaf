import { dateFromMilliseconds, mapStatus } from '../../provider.js';
import type { Campaign, CampaignStatus } from '../../provider.js';
import type { VoxCampaignWire } from './wire.js';

/**
 * vox campaign status -> unified status. vox's `draft` waits for its `scheduled_at` and starts by
 * itself, which is the unified `scheduled` (the unified `draft` never runs until started).
 */
export const voxCampaignStatuses: Readonly<Record<string, Exclude<CampaignStatus, 'unknown'>>> = {
  draft: 'scheduled',
  pending: 'pending',
  ongoing: 'running',
  paused: 'paused',
  success: 'completed',
  fail: 'failed',
  canceled: 'canceled',
};

export function mapVoxCampaign(wire: VoxCampaignWire, raw: Record<string, unknown>): Campaign<'vox'> {
  return {
    provider: 'vox',
    id: wire.id,
    name: wire.name,
    status: mapStatus(wire.status, voxCampaignStatuses),
    agentId: wire.agent?.agent_id ?? null,
    fromNumber: wire.from_number ?? null,
    totalCalls: wire.total_calls ?? null,
    completedCalls: wire.completed_calls ?? null,
    failedCalls: wire.failed_calls ?? null,
    concurrency: wire.concurrency ?? null,
    activeConcurrency: wire.active_concurrency ?? null,
    createdAt: dateFromMilliseconds(wire.created_at),
    scheduledAt: dateFromMilliseconds(wire.scheduled_at),
    finishedAt: dateFromMilliseconds(wire.finished_at),
    pausedAt: dateFromMilliseconds(wire.paused_at),
    raw,
  };
}
