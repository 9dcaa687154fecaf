import { describeValue } from '../../core/describe-value.js';
import { InvalidRequestError } from '../../core/errors.js';
import type { QueryValue } from '../../core/transport/transport.js';
import { wireStatusesFor } from '../../core/kit/status.js';
import type { PhoneNumberListParams } from '../../core/types.js';
import { providerId } from './provider-id.js';
import {
  assignmentStatuses,
  defaultLimit,
  firstPage,
  listQuery,
  maxLimit,
  statusesPerRequest,
} from './wire-assumptions.js';

/** `phoneNumbers.list` and `phoneNumbers.listByAgent` parameters on numbers-assignment. */
export interface NumbersAssignmentPhoneNumberListParams extends PhoneNumberListParams {
  /** Items per page, 1 to 100; 50 when omitted. */
  limit?: number;
  /**
   * Only numbers in this status. The platform filters by one status per request: for both, omit
   * `status` (which also returns numbers in statuses the SDK does not know) or make one call per status.
   */
  status?: 'active' | 'inactive';
}

/** What one list request asks for: the query, and the page and limit it was built from. */
export interface PageRequest {
  query: Record<string, QueryValue>;
  page: number;
  limit: number;
}

/**
 * Turns checked neutral parameters and the opaque cursor (a page number) into the query; refuses
 * what the platform could not answer, before any request.
 */
export function numbersAssignmentPageRequest(
  params: PhoneNumberListParams,
  cursor: string | null,
  operation: string,
): PageRequest {
  const fail = (message: string) => new InvalidRequestError(`${providerId}: ${operation}: ${message}`, { provider: providerId });
  if (params.limit !== undefined && params.limit > maxLimit) {
    throw fail(`limit must be from 1 to ${maxLimit} (got ${params.limit}).`);
  }
  const limit = params.limit ?? defaultLimit;
  const page = cursor === null ? firstPage : pageFromCursor(cursor, fail);
  return { query: { [listQuery.page]: page, [listQuery.limit]: limit, [listQuery.status]: wireStatus(params, fail) }, page, limit };
}

function pageFromCursor(cursor: string, fail: (message: string) => InvalidRequestError): number {
  const page = /^[1-9][0-9]*$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isSafeInteger(page)) {
    throw fail(
      `cursor ${describeValue(cursor)} is not a numbers-assignment cursor (a page number such as "2"). ` +
        'Pass back the nextCursor of an earlier page unchanged.',
    );
  }
  return page;
}

function wireStatus(params: PhoneNumberListParams, fail: (message: string) => InvalidRequestError): string | undefined {
  if (params.status === undefined) return undefined;
  const unified = [params.status].flat();
  const known = Object.values(assignmentStatuses);
  for (const status of unified) {
    if (!known.includes(status as (typeof known)[number])) {
      throw fail(`status ${describeValue(status)} does not exist on numbers-assignment; it knows ${[...new Set(known)].join(' and ')}.`);
    }
  }
  const wire = unified.flatMap((status) => wireStatusesFor(status, assignmentStatuses));
  if (wire.length > statusesPerRequest) {
    throw fail(
      `the platform filters by one status per request (got ${unified.join(', ')}). ` +
        'Pass one status, omit status for every number, or make one call per status.',
    );
  }
  return wire[0];
}
