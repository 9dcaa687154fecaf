import { checkLimit, describeValue, InvalidRequestError, wireStatusesFor } from '../../provider.js';
import type { PhoneNumberListParams, PhoneNumberStatus, QueryValue } from '../../provider.js';
import { genericPhoneNumberStatuses } from './map-phone-number.js';
import { cursorParameter, maxLimit, pageSizeParameter } from './wire-assumptions.js';

/** `phoneNumbers.list` parameters on a generic X-API-Key platform. */
export interface GenericPhoneNumberListParams extends PhoneNumberListParams {
  /** Items per page, 1 to 100 (the platform documents no range; see the README). */
  limit?: number | undefined;
  /**
   * Unified status(es): `active` (a number assigned to an agent) or `inactive` (a free number).
   * The platform has no pending or canceling numbers, so those are refused.
   */
  status?: PhoneNumberStatus | readonly PhoneNumberStatus[] | undefined;
  /** `true`: only numbers linked to an agent (`status=assigned`); `false`: only free ones (`status=free`). */
  assigned?: boolean | undefined;
}

export const genericPhoneNumberFilters = ['assigned'] as const;

const allWireStatuses = Object.keys(genericPhoneNumberStatuses);

/** Turns checked neutral + generic parameters into the platform's query; refuses what it cannot express. */
export function genericPhoneNumberQuery(params: GenericPhoneNumberListParams, cursor: string | null): Record<string, QueryValue> {
  const fail = (message: string) =>
    new InvalidRequestError(`generic: phoneNumbers.list: ${message}`, { provider: 'generic' });
  checkLimit('generic', 'phoneNumbers.list', params.limit, maxLimit);
  if (params.assigned !== undefined && typeof params.assigned !== 'boolean') {
    throw fail(`assigned must be true or false (got ${describeValue(params.assigned)}).`);
  }
  let wanted = allWireStatuses;
  if (params.status !== undefined) {
    wanted = [params.status].flat().flatMap((status) => {
      const wire = wireStatusesFor(status, genericPhoneNumberStatuses);
      if (wire.length === 0) {
        throw fail(
          `status ${describeValue(status)} cannot be expressed: numbers here are either active (assigned to an agent) or inactive (free). ` +
            'Ask for active or inactive, or leave status out.',
        );
      }
      return wire;
    });
  }
  if (params.assigned !== undefined) {
    const only = params.assigned ? 'assigned' : 'free';
    if (!wanted.includes(only)) {
      throw fail(
        `assigned: ${params.assigned} contradicts status ${[params.status].flat().join(', ')}: ` +
          `${params.assigned ? 'assigned numbers are active' : 'free numbers are inactive'}. Drop one of the two.`,
      );
    }
    wanted = [only];
  }
  return {
    // Both statuses together are every number the platform documents: no filter is sent, so a number
    // in an undocumented status comes back too (mapped to 'unknown'). Dropping it here would shrink
    // pages below the platform's size and contradict totalCount; the README tells callers to skip it.
    status: wanted.length === 1 ? wanted[0] : undefined,
    [pageSizeParameter]: params.limit,
    [cursorParameter]: cursor,
  };
}
