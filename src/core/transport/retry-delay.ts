/** Longest wait the SDK accepts from a `Retry-After`; a longer one ends the retries at once. */
export const maxRetryDelayMs = 60_000;
const initialBackoffMs = 500;
const maxBackoffMs = 8_000;

/**
 * Exponential backoff with jitter, ky's `retry.delay` when the answer named no wait: about 0.5 s,
 * 1 s, 2 s ... up to 8 s, each shortened by up to a quarter. `retryNumber` counts from 0.
 */
export function backoffMs(retryNumber: number): number {
  const base = Math.min(initialBackoffMs * 2 ** retryNumber, maxBackoffMs);
  return base * (1 - Math.random() * 0.25);
}
