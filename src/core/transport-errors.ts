import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InvalidRequestError,
  ResponseValidationError,
  type VoiceplaneError,
} from './errors.js';

// The errors the transport raises itself, when no error status came back, and its checks of the
// per-call options. Each message says what happened and what to do, and carries no secret.

export function abortError(provider: string, signal: AbortSignal): APIUserAbortError {
  return new APIUserAbortError(`${provider}: the request was aborted by the caller's signal.`, { provider, cause: signal.reason });
}

export function timeoutError(provider: string, timeoutMs: number): APIConnectionTimeoutError {
  return new APIConnectionTimeoutError(`${provider} did not answer within ${timeoutMs} ms. Raise timeoutMs, or try again later.`, {
    provider,
  });
}

export function connectionError(provider: string, baseUrl: string, code: string | null, cause: unknown): APIConnectionError {
  return new APIConnectionError(
    `${provider}: the connection to ${baseUrl} failed${code ? ` (${code})` : ''}. Check the network and baseUrl, then try again.`,
    { provider, cause },
  );
}

export function tooLargeError(provider: string, limit: number): ResponseValidationError {
  return new ResponseValidationError(
    `${provider} sent a response larger than maxResponseBytes (${limit} bytes); it was not read further. ` +
      'Ask for smaller pages (a lower limit) or raise maxResponseBytes.',
    { provider, issues: [{ path: '', message: 'body too large' }] },
  );
}

/** A 2xx body that does not parse; `beginning` is already redacted. */
export function notJsonError(provider: string, status: number, beginning: string): ResponseValidationError {
  return new ResponseValidationError(
    `${provider} answered ${status} with a body that is not JSON (it begins "${beginning}"). ` +
      'Check that baseUrl points at the API and not at a web page or proxy.',
    { provider, issues: [{ path: '', message: 'not JSON' }] },
  );
}

/** Adds the number of attempts to the message of a failure that took more than one. */
export function withAttempts<E extends VoiceplaneError>(error: E, attempts: number): E {
  if (attempts > 1) error.message += ` (${attempts} attempts)`;
  return error;
}

export function checkTimeout(value: unknown, provider: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidRequestError(`${provider}: timeoutMs must be a positive number of milliseconds (got ${String(value)}).`, {
      provider,
    });
  }
}

export function checkRetries(value: unknown, provider: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidRequestError(`${provider}: maxRetries must be a whole number, 0 or more (got ${String(value)}).`, {
      provider,
    });
  }
}
