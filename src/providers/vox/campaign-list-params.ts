import { wireStatusesFor } from '../../core/kit/status.js';
import { refuser } from '../../core/kit/refuse.js';
import type { QueryValue } from '../../core/transport/transport.js';
import type { CampaignListParams, CampaignStatus } from '../../core/types.js';
import { voxCampaignStatuses } from './map-campaign.js';
import { campaignListMaxLimit, campaignStatusesPerRequest } from './write-assumptions.js';

/** `campaigns.list` parameters on vox. */
export interface VoxCampaignListParams extends CampaignListParams {
  /** Items per page, 1 to 100 (vox's default is 50). */
  limit?: number;
  /** One unified status per listing; several are refused (list once per status). Every campaign when omitted. */
  status?: CampaignStatus | readonly CampaignStatus[];
}

/** Turns checked neutral parameters into vox's campaign query; refuses what vox could not honour. */
export function voxCampaignQuery(params: VoxCampaignListParams, cursor: string | null): Record<string, QueryValue> {
  const fail = refuser('vox', 'campaigns.list');
  if (params.limit !== undefined && params.limit > campaignListMaxLimit) {
    throw fail(`limit must be from 1 to ${campaignListMaxLimit} (got ${params.limit}).`);
  }
  let status: string | undefined;
  if (params.status !== undefined) {
    const statuses = [params.status].flat();
    if (statuses.length > campaignStatusesPerRequest) {
      throw fail(
        `vox filters campaigns by one status per request (got ${statuses.join(', ')}). ` +
          'List once per status, or list without one and check status.unified.',
      );
    }
    const unified = statuses[0]!;
    status = wireStatusesFor(unified, voxCampaignStatuses)[0];
    if (status === undefined) {
      const offered = [...new Set(Object.values(voxCampaignStatuses))].join(', ');
      throw fail(`vox has no campaign status for "${unified}"; filter by one of ${offered}.`);
    }
  }
  return { limit: params.limit, cursor, status };
}
