import { redactText } from './redact.js';

// Two identifiers the SDK reads off a request's outcome for a caller: the platform's request id in
// a response's headers, and the system error code of a failure that got no response.

const requestIdHeaders = ['x-request-id', 'request-id', 'x-amzn-requestid'];

/**
 * The platform's request id, from the first request-id header present, with every secret removed
 * (a platform or proxy may echo a header it received); `null` when there is none.
 */
export function requestIdOf(headers: Headers, secrets: readonly string[]): string | null {
  for (const name of requestIdHeaders) {
    const value = headers.get(name);
    if (value) return redactText(value, secrets);
  }
  return null;
}

/** The system error code (`ECONNRESET`, `UND_ERR_SOCKET` ...) somewhere in a failure's cause chain. */
export function errorCode(cause: unknown): string | null {
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
