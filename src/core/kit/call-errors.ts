import { describeValue } from './describe-value.js';
import { InvalidRequestError, ResponseValidationError, UnsupportedOperationError, VoiceplaneError } from '../errors.js';
import type { IdProblem } from './path.js';
import { refuse } from './refuse.js';

// The errors a call raises on its way when what it was given is wrong (an id, list parameters,
// request options, an operation the platform lacks) or when a list answer cannot be followed (a
// loop, a page number the platform should not send). Each message says what happened and what to do.

/** A cursor as a message shows it: cut after 40 characters. */
function shownCursor(cursor: string): string {
  return cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor;
}

/** An operation the provider does not offer; `offered` lists the ones it does. */
export function unsupportedOperation(provider: string, operation: string, offered: Iterable<string>): UnsupportedOperationError {
  return new UnsupportedOperationError(
    `${provider} does not offer ${operation}; nothing was sent. Check client.supports('${operation}') first. ` +
      `${provider} offers: ${[...offered].join(', ')}.`,
    { provider, operation },
  );
}

/** What is wrong with an id, for each rule of `idProblem` (kit/path.ts) it can break. */
const idProblems: Record<IdProblem, (value: unknown, what: string) => string> = {
  'not a non-empty string': (value, what) => {
    const given = typeof value === 'string' ? (value === '' ? 'an empty string' : 'only white space') : value === null ? 'null' : typeof value;
    return `${what} must be a non-empty string (got ${given}).`;
  },
  'lone surrogate': (_value, what) =>
    `${what} holds a lone UTF-16 surrogate (half of a character pair), which no URL can carry; check where the id came from.`,
  'path step': (value, what) => `${what} "${String(value)}" is not a valid id: it would change the request path.`,
};

/** An id `idProblem` refused, worded after the rule it found broken. */
export function unusableId(problem: IdProblem, value: unknown, what: string, provider: string): InvalidRequestError {
  return new InvalidRequestError(`${provider}: ${idProblems[problem](value, what)}`, { provider });
}

/** Why list parameters were refused (check-input.ts), each worded after `"<provider>: <operation>: "`. */
const listParameterProblems = {
  notAnObject: () => 'params must be an object.',
  unknownName: (name: string, accepted: readonly string[]) => `does not take the parameter "${name}"; it takes ${accepted.join(', ')}.`,
  limit: (limit: unknown) => `limit must be a whole number of 1 or more (got ${describeValue(limit)}).`,
  emptyCursor: () => 'cursor must be the non-empty nextCursor of an earlier page.',
  loneSurrogateCursor: () =>
    'cursor holds a lone UTF-16 surrogate, so it cannot be sent as given; pass back the nextCursor of an earlier page unchanged.',
  noStatus: () => 'status must name at least one status when given.',
  unknownStatus: (status: unknown, allowed: readonly string[]) => `status ${describeValue(status)} is not one of ${allowed.join(', ')}.`,
};

/** A problem `checkListParams` found, with what its words need. */
export type ListParameterProblem = {
  [Name in keyof typeof listParameterProblems]: [Name, ...Parameters<(typeof listParameterProblems)[Name]>];
}[keyof typeof listParameterProblems];

/** List parameters the neutral rules refuse. */
export function refusedListParameters(provider: string, operation: string, [name, ...details]: ListParameterProblem): InvalidRequestError {
  const word = listParameterProblems[name] as (...details: unknown[]) => string;
  return refuse(provider, operation, word(...details));
}

/** Why request options were refused (check-input.ts), each worded after `"<provider>: "`. */
const requestOptionProblems = {
  notAnObject: () => 'request options must be an object such as { signal, timeoutMs, maxRetries, headers }.',
  unknownName: (name: string, accepted: readonly string[]) => `unknown request option "${name}"; accepted: ${accepted.join(', ')}.`,
  signal: () => 'signal must be an AbortSignal, such as the signal of an AbortController.',
  prefetch: (prefetch: unknown, max: number) => `prefetch must be a whole number from 0 to ${max} (got ${describeValue(prefetch)}).`,
};

/** A problem `checkRequestOptions` found, with what its words need. */
export type RequestOptionProblem = {
  [Name in keyof typeof requestOptionProblems]: [Name, ...Parameters<(typeof requestOptionProblems)[Name]>];
}[keyof typeof requestOptionProblems];

/** Request options (an operation's last argument) the neutral rules refuse. */
export function refusedRequestOptions(provider: string, [name, ...details]: RequestOptionProblem): InvalidRequestError {
  const word = requestOptionProblems[name] as (...details: unknown[]) => string;
  return new InvalidRequestError(`${provider}: ${word(...details)}`, { provider });
}

/** A `limit` above what the platform takes on one page. */
export function limitTooLarge(provider: string, operation: string, max: number, limit: number): InvalidRequestError {
  return refuse(provider, operation, `limit must be from 1 to ${max} (got ${limit}).`);
}

