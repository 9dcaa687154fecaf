import {
  APIConnectionError,
  APIUserAbortError,
  InternalServerError,
  ResponseValidationError,
} from '../errors.js';

/**
 * After a write (a POST) failed without a clear refusal, says in the error's message that the
 * write may have taken effect and how to check, so that nobody creates a campaign twice by trying
 * again blindly. Concerned: no answer (connection lost, timeout, abort while in flight), a 5xx, and
 * a 2xx answer that could not be read. A 4xx is a refusal: nothing was done, and nothing is added.
 * Returns the same error, as the transport does when it counts attempts.
 */
export function noteUncertainWrite(error: unknown, what: string, howToCheck: string): unknown {
  const uncertain =
    error instanceof APIConnectionError ||
    error instanceof APIUserAbortError ||
    error instanceof InternalServerError ||
    error instanceof ResponseValidationError;
  if (uncertain) {
    (error as Error).message += ` The ${what} was not retried and may have taken effect all the same: ${howToCheck} before trying again.`;
  }
  return error;
}
