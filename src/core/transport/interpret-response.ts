import { AttemptFailure } from './attempt-failure.js';
import { parseLoose, requestIdOf, snippet } from './error-body.js';
import { createAPIError } from '../errors.js';
import type { HttpResponse, TransportOptions } from './types.js';
import { rawResponse } from './raw-response.js';
import { redactDeep, redactText } from './redact.js';
import { retryAfterMs } from './retry-delay.js';
import { notJsonError, reportedFailureError } from './transport-errors.js';

const retryableStatuses = new Set([408, 429]);

/**
 * Reads a response whose body was read in full: a usable 2xx answer is returned; an error status,
 * a 2xx body that is not JSON and a 2xx body that is the platform's own failure report are thrown
 * as an `AttemptFailure` whose error carries no secret (body, detail, request id and status text
 * are all redacted).
 */
export function interpretResponse(response: Response, text: string, options: TransportOptions, secrets: readonly string[]): HttpResponse {
  const { provider } = options;
  const { status, headers } = response;
  if (status >= 200 && status < 300) {
    const raw = () => rawResponse(response, text);
    if (text.trim() === '') return { status, data: undefined, headers, raw };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new AttemptFailure(notJsonError(provider, status, snippet(redactText(text, secrets))), false, `${status}, body not JSON`);
    }
    const reported = options.reportedFailure;
    if (reported?.matches(data)) {
      const body = redactDeep(data, secrets);
      const detail = detailOf(body, options.errorDetail, secrets);
      const requestId = requestIdOf(headers, secrets);
      const error = reportedFailureError(provider, status, { detail, advice: reported.advice, requestId, body });
      throw new AttemptFailure(error, false, `${status}, a failure reported in the body`);
    }
    return { status, data, headers, raw };
  }
  const body = redactDeep(parseLoose(text), secrets);
  let detail = detailOf(body, options.errorDetail, secrets);
  if (detail === null && typeof body === 'string' && body.trim() !== '' && !body.trimStart().startsWith('<')) {
    detail = snippet(body);
  }
  const retryAfter = retryAfterMs(headers);
  const error = createAPIError({
    provider,
    status,
    requestId: requestIdOf(headers, secrets),
    body,
    detail: detail ?? (redactText(response.statusText, secrets) || null),
    retryAfterMs: retryAfter,
    keyHint: options.keyHint,
    concurrencyLimit: options.concurrencyLimit,
    notFound: options.notFound,
  });
  throw new AttemptFailure(error, retryableStatuses.has(status) || status >= 500, String(status), retryAfter);
}

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

/** The longest platform message quoted in an error's message. */
const maxDetailLength = 500;
