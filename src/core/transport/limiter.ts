/** Lets go of the place an attempt held; called once, when the attempt's answer was read or it failed. */
export type Release = () => void;

/**
 * What paces a client's attempts: the client's own adaptive pacer by default (`requestsPerSecond`,
 * `maxConcurrentRequests`, the pause after a 429), or one given as the `limiter` option, such as a
 * limiter shared by a fleet of processes. Every attempt of every request, retries included, goes
 * through it: `acquire` before the attempt is sent, the returned `Release` once its answer was read
 * (or it failed), and `rateLimited` when the platform answered 429.
 */
export interface Limiter {
  /**
   * Resolves with a `Release` when the attempt may start. Rejects when `signal` aborts first (the
   * request then reports the caller's abort, whatever the rejection). The time spent waiting here is
   * not counted in the attempt's timeout.
   */
  acquire(signal?: AbortSignal): Promise<Release>;
  /**
   * The platform answered 429 and asked (or the SDK chose) to wait `waitMs` before trying again:
   * hold every attempt back for that long, and slow down if the limiter adapts its rate.
   */
  rateLimited(waitMs: number): void;
  /** An answer that was not a 429: a limiter that slowed down after one may recover a step. */
  answered(): void;
  /** The rate in force now, in attempts per second, for the log; `undefined` when unlimited or unknown. */
  readonly currentRate?: number | undefined;
}
