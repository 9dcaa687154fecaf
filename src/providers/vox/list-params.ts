import { checkLimit, describeValue, InvalidRequestError, wireStatusesFor } from '../../provider.js';
import type { PhoneNumberListParams, PhoneNumberStatus, QueryValue } from '../../provider.js';
import { voxPhoneNumberStatuses } from './map-phone-number.js';

/** `phoneNumbers.list` parameters on vox. */
export interface VoxPhoneNumberListParams extends PhoneNumberListParams {
  /** Items per page, 1 to 100 (vox's default is 50). */
  limit?: number | undefined;
  /**
   * Unified status(es). vox takes one status per request, so several are listed one after another
   * in one iteration. Without it every number is listed, in every status (vox itself would answer
   * only its `active` numbers when asked without a status, so each status is asked in turn).
   */
  status?: PhoneNumberStatus | readonly PhoneNumberStatus[] | undefined;
  /** `vox`: numbers bought through vox.ai; `custom`: your own SIP numbers. Both when omitted. */
  carrier?: 'vox' | 'custom' | undefined;
  /** The field to sort by (vox's default is `created_at`). */
  sortBy?: string | undefined;
  /** Sort direction. */
  sortOrder?: 'asc' | 'desc' | undefined;
}

export const voxPhoneNumberFilters = ['carrier', 'sortBy', 'sortOrder'] as const;

export const voxMaxLimit = 100;

/** One request's share of a listing: the caller's parameters and the one vox status it asks for. */
export interface VoxPhoneNumberListing {
  params: VoxPhoneNumberListParams;
  /** The vox wire status: vox's numbers list takes one value per request. */
  status: string;
}

const fail = (message: string) => new InvalidRequestError(`vox: phoneNumbers.list: ${message}`, { provider: 'vox' });

/**
 * Splits a listing into one listing per vox status, in vox's order (every status when none is
 * given); refuses what vox would not accept, before any request.
 */
export function voxPhoneNumberListings(params: VoxPhoneNumberListParams): VoxPhoneNumberListing[] {
  checkLimit('vox', 'phoneNumbers.list', params.limit, voxMaxLimit);
  if (params.carrier !== undefined && params.carrier !== 'vox' && params.carrier !== 'custom') {
    throw fail(`carrier must be "vox" or "custom" (got ${describeValue(params.carrier)}).`);
  }
  if (params.sortOrder !== undefined && params.sortOrder !== 'asc' && params.sortOrder !== 'desc') {
    throw fail(`sortOrder must be "asc" or "desc" (got ${describeValue(params.sortOrder)}).`);
  }
  if (params.sortBy !== undefined && (typeof params.sortBy !== 'string' || params.sortBy === '')) {
    throw fail('sortBy must be a non-empty field name such as "created_at".');
  }
  const unified = params.status === undefined ? [] : [params.status].flat();
  const unasked = unified.filter((status) => wireStatusesFor(status, voxPhoneNumberStatuses).length === 0);
  if (unasked.length > 0) {
    throw fail(
      `vox has no number status for ${unasked.map((status) => `"${status}"`).join(', ')}, so it cannot be asked for; ` +
        'list without status and check status.unified for numbers in statuses vox does not document.',
    );
  }
  const statuses =
    unified.length === 0 ? Object.keys(voxPhoneNumberStatuses) : unified.flatMap((status) => wireStatusesFor(status, voxPhoneNumberStatuses));
  return statuses.map((status) => ({ params, status }));
}

/** The query of one request of a listing: a single `status`, always sent (vox's default would be `active` only). */
export function voxPhoneNumberQuery(listing: VoxPhoneNumberListing, cursor: string | null): Record<string, QueryValue> {
  const { params, status } = listing;
  return {
    limit: params.limit,
    cursor,
    status,
    provider: params.carrier,
    sort_by: params.sortBy,
    sort_order: params.sortOrder,
  };
}
