import { checkLimit, describeValue, refuse } from '../../provider.js';
import type { PhoneNumberListParams, PhoneNumberStatus, QueryValue } from '../../provider.js';
import { providerId } from './provider-id.js';
import { listLimit } from './wire-assumptions.js';

/** `phoneNumbers.list` parameters on Retell. */
export interface RetellPhoneNumberListParams extends PhoneNumberListParams {
  /** Items per page, 1 to 1000 (Retell's default is 50). */
  limit?: number | undefined;
  /**
   * Retell reports no status for numbers: every number it lists is `active`, so the SDK applies
   * this filter itself (a set without `'active'` lists nothing) and the page has no total.
   */
  status?: PhoneNumberStatus | readonly PhoneNumberStatus[] | undefined;
  /** Retell's sort order; `descending` (newest first) when omitted. */
  sortOrder?: 'ascending' | 'descending' | undefined;
}

/** The list parameters Retell takes beyond `limit`, `cursor` and `status`. */
export const retellPhoneNumberFilters = ['sortOrder'] as const;

const operation = 'phoneNumbers.list';

/** Turns checked neutral + Retell parameters into the query of `GET /v2/list-phone-numbers`. */
export function retellPhoneNumberQuery(params: RetellPhoneNumberListParams, paginationKey: string | null): Record<string, QueryValue> {
  checkLimit(providerId, operation, params.limit, listLimit.max);
  if (params.sortOrder !== undefined && params.sortOrder !== 'ascending' && params.sortOrder !== 'descending') {
    throw refuse(providerId, operation, `sortOrder must be "ascending" or "descending" (got ${describeValue(params.sortOrder)}).`);
  }
  // The key may hold a `+` or `/`: the transport encodes it as a query value, so it arrives verbatim.
  return { limit: params.limit, sort_order: params.sortOrder, pagination_key: paginationKey };
}

