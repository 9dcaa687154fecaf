import { refuse } from '../../provider.js';
import type { CampaignListParams, PhoneNumberListParams, PhoneNumberStatus } from '../../provider.js';
import { providerId } from './wire-assumptions.js';

/** `phoneNumbers.list` parameters on Bland: every number comes in one answer, so `limit` changes nothing. */
export interface BlandPhoneNumberListParams extends PhoneNumberListParams {
  /** Not sent: Bland answers every inbound number at once, in one page. */
  limit?: number | undefined;
  /** Applied by the SDK: Bland reports no status, and every number it lists is `active`. */
  status?: PhoneNumberStatus | readonly PhoneNumberStatus[] | undefined;
}

/** `campaigns.list` parameters on Bland (batches). */
export interface BlandCampaignListParams extends CampaignListParams {
  /** Batches per page (`take`), 1 to 1000; 100 when omitted. */
  limit?: number | undefined;
  /** Not offered: a batch carries no status to filter by; a status is an `InvalidRequestError`. */
  status?: never | undefined;
}


/** Refuses a status filter on batches before any request: Bland reports no batch status. */
export function refuseCampaignStatus(params: CampaignListParams): void {
  if (params.status === undefined) return;
  throw refuse(
    providerId,
    'campaigns.list',
    'Bland batches carry no status to filter by; omit status, and read each campaign\'s status (unknown unless Bland sends one).',
  );
}
