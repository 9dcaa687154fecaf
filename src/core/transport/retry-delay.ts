import { onAbort } from './abort-listeners.js';

/** Longest wait the SDK accepts from a `Retry-After`; a longer one ends the retries at once. */
export const maxRetryDelayMs = 60_000;
const initialBackoffMs = 500;
const maxBackoffMs = 8_000;

/** The wait a response asks for, from `retry-after-ms` or `Retry-After` (seconds or an HTTP date); `null` if none. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const milliseconds = headers.get('retry-after-ms');
  // Decimal digits only: Number() would also read "0x3", "1e3" or "Infinity".
  if (milliseconds !== null && /^\s*\d+(\.\d+)?\s*$/.test(milliseconds)) return Number(milliseconds);
  const header = headers.get('retry-after');
  if (header === null || header.trim() === '') return null;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  if (/^\s*[-+]?[\d.]/.test(header)) return null;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

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
