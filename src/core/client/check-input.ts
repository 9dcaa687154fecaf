import { operationRow, type OperationName } from '../contract/resource-table.js';
import { refusedListParameters, refusedRequestOptions, type ListParameterProblem, type RequestOptionProblem } from '../kit/call-errors.js';
import { isPlainObject } from '../kit/is-plain-object.js';
import { hasLoneSurrogate } from '../kit/path.js';
import { checkHeadersOption } from '../transport/header-text.js';
import type { ListParams, ListRequestOptions, RequestOptions } from '../types.js';

export type ListRequestOptionsChecked = ListRequestOptions;

const maxPrefetch = 16;

/**
 * Applies the neutral rules to list parameters: known names only (a filter is never silently
 * dropped), a whole positive `limit`, a non-empty `cursor`, unified `status` values. Returns a copy
 * without `undefined` entries, with `status` as an array.
 */
export function checkListParams(
  params: unknown,
  operation: OperationName,
  provider: string,
  filters: readonly string[],
): ListParams & Record<string, unknown> {
  if (params === undefined || params === null) return {};
  const fail = (problem: ListParameterProblem) => refusedListParameters(provider, operation, problem);
  if (!isPlainObject(params)) throw fail(['notAnObject']);
  const row = operationRow(operation);
  // `status` only where the operation's row names its statuses: a filter is never silently dropped.
  const accepted = ['limit', 'cursor', ...(row.statuses ? ['status'] : []), ...(row.filters ?? []), ...filters];
  const checked: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!accepted.includes(name)) throw fail(['unknownName', name, accepted]);
    checked[name] = value;
  }
  const { limit, cursor, status } = checked;
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)) throw fail(['limit', limit]);
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) throw fail(['emptyCursor']);
  // It would be sent as U+FFFD, a different cursor than the one given.
  if (cursor !== undefined && hasLoneSurrogate(cursor)) throw fail(['loneSurrogateCursor']);
  if (status !== undefined) {
    const allowed: readonly string[] = row.statuses ?? [];
    const list = Array.isArray(status) ? status : [status];
    if (list.length === 0) throw fail(['noStatus']);
    for (const value of list) {
      if (typeof value !== 'string' || !allowed.includes(value)) throw fail(['unknownStatus', value, allowed]);
    }
    checked.status = [...new Set(list)];
  }
  return checked;
}

/**
 * Checks the last argument of an operation; `timeoutMs` and `maxRetries` are checked by the
 * transport. Returns a copy with `headers` checked and lower-cased, so that they sit over the
 * client's headers name for name.
 */
export function checkRequestOptions(options: unknown, provider: string, isList = false): ListRequestOptions {
  if (options === undefined || options === null) return {};
  const fail = (problem: RequestOptionProblem) => refusedRequestOptions(provider, problem);
  if (!isPlainObject(options)) throw fail(['notAnObject']);
  const accepted = ['signal', 'timeoutMs', 'maxRetries', 'headers', ...(isList ? ['prefetch'] : [])];
  for (const name of Object.keys(options)) {
    if (!accepted.includes(name)) throw fail(['unknownName', name, accepted]);
  }
  const { signal, prefetch } = options as ListRequestOptions;
  if (signal !== undefined && !isAbortSignal(signal)) throw fail(['signal']);
  if (prefetch !== undefined && (!Number.isInteger(prefetch) || prefetch < 0 || prefetch > maxPrefetch)) {
    throw fail(['prefetch', prefetch, maxPrefetch]);
  }
  const headers = (options as RequestOptions).headers;
  if (headers === undefined) return options as ListRequestOptions;
  return { ...(options as ListRequestOptions), headers: checkHeadersOption(headers, provider) };
}

/**
 * An AbortSignal, or an object that behaves as one (from another realm, or a polyfill): the
 * transport reads `aborted` and adds and removes an `abort` listener, so all three must be there.
 */
function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<AbortSignal>;
  try {
    return (
      typeof candidate.aborted === 'boolean' &&
      typeof candidate.addEventListener === 'function' &&
      typeof candidate.removeEventListener === 'function'
    );
  } catch {
    // A getter that throws: not something the transport could listen to.
    return false;
  }
}