/** A cursor that is not a number where the platform pages by number (`example`: "a page number such as \"2\""). */
export function notANumberCursor(provider: string, operation: string, cursor: string, example: string): InvalidRequestError {
  return refuse(
    provider,
    operation,
    `cursor ${describeValue(cursor)} is not a ${provider} cursor (${example}). Pass back the nextCursor of an earlier page unchanged.`,
  );
}

/** A cursor the listing did not make: one of several parts (chain-listings.ts), or one paged by creation time. */
export function notAChainCursor(provider: string, operation: string, cursor: string): InvalidRequestError {
  return refuse(
    provider,
    operation,
    `cursor "${shownCursor(cursor)}" is not a cursor of this listing. Pass back the nextCursor of an earlier page unchanged, with the same filters.`,
  );
}

/** A page number the platform reports below the first: its fault, as it documents otherwise. */
export function pageNumberFault(provider: string, page: unknown, firstPage: number): ResponseValidationError {
  const expected = `a page number of ${firstPage} or more`;
  return new ResponseValidationError(
    `${provider} sent page number ${describeValue(page)} in a list answer, where it documents ${expected}; iteration stopped. ` +
      'The platform may have changed its API; report it with the request id if there is one.',
    { provider, issues: [{ path: 'page', message: `expected ${expected}` }] },
  );
}

/** A count of pages or items in a list answer that is not a whole number: the platform's fault. */
export function pageCountFault(provider: string, field: string, count: unknown): ResponseValidationError {
  return new ResponseValidationError(
    `${provider} sent ${field} ${describeValue(count)} in a list answer, where it documents a whole number; iteration stopped. ` +
      'The platform may have changed its API; report it with the request id if there is one.',
    { provider, issues: [{ path: field, message: 'expected a whole number' }] },
  );
}

/** The platform keeps sending empty pages that each point to another. */
export function emptyPagesError(provider: string, count: number, receivedAndLeftOut = 0): ResponseValidationError {
  if (receivedAndLeftOut > 0) {
    return new ResponseValidationError(
      `${provider}: ${count} pages in a row held no item for the loop (the SDK's status filter left out all ${receivedAndLeftOut} ` +
        'received), so it could not break; iteration stopped. To scan further, list without status and filter in the loop.',
      { provider, issues: [{ path: 'items', message: `${count} pages in a row without an item for the caller` }] },
    );
  }
  return new ResponseValidationError(
    `${provider} sent ${count} empty pages in a row, each pointing to a next one; iteration stopped, as it might never end. ` +
      'The items yielded so far are complete up to the last page that held any; report the empty pages to the platform.',
    { provider, issues: [{ path: 'items', message: `${count} empty pages in a row` }] },
  );
}

/** The platform sent the page before again: it ignores the page or cursor it was asked for. */
export function repeatedPageError(provider: string, count: number): ResponseValidationError {
  return new ResponseValidationError(
    `${provider} sent the same page twice in a row (the same ${count} items), so it ignores the page asked for and paging ` +
      'would loop forever; iteration stopped after the first copy. Report it to the platform.',
    { provider, issues: [{ path: 'items', message: 'page repeated' }] },
  );
}

/** The platform sent a cursor that points back up the chain. */
export function repeatedCursorError(provider: string, cursor: string): ResponseValidationError {
  return new ResponseValidationError(
    `${provider} sent the cursor "${shownCursor(cursor)}" a second time while paging, which would loop forever; ` +
      'iteration stopped. The items seen so far are complete up to this page; report the repeat to the platform.',
    { provider, issues: [{ path: 'nextCursor', message: 'cursor repeated' }] },
  );
}

/** `withResponse()` or `asResponse()` on an operation that made no request: a bug, not the caller's. */
export function noResponseToShow(provider: string): VoiceplaneError {
  return new VoiceplaneError(`${provider}: the operation finished without an HTTP response to show; report this.`, { provider });
}

/** A listing paged by creation time met an item whose creation time it cannot read: it cannot tell where the next page starts. */
export function missingCreationTime(provider: string, id: unknown, value: unknown): ResponseValidationError {
  return new ResponseValidationError(
    `${provider} sent an item (id ${describeValue(id)}) without a readable creation time (${describeValue(value)}) in a list paged by ` +
      'creation time, so the next page cannot be asked for; iteration stopped. Report it with the request id if there is one.',
    { provider, issues: [{ path: 'createdAt', message: 'expected an ISO 8601 timestamp' }] },
  );
}

/** A full page at the instant already asked for that held nothing new: more items share it than the largest page holds, or the platform ignores the time. */
export function stuckAtOneInstant(provider: string, instant: string, limit: number, max: number): ResponseValidationError {
  const advice =
    limit < max
      ? 'Report it to the platform: it ignores the creation time asked for.'
      : `More than ${max} items created in one instant cannot be paged past; narrow the listing with a filter, or report it to the platform.`;
  return new ResponseValidationError(
    `${provider} answered a full page of ${limit} items all created at ${instant}, every one already listed, so paging cannot move ` +
      `past that instant; iteration stopped. ${advice}`,
    { provider, issues: [{ path: 'createdAt', message: 'no progress past one instant' }] },
  );
}
