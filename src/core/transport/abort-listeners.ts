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
