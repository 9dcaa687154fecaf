/**
 * One `abort` listener per signal, however many requests share it. A caller may pass the same
 * signal to dozens of concurrent calls; a listener each would trip Node's
 * `MaxListenersExceededWarning` beyond ten, and raising the caller's limit is not ours to do.
 */
const callbacksBySignal = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `callback` once when `signal` aborts; returns the function that stops listening. */
export function onAbort(signal: AbortSignal | undefined, callback: () => void): () => void {
  if (!signal) return () => {};
  let callbacks = callbacksBySignal.get(signal);
  if (!callbacks) {
    const created = new Set<() => void>();
    callbacks = created;
    callbacksBySignal.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        callbacksBySignal.delete(signal);
        for (const each of created) {
          try {
            each();
          } catch {
            // One listener's failure must not keep the others from hearing the abort.
          }
        }
      },
      { once: true },
    );
  }
  const entry = () => callback();
  callbacks.add(entry);
  const registered = callbacks;
  return () => {
    registered.delete(entry);
  };
}

/** A signal of this request's own that follows the caller's, and the way to stop following it. */
export interface FollowedSignal {
  /** Aborted when the caller's signal aborts. */
  signal: AbortSignal;
  /** Stops following: the caller's signal keeps no reference to this request. */
  stop: () => void;
}

/**
 * The caller's signal as ky takes it: a signal of this request's own, aborted when the caller's is.
 * ky adds listeners to the signal it is given (its retry waits); many
 * requests sharing one caller's signal would otherwise trip Node's MaxListenersExceededWarning, so
 * the caller's signal gets one listener however many requests share it (onAbort). It also makes a
 * signal from another realm or a polyfill one of this realm.
 */
export function followSignal(signal: AbortSignal | undefined): FollowedSignal | undefined {
  if (!signal) return undefined;
  const controller = new AbortController();
  if (signal.aborted) {
    controller.abort(signal.reason);
    return { signal: controller.signal, stop: () => {} };
  }
  const stop = onAbort(signal, () => controller.abort(signal.reason));
  return { signal: controller.signal, stop };
}
