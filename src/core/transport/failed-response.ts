import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConcurrencyLimitError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
  type APIErrorOptions,
} from '../errors.js';
import { requestIdOf } from './request-id-and-error-code.js';
import { redactDeep, redactText } from './redact.js';
import type { TransportOptions } from './types.js';
import { mayBeSentAgain } from './write-rule.js';

// How an answer that is a failure (an error status, a 2xx body that is not JSON or that reports a
// failure) becomes the error a caller sees. Every error here carries no secret (body, detail,
// request id and status text are all redacted).

/** An `APIError` class, as `statusErrorClass` gives one: every one takes the wait a response asked for. */
type APIErrorClass = new (message: string, options: APIErrorOptions & { retryAfterMs: number | null }) => APIError;

const classByStatus: Record<number, APIErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The `APIError` subclass of an error status (`APIError` itself for a status without one). */
function statusErrorClass(status: number): APIErrorClass {
  return status >= 500 ? InternalServerError : (classByStatus[status] ?? APIError);
}

/** An error status: the `APIError` subclass of the status, with the wait the answer asked for. */
export function errorStatus(response: Response, text: string, options: TransportOptions, secrets: readonly string[], method: string): APIError {
  const { provider } = options;
  const { status, headers } = response;
  const body = redactDeep(parseLoose(text), secrets);
  let detail = detailOf(body, options.errorDetail, secrets);
  if (detail === null && typeof body === 'string' && body.trim() !== '' && !body.trimStart().startsWith('<')) {
    detail = snippet(body);
  }
  const retryAfter = retryAfterMs(headers);
  return createAPIError({
    provider,
    status,
    requestId: requestIdOf(headers, secrets),
    body,
    detail: detail ?? (redactText(response.statusText, secrets) || null),
    retryAfterMs: retryAfter,
    keyHint: options.keyHint,
    concurrencyLimit: options.concurrencyLimit,
    notFound: options.notFound,
    write: !mayBeSentAgain(method),
  });
}

/** A 2xx body that does not parse. */
export function notJson(response: Response, text: string, options: TransportOptions, secrets: readonly string[]): ResponseValidationError {
  const { provider } = options;
  const { status } = response;
  return new ResponseValidationError(
    `${provider} answered ${status} with a body that is not JSON (it begins "${snippet(redactText(text, secrets))}"). ` +
      'Check that baseUrl points at the API and not at a web page or proxy.',
    { provider, issues: [{ path: '', message: 'not JSON' }] },
  );
}

/** A 2xx answer whose body is the platform's own failure report (`options.reportedFailure` matched `data`). */
export function reportedFailure(response: Response, data: unknown, options: TransportOptions, secrets: readonly string[]): APIError {
  const { provider } = options;
  const { status, headers } = response;
  const body = redactDeep(data, secrets);
  const detail = detailOf(body, options.errorDetail, secrets);
  const requestId = requestIdOf(headers, secrets);
  return new APIError(
    `${provider} answered ${status} but reported a failure${detail ? `: ${detail.replace(/[.\s]+$/, '')}` : ' without saying why'}. ` +
      options.reportedFailure!.advice +
      (requestId ? ` (request id ${requestId})` : ''),
    { provider, status, requestId, body },
  );
}

/** An error body as JSON where it parses, else as text (shortened); `null` when empty. */
function parseLoose(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}

/** The start of a text on one line, for a message. */
function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}

/** The longest platform message quoted in an error's message. */
const maxDetailLength = 500;

/** The platform's error envelope in one line, secrets removed; `null` when the body is not one. */
function detailOf(body: unknown, errorDetail: (body: unknown) => string | null, secrets: readonly string[]): string | null {
  let detail: unknown;
  try {
    detail = errorDetail(body);
  } catch {
    // A reader that chokes on an odd envelope must not hide the status behind a TypeError.
    return null;
  }
  if (typeof detail !== 'string' || detail === '') return null;
  // A platform's message goes into error.message whole only up to a point; the full body stays in
  // error.body. Redacted before it is cut, so that no part of a key is left at the cut.
  const redacted = redactText(detail, secrets);
  return redacted.length > maxDetailLength
    ? `${redacted.slice(0, maxDetailLength)}… (${redacted.length} characters, see error.body)`
    : redacted;
}

