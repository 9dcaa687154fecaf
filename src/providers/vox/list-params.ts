import { describeValue } from '../../core/describe-value.js';
import { InvalidRequestError } from '../../core/errors.js';
import type { QueryValue } from '../../core/transport/transport.js';
import { wireStatusesFor } from '../../core/kit/status.js';
import type { PhoneNumberListParams, PhoneNumberStatus } from '../../core/types.js';
import { voxPhoneNumberStatuses } from './map-phone-number.js';

/** `phoneNumbers.list` parameters on vox. */
export interface VoxPhoneNumberListParams extends PhoneNumberListParams {
  /** Items per page, 1 to 100 (vox's default is 50). */
  limit?: number | undefined;
  /**
   * Unified status(es). Without it vox itself answers only `active` numbers; pass every status
   * (`['active', 'pending', 'canceling', 'inactive']`) for all.
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

/** Turns checked neutral + vox parameters into vox's query; refuses what vox would not accept. */
export function voxPhoneNumberQuery(params: VoxPhoneNumberListParams, cursor: string | null): Record<string, QueryValue> {
  const fail = (message: string) =>
    new InvalidRequestError(`vox: phoneNumbers.list: ${message}`, { provider: 'vox' });
  if (params.limit !== undefined && params.limit > voxMaxLimit) {
    throw fail(`limit must be from 1 to ${voxMaxLimit} (got ${params.limit}).`);
  }
  if (params.carrier !== undefined && params.carrier !== 'vox' && params.carrier !== 'custom') {
    throw fail(`carrier must be "vox" or "custom" (got ${describeValue(params.carrier)}).`);
  }
  if (params.sortOrder !== undefined && params.sortOrder !== 'asc' && params.sortOrder !== 'desc') {
    throw fail(`sortOrder must be "asc" or "desc" (got ${describeValue(params.sortOrder)}).`);
  }
  if (params.sortBy !== undefined && (typeof params.sortBy !== 'string' || params.sortBy === '')) {
    throw fail('sortBy must be a non-empty field name such as "created_at".');
  }
  const statuses = params.status === undefined ? undefined : [params.status].flat();
  return {
    limit: params.limit,
    cursor,
    status: statuses?.flatMap((status) => wireStatusesFor(status, voxPhoneNumberStatuses)),
    provider: params.carrier,
    sort_by: params.sortBy,
    sort_order: params.sortOrder,
  };
}
