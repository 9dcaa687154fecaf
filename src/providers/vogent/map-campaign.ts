import { dateFromIso, mapStatus } from '../../provider.js';
import type { Campaign, CampaignStatus } from '../../provider.js';
import type { VogentBatchDialJobWire } from './wire.js';

/** Vogent batch dial job status -> unified status. A new job stays INIT until it is started. */
export const vogentCampaignStatuses: Readonly<Record<string, Exclude<CampaignStatus, 'unknown'>>> = {
  INIT: 'draft',
  ACTIVE: 'running',
  PAUSED: 'paused',
  COMPLETE: 'completed',
  CANCELLED: 'canceled',
};

/** Maps a batch dial job, Vogent's campaign. */
export function mapVogentCampaign(wire: VogentBatchDialJobWire, raw: Record<string, unknown>): Campaign<'vogent'> {
  return {
    provider: 'vogent',
    id: wire.id,
    name: wire.name ?? '',
    status: mapStatus(wire.status, vogentCampaignStatuses),
    agentId: wire.callAgentId || null,
    // fromPhoneNumberIds holds number ids, not numbers; resolving them would cost a request per job.
    fromNumber: null,
    totalCalls: null,
    completedCalls: null,
    failedCalls: null,
    concurrency: wire.maxConcurrentDials ?? null,
    activeConcurrency: null,
    createdAt: dateFromIso(wire.createdAt),
    // `schedule` is a weekly calling window, not a moment.
    scheduledAt: null,
    finishedAt: null,
    pausedAt: null,
    raw,
  };
}
