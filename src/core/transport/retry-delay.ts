import { onAbort } from './abort-listeners.js';

/** Longest wait the SDK accepts from a `Retry-After`; a longer one ends the retries at once. */
export const maxRetryDelayMs = 60_000;
const initialBackoffMs = 500;
const maxBackoffMs = 8_000;

/** Exponential backoff with jitter: about 0.5 s, 1 s, 2 s ... up to 8 s, each shortened by up to a quarter. */
export function backoffMs(retryNumber: number): number {
  const base = Math.min(initialBackoffMs * 2 ** retryNumber, maxBackoffMs);
  return base * (1 - Math.random() * 0.25);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stopListening = onAbort(signal, () => {
      clearTimeout(timer);
      reject(signal!.reason);
    });
    const timer = setTimeout(() => {
      stopListening();
      resolve();
    }, ms);
  });
}
