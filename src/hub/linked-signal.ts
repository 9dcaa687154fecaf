import { onAbort } from '../core/transport/abort-listeners.js';
import { isPlainObject } from '../core/kit/is-plain-object.js';

/** The request options of a hub listing with a signal the hub can abort, and the way to abort it. */
export interface LinkedSignal {
  /** The caller's options with `signal` replaced by one that aborts with the caller's or the hub's. */
  request: unknown;
  /** Aborts the hub's signal (when the listing ends) and stops listening to the caller's. */
  abort(): void;
}

/**
 * Joins the caller's `signal` (if any) to one the hub aborts when a listing ends. Options that are
 * not an object, or a signal that is not one, are passed on untouched, so that each client refuses
 * them in its own words.
 */
export function linkedSignal(request: unknown): LinkedSignal {
  if (request !== undefined && request !== null && !isPlainObject(request)) return { request, abort: () => {} };
  const options = (request ?? {}) as { signal?: unknown };
  const given = options.signal;
  if (given !== undefined && !(given instanceof AbortSignal)) return { request, abort: () => {} };
  const controller = new AbortController();
  if (given?.aborted) controller.abort(given.reason);
  const stopListening = onAbort(given, () => controller.abort(given!.reason));
  return {
    request: { ...options, signal: controller.signal },
    abort() {
      stopListening();
      controller.abort();
    },
  };
}
