import { checkLimit, refuser, wireStatusesFor } from '../../provider.js';
import type { CampaignListParams, CampaignStatus, QueryValue } from '../../provider.js';
import { voxCampaignStatuses } from './map-campaign.js';
import { campaignListMaxLimit } from './wire-assumptions.js';

/** `campaigns.list` parameters on vox. */
export interface VoxCampaignListParams extends CampaignListParams {
  /** Items per page, 1 to 100 (vox's default is 50). */
  limit?: number | undefined;
  /**
   * Unified status(es). vox filters by one status per request, so several are listed one after
   * another in one iteration. Every campaign when omitted.
   */
  status?: CampaignStatus | readonly CampaignStatus[] | undefined;
}

/** One vox campaign listing: the parameters with at most one wire status. */
export interface VoxCampaignListing {
  /** Items per page. */
  limit: number | undefined;
  /** The wire status to send; `undefined` for every campaign. */
  status: string | undefined;
}

/**
 * The listings one `campaigns.list` call makes: one per status (vox takes one per request), or one
 * without a status. Every status is checked here, before any request.
 */
export function voxCampaignListings(params: VoxCampaignListParams): VoxCampaignListing[] {
  const fail = refuser('vox', 'campaigns.list');
  checkLimit('vox', 'campaigns.list', params.limit, campaignListMaxLimit);
  if (params.status === undefined) return [{ limit: params.limit, status: undefined }];
  return [params.status].flat().map((unified) => {
    const status = wireStatusesFor(unified, voxCampaignStatuses)[0];
    if (status === undefined) {
      const offered = [...new Set(Object.values(voxCampaignStatuses))].join(', ');
      throw fail(`vox has no campaign status for "${unified}"; filter by one of ${offered}.`);
    }
    return { limit: params.limit, status };
  });
}

/** vox's campaign query for one listing. */
export function voxCampaignQuery(listing: VoxCampaignListing, cursor: string | null): Record<string, QueryValue> {
  return { limit: listing.limit, cursor, status: listing.status };
}
