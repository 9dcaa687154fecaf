import type { OperationName } from '../provider-contract.js';
import { describeValue } from '../describe-value.js';
import { InvalidRequestError } from '../errors.js';
import { isPlainObject } from '../is-plain-object.js';
import { hasLoneSurrogate } from '../kit/path.js';
import { campaignStatuses, phoneNumberStatuses } from '../statuses.js';
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
  const fail = (message: string) => new InvalidRequestError(`${provider}: ${operation}: ${message}`, { provider });
  if (!isPlainObject(params)) throw fail('params must be an object.');
  const accepted = ['limit', 'cursor', 'status', ...filters];
  const checked: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!accepted.includes(name)) {
      throw fail(`does not take the parameter "${name}"; it takes ${accepted.join(', ')}.`);
    }
    checked[name] = value;
  }
  const { limit, cursor, status } = checked;
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)) {
    throw fail(`limit must be a whole number of 1 or more (got ${describeValue(limit)}).`);
  }
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) {
    throw fail('cursor must be the non-empty nextCursor of an earlier page.');
  }
  if (cursor !== undefined && hasLoneSurrogate(cursor)) {
    // It would be sent as U+FFFD, a different cursor than the one given.
    throw fail('cursor holds a lone UTF-16 surrogate, so it cannot be sent as given; pass back the nextCursor of an earlier page unchanged.');
  }
  if (status !== undefined) {
    const allowed: readonly string[] = operation.startsWith('campaigns.') ? campaignStatuses : phoneNumberStatuses;
    const list = Array.isArray(status) ? status : [status];
    if (list.length === 0) throw fail('status must name at least one status when given.');
    for (const value of list) {
      if (typeof value !== 'string' || !allowed.includes(value)) {
        throw fail(`status ${describeValue(value)} is not one of ${allowed.join(', ')}.`);
      }
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
  const fail = (message: string) => new InvalidRequestError(`${provider}: ${message}`, { provider });
  if (!isPlainObject(options)) throw fail('request options must be an object such as { signal, timeoutMs, maxRetries, headers }.');
  const accepted = ['signal', 'timeoutMs', 'maxRetries', 'headers', ...(isList ? ['prefetch'] : [])];
  for (const name of Object.keys(options)) {
    if (!accepted.includes(name)) throw fail(`unknown request option "${name}"; accepted: ${accepted.join(', ')}.`);
  }
  const { signal, prefetch } = options as ListRequestOptions;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw fail('signal must be an AbortSignal, such as the signal of an AbortController.');
  }
  if (prefetch !== undefined && (!Number.isInteger(prefetch) || prefetch < 0 || prefetch > maxPrefetch)) {
    throw fail(`prefetch must be a whole number from 0 to ${maxPrefetch} (got ${describeValue(prefetch)}).`);
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
