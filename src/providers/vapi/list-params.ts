import { describeValue, refuse, wireStatusesFor } from '../../provider.js';
import type { CampaignListParams, CampaignStatus, PhoneNumberListParams, PhoneNumberStatus, QueryValue } from '../../provider.js';
import { campaignStatuses, providerId } from './wire-assumptions.js';

/** `phoneNumbers.list` parameters on Vapi. */
export interface VapiPhoneNumberListParams extends PhoneNumberListParams {
  /** Items per page, 1 to 1000 (Vapi's default, sent when omitted, is 100). */
  limit?: number | undefined;
  /**
   * Only numbers in these unified statuses. Vapi's list has no status filter, so the SDK applies it to
   * each page: pages may come back short or empty, and `totalCount` is then `null`.
   */
  status?: PhoneNumberStatus | readonly PhoneNumberStatus[] | undefined;
  /** Vapi's own search over a number's name, number or SIP URI (at most 100 characters). */
  search?: string | undefined;
}

/** `campaigns.list` parameters on Vapi. */
export interface VapiCampaignListParams extends CampaignListParams {
  /** Items per page, 1 to 1000 (Vapi's default, sent when omitted, is 100). */
  limit?: number | undefined;
  /**
   * Only campaigns in these unified statuses. `scheduled` or `running` alone is sent as Vapi's own
   * `status` filter (`scheduled`, `in-progress`), so `totalCount` stays. Any other set is applied by the
   * SDK to each page (Vapi's `ended` and `archived` read as completed or canceled depending on who
   * ended them, and Vapi takes one status per request); `totalCount` is then `null`.
   */
  status?: CampaignStatus | readonly CampaignStatus[] | undefined;
}

export const vapiPhoneNumberFilters = ['search'] as const;

const maxSearchLength = 100;

/** The query of one `GET /v2/phone-number` page; refuses a search Vapi would refuse, before any request. */
export function phoneNumberQuery(params: VapiPhoneNumberListParams, page: number, limit: number): Record<string, QueryValue> {
  const { search } = params;
  if (search !== undefined && (typeof search !== 'string' || search.trim() === '' || search.length > maxSearchLength)) {
    throw refuse(
      providerId,
      'phoneNumbers.list',
      `search must be a non-empty text of at most ${maxSearchLength} characters (got ${describeValue(search)}).`,
    );
  }
  return { page, limit, search };
}

/** The query of one `GET /v2/campaign` page: the counters are asked for, so that the call counts are filled. */
export function campaignQuery(page: number, limit: number, wireStatus?: string): Record<string, QueryValue> {
  return { page, limit, includeCounters: true, status: wireStatus };
}

/**
 * Vapi's own campaign status for a neutral filter that maps onto exactly one wire status and only
 * onto it (`scheduled` -> `scheduled`, `running` -> `in-progress`); `null` for any other filter,
 * which the SDK applies to each page instead.
 */
export function wireCampaignStatus(status: VapiCampaignListParams['status']): string | null {
  if (status === undefined) return null;
  const unified = [...new Set([status].flat())];
  if (unified.length !== 1 || endedUnifiedStatuses.includes(unified[0]!)) return null;
  const wire = wireStatusesFor(unified[0]!, campaignStatuses);
  return wire.length === 1 ? wire[0]! : null;
}

/** The unified statuses that `ended` and `archived` campaigns read as, besides their own wire status. */
const endedUnifiedStatuses: readonly string[] = ['canceled', 'completed'];

