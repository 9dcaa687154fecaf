import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InvalidRequestError,
  ResponseValidationError,
  VoiceplaneError,
} from '../errors.js';
import { describeValue } from '../kit/describe-value.js';
import { redactCause, redactText } from './redact.js';
import { mayBeSentAgain } from './write-rule.js';

// The errors the transport raises itself, when no error status came back, and its checks of the
// per-call options. Each message says what happened and what to do, and carries no secret.

export function abortError(provider: string, signal: AbortSignal): APIUserAbortError {
  return new APIUserAbortError(`${provider}: the request was aborted by the caller's signal.`, { provider, cause: signal.reason });
}

// A write's (POST, PATCH) advice is not given here: it is never to try again, and the transport
// ends its message with the one rule of kit/write-outcome.ts.

export function timeoutError(provider: string, timeoutMs: number, method = 'GET'): APIConnectionTimeoutError {
  const advice = mayBeSentAgain(method) ? ' Raise timeoutMs, or try again later.' : '';
  return new APIConnectionTimeoutError(`${provider} did not answer within ${timeoutMs} ms.${advice}`, { provider });
}

export function connectionError(provider: string, baseUrl: string, code: string | null, cause: unknown, method = 'GET'): APIConnectionError {
  const advice = mayBeSentAgain(method) ? ' Check the network and baseUrl, then try again.' : '';
  return new APIConnectionError(`${provider}: the connection to ${baseUrl} failed${code ? ` (${code})` : ''}.${advice}`, {
    provider,
    cause,
  });
}

/**
 * A DELETE that got a 404 after an earlier attempt whose answer was lost (a timeout, a reset, a
 * 5xx): the earlier attempt may have deleted it, so the 404 may mean success.
 */
export function withEarlierDelete<E extends VoiceplaneError>(error: E): E {
  error.message +=
    ' An earlier attempt of this delete got no usable answer and may have deleted it already, so this 404 may mean the delete worked.';
  return error;
}

export function tooLargeError(provider: string, limit: number): ResponseValidationError {
  return new ResponseValidationError(
    `${provider} sent a response larger than maxResponseBytes (${limit} bytes); it was not read further. ` +
      'Ask for smaller pages (a lower limit) or raise maxResponseBytes.',
    { provider, issues: [{ path: '', message: 'body too large' }] },
  );
}

/** What a thrown value says about itself, secrets removed, for a message. */
function describeFailure(caught: unknown, secrets: readonly string[]): string {
  try {
    const text = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    return redactText(text, secrets).replace(/\s+/g, ' ').slice(0, 200);
  } catch {
    return 'an unknown failure';
  }
}

/**
 * Whatever else went wrong inside the SDK while it handled a request, as a `VoiceplaneError`: an
 * `InvalidRequestError` when nothing was sent yet (the request could not be built: a body with a
 * BigInt, say), otherwise a `ResponseValidationError` (the answer could not be read). Never the raw error.
 */
export function unexpectedError(provider: string, caught: unknown, sent: boolean, secrets: readonly string[]): VoiceplaneError {
  if (caught instanceof VoiceplaneError) return caught;
  const what = describeFailure(caught, secrets);
  const cause = redactCause(caught, secrets);
  if (!sent) {
    return new InvalidRequestError(`${provider}: the request could not be prepared (${what}); nothing was sent. Check the values passed.`, {
      provider,
      cause,
    });
  }
  return new ResponseValidationError(
    `${provider} answered, but the answer could not be read (${what}). Report it with the request id if there is one.`,
    { provider, issues: [{ path: '', message: 'unreadable' }], cause },
  );
}

/** Adds the number of attempts to the message of a failure that took more than one. */
export function withAttempts<E extends VoiceplaneError>(error: E, attempts: number): E {
  if (attempts > 1) error.message += ` (${attempts} attempts)`;
  return error;
}

/** The longest timer Node keeps: a longer one fires after 1 ms, and every attempt would time out at once. */
export const maxTimeoutMs = 2_147_483_647;

export function checkTimeout(value: unknown, provider: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > maxTimeoutMs) {
    throw new InvalidRequestError(
      `${provider}: timeoutMs must be a positive number of milliseconds, at most ${maxTimeoutMs} (about 24 days) (got ${describeValue(value)}).`,
      { provider },
    );
  }
}

/** The most retries a request may ask for: beyond this a failing platform is only hammered longer. */
export const maxRetriesAllowed = 10;

export function checkRetries(value: unknown, provider: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > maxRetriesAllowed) {
    throw new InvalidRequestError(`${provider}: maxRetries must be a whole number from 0 to ${maxRetriesAllowed} (got ${describeValue(value)}).`, {
      provider,
    });
  }
}
