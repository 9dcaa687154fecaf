import { InvalidRequestError } from '../errors.js';

/**
 * The error for input a provider refuses before any request, worded the same way everywhere:
 * `"<provider>: <operation>: <what is wrong and what to do>"`.
 */
export function refuse(provider: string, operation: string, message: string): InvalidRequestError {
  return new InvalidRequestError(`${provider}: ${operation}: ${message}`, { provider });
}

/** `refuse` with the provider and operation fixed, for a function that checks several fields. */
export function refuser(provider: string, operation: string): (message: string) => InvalidRequestError {
  return (message) => refuse(provider, operation, message);
}
