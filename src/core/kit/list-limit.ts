import { limitTooLarge } from './call-errors.js';

/**
 * Refuses, before any request, a `limit` above the most items the platform takes on one page
 * (the neutral checks have already made it a whole number of 1 or more).
 */
export function checkLimit(provider: string, operation: string, limit: number | undefined, max: number): void {
  if (limit !== undefined && limit > max) throw limitTooLarge(provider, operation, max, limit);
}