/**
 * The wait a response asks for, from `retry-after-ms` or `Retry-After` (seconds or an HTTP date);
 * `null` if none. Read here rather than left to ky: ky 1.14 ignores `retry-after-ms`, reads
 * "0x3" as 3 s and "1e3" as 1,000 s, and shortens a wait beyond its cap instead of giving up; and
 * the wait is also the caller's `error.retryAfterMs` and the length of the pacer's pause. ky waits
 * it, through its `retry.delay` (see retry-decision.ts).
 */
function retryAfterMs(headers: Headers): number | null {
  const milliseconds = headers.get('retry-after-ms');
  // Decimal digits only: Number() would also read "0x3", "1e3" or "Infinity".
  if (milliseconds !== null && /^\s*\d+(\.\d+)?\s*$/.test(milliseconds)) return Number(milliseconds);
  const header = headers.get('retry-after');
  if (header === null || header.trim() === '') return null;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  if (/^\s*[-+]?[\d.]/.test(header)) return null;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

const adviceByStatus: Record<number, string> = {
  400: 'Check the parameters sent.',
  401: 'Check the API key.',
  403: 'The API key is valid but lacks permission for this operation.',
  404: 'Check the id: the platform has no such resource.',
  409: 'The resource is in a state that does not allow this change.',
  422: 'Check the values sent: the platform rejected them.',
  429: 'The platform is rate-limiting this key: slow down (see the client option requestsPerSecond).',
};

const concurrencyAdvice =
  'The account has as many calls in flight as its concurrency limit allows: wait for calls to end, or raise the limit with the platform.';

/** Whether a platform's reader says yes about an error answer; a reader that throws on an odd body says no. */
function readerSays<Args extends unknown[]>(reader: ((...args: Args) => boolean) | undefined, ...args: Args): boolean {
  if (reader === undefined) return false;
  try {
    return reader(...args) === true;
  } catch {
    return false;
  }
}

/** Picks the error class for a status and writes a message that says what happened and what to do. */
function createAPIError(
  options: APIErrorOptions & {
    detail: string | null;
    retryAfterMs: number | null;
    keyHint: string;
    /** For a 429: whether the body is the platform's "too many calls at once" answer. */
    concurrencyLimit?: ((body: unknown) => boolean) | undefined;
    /** For a 4xx other than 404: whether the platform says the object does not exist (raised as a `NotFoundError`). */
    notFound?: ((status: number, body: unknown) => boolean) | undefined;
    /** A POST or PATCH: a 5xx is not to be tried again (the transport adds what to check instead). */
    write: boolean;
  },
): APIError {
  const { provider, status, requestId, detail, retryAfterMs } = options;
  const concurrency = status === 429 && readerSays(options.concurrencyLimit, options.body);
  const notFound = status !== 404 && status >= 400 && status < 500 && !concurrency && readerSays(options.notFound, status, options.body);
  let advice = adviceByStatus[notFound ? 404 : status] ?? (status >= 500 ? (options.write ? 'The platform failed.' : 'The platform failed; try again later.') : '');
  if (status === 401) advice = `Check the API key (${options.keyHint}).`;
  if (concurrency) advice = concurrencyAdvice;
  if (retryAfterMs !== null && (status === 429 || (status >= 500 && retryAfterMs > 0))) advice += ` The platform asked to wait ${Math.ceil(retryAfterMs / 1000)} s.`;
  const message =
    `${provider} answered ${status}` +
    (detail ? `: ${detail.replace(/[.\s]+$/, '')}` : '') +
    '.' +
    (advice ? ` ${advice}` : '') +
    (requestId ? ` (request id ${requestId})` : '');
  if (concurrency) return new ConcurrencyLimitError(message, { ...options, retryAfterMs });
  if (notFound) return new NotFoundError(message, options);
  return new (statusErrorClass(status))(message, { ...options, retryAfterMs });
}
