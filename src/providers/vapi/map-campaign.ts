import { dateFromIso, mapStatus } from '../../provider.js';
import type { Campaign, CampaignStatus, MappedStatus } from '../../provider.js';
import { answeringAgent } from './map-phone-number.js';
import type { VapiCampaignWire } from './wire.js';
import { campaignStatuses, endedCampaignStatuses, endedStatus, providerId, type VapiId } from './wire-assumptions.js';

/** The unified status: `ended` and `archived` depend on who ended the campaign. */
export function vapiCampaignStatus(status: string | null | undefined, endedReason: string | null | undefined): MappedStatus<CampaignStatus> {
  if (typeof status === 'string' && endedCampaignStatuses.includes(status)) return { unified: endedStatus(endedReason), raw: status };
  return mapStatus(status, campaignStatuses);
}

export function mapVapiCampaign(wire: VapiCampaignWire, raw: Record<string, unknown>): Campaign<VapiId> {
  const counters = wire.contactCounters;
  // The document says to sum the six counters for the whole audience; a missing one makes the sum unknown.
  const parts = counters ? [counters.pending, counters.dispatched, counters.completed, counters.failed, counters.skipped, counters.predialFailed] : [];
  const summed = parts.length > 0 && parts.every((part) => typeof part === 'number') ? (parts as number[]).reduce((sum, part) => sum + part, 0) : null;
  // Without counters (the create answer), the audience is the customers the answer lists.
  const total = summed ?? (Array.isArray(wire.customers) ? wire.customers.length : null);
  return {
    provider: providerId,
    id: wire.id,
    name: wire.name,
    status: vapiCampaignStatus(wire.status, wire.endedReason),
    agentId: answeringAgent(wire),
    // The campaign holds `phoneNumberId`, an id rather than a number; it stays in `raw`.
    fromNumber: null,
    totalCalls: total,
    completedCalls: counters?.completed ?? null,
    failedCalls: counters?.failed ?? null,
    concurrency: wire.maxConcurrency ?? null,
    activeConcurrency: null,
    createdAt: dateFromIso(wire.createdAt),
    scheduledAt: dateFromIso(wire.schedulePlan?.earliestAt),
    finishedAt: null,
    pausedAt: null,
    raw,
  };
}
