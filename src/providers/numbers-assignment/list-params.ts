import { describeValue, refuser, wireStatusesFor } from '../../provider.js';
import type { InvalidRequestError, PhoneNumberListParams, QueryValue } from '../../provider.js';
import { providerId } from './provider-id.js';
import { assignmentStatuses, listQuery, statusesPerRequest } from './wire-assumptions.js';

/** `phoneNumbers.list` and `phoneNumbers.listByAgent` parameters on numbers-assignment. */
export interface NumbersAssignmentPhoneNumberListParams extends PhoneNumberListParams {
  /** Items per page, 1 to 100; 50 when omitted. */
  limit?: number | undefined;
  /**
   * Only numbers in this status. The platform filters by one status per request: for both, omit
   * `status` (which also returns numbers in statuses the SDK does not know) or make one call per status.
   */
  status?: 'active' | 'inactive' | undefined;
}

/** The query of one list request; refuses a status filter the platform could not answer, before any request. */
export function numbersAssignmentQuery(
  params: PhoneNumberListParams,
  page: number,
  limit: number,
  operation: string,
): Record<string, QueryValue> {
  const fail = refuser(providerId, operation);
  return { [listQuery.page]: page, [listQuery.limit]: limit, [listQuery.status]: wireStatus(params, fail) };
}

function wireStatus(params: PhoneNumberListParams, fail: (message: string) => InvalidRequestError): string | undefined {
  const unified = knownStatuses(params, fail);
  if (unified === undefined) return undefined;
  const wire = unified.flatMap((status) => wireStatusesFor(status, assignmentStatuses));
  if (wire.length > statusesPerRequest) {
    throw fail(
      `the platform filters by one status per request (got ${unified.join(', ')}). ` +
        'Pass one status, omit status for every number, or make one call per status.',
    );
  }
  return wire[0];
}

/**
 * The unified statuses a list asks for (`undefined`: every number), each one the platform has;
 * refuses any other, before any request. Both lists (`list`, `listByAgent`) check with it.
 */
export function knownStatuses(params: PhoneNumberListParams, fail: (message: string) => InvalidRequestError): string[] | undefined {
  if (params.status === undefined) return undefined;
  const known: readonly string[] = Object.values(assignmentStatuses);
  const statuses = [params.status].flat();
  for (const status of statuses) {
    if (!known.includes(status)) {
      throw fail(`status ${describeValue(status)} does not exist on ${providerId}; it knows ${[...new Set(known)].join(' and ')}.`);
    }
  }
  return statuses;
}
