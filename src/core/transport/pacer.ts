import { describeValue } from '../kit/describe-value.js';
import { InvalidRequestError } from '../errors.js';
import { onAbort } from './abort-listeners.js';
import type { Limiter, Release } from './limiter.js';

/** Thrown by the pacer's `acquire` when the caller's signal aborts while the attempt still waits its turn. */
export class PacerAbort extends Error {
  constructor(readonly reason: unknown) {
    super('aborted while waiting');
  }
}

/** The pacing options of `createClient`, checked. */
export interface PacerOptions {
  /** Attempts started per second, at most; `undefined` for no limit. */
  requestsPerSecond: number | undefined;
  /** Attempts in flight at once, at most; `undefined` for no limit. */
  maxConcurrentRequests: number | undefined;
}

interface Waiter {
  resolve: (release: Release) => void;
  reject: (error: unknown) => void;
  /** Stops listening to the caller's signal once the waiter got its turn. */
  stopListening: () => void;
}

/** After a 429 the rate is halved, but never below this share of the configured rate. */
const slowestShare = 1 / 16;
/** Each answer that is not a 429 wins back this share of the configured rate. */
const recoveryShare = 1 / 10;

/**
 * Spaces the attempts of one client and bounds how many run at once. Every attempt of the
 * transport, retries included, waits here for its turn.
 *
 * Rate: an interval spacer (a token bucket holding one token): an attempt starts no sooner than
 * `1000 / rate` ms after the one before it, measured on a monotonic clock, so no burst follows an
 * idle spell. Concurrency: a semaphore; the place is held from the start of an attempt until its
 * body was read, not during the wait before a retry.
 *
 * A 429 pauses every attempt of the client for the wait the platform asked (or the backoff when it
 * named none), and, where `requestsPerSecond` is set, halves the rate; each later answer that is not
 * a 429 wins back a tenth of the configured rate, so the client recovers in steps.
 *
 * The pacer's one timer exists only while some request waits, and is cleared as soon as none does:
 * an idle client holds no timer. It is deliberately not unref'd, since a request waiting its turn
 * has nothing else keeping the process alive and a script would otherwise exit mid-`await`.
 */
export class Pacer implements Limiter {
  readonly #configuredRate: number | undefined;
  readonly #maxConcurrent: number;
  #rate: number | undefined;
  #active = 0;
  #nextStartAt = 0;
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = 0;
  readonly #queue: Waiter[] = [];

  constructor(options: PacerOptions) {
    this.#configuredRate = options.requestsPerSecond;
    this.#rate = options.requestsPerSecond;
    this.#maxConcurrent = options.maxConcurrentRequests ?? Number.POSITIVE_INFINITY;
  }

  /** The rate in force now (lower than the configured one for a while after a 429); `undefined` when unlimited. */
  get currentRate(): number | undefined {
    return this.#rate;
  }

  /** Attempts holding a place right now. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for their turn right now. */
  get waiting(): number {
    return this.#queue.length;
  }

  /**
   * Resolves with a `Release` when the attempt may start. Rejects with `PacerAbort` when `signal`
   * aborts first; the request then leaves the queue and the others move up.
   */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new PacerAbort(signal.reason));
    if (this.#queue.length === 0 && this.#startsNow()) return Promise.resolve(this.#grant());
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, stopListening: () => {} };
      waiter.stopListening = onAbort(signal, () => {
        const index = this.#queue.indexOf(waiter);
        if (index === -1) return;
        this.#queue.splice(index, 1);
        reject(new PacerAbort(signal!.reason));
        this.#pump();
      });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** A 429 arrived: hold every attempt back for `waitMs`, and slow the rate down. */
  rateLimited(waitMs: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, now() + Math.max(0, waitMs));
    if (this.#configuredRate !== undefined && this.#rate !== undefined) {
      this.#rate = Math.max(this.#rate / 2, this.#configuredRate * slowestShare);
    }
    this.#pump();
  }

  /** An answer that was not a 429: win back part of the configured rate. */
  answered(): void {
    if (this.#configuredRate === undefined || this.#rate === undefined || this.#rate >= this.#configuredRate) return;
    this.#rate = Math.min(this.#configuredRate, this.#rate + this.#configuredRate * recoveryShare);
  }

  #startsNow(): boolean {
    if (this.#active >= this.#maxConcurrent) return false;
    return now() >= this.#earliestStart();
  }

  #earliestStart(): number {
    return Math.max(this.#nextStartAt, this.#pausedUntil);
  }

  #grant(): Release {
    this.#active++;
    if (this.#rate !== undefined) this.#nextStartAt = now() + 1000 / this.#rate;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active--;
      this.#pump();
    };
  }

  /** Starts every waiter whose turn has come, then sets one timer for the next, or none when nobody waits. */
  #pump(): void {
    while (this.#queue.length > 0 && this.#startsNow()) {
      const waiter = this.#queue.shift()!;
      waiter.stopListening();
      waiter.resolve(this.#grant());
    }
    if (this.#queue.length === 0 || this.#active >= this.#maxConcurrent) {
      this.#clearTimer();
      return;
    }
    const at = this.#earliestStart();
    if (this.#timer !== undefined && this.#timerAt === at) return;
    this.#clearTimer();
    this.#timerAt = at;
    // Timers may fire a little early against the monotonic clock; #startsNow checks again and re-arms.
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pump();
    }, Math.min(longestTimerMs, Math.max(1, Math.ceil(at - now()))));
  }

  #clearTimer(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/**
 * The longest timer Node keeps; a longer one fires after 1 ms with a TimeoutOverflowWarning, which
 * at a very low rate (`requestsPerSecond: 1e-7`) would spin. A wait beyond it takes several timers.
 */
const longestTimerMs = 2_147_483_647;

function now(): number {
  return performance.now();
}

/**
 * The client's limiter: the `limiter` option when given (checked for its three methods, and refused
 * beside `requestsPerSecond` or `maxConcurrentRequests`, which it would silently ignore), else the
 * adaptive pacer built from those two options. Throws `InvalidRequestError` for a bad value.
 */
export function createLimiter(
  options: { requestsPerSecond?: unknown; maxConcurrentRequests?: unknown; limiter?: unknown },
  provider: string,
): Limiter {
  const { requestsPerSecond, maxConcurrentRequests, limiter } = options;
  if (limiter !== undefined) {
    const methods = ['acquire', 'rateLimited', 'answered'];
    if (typeof limiter !== 'object' || limiter === null || !methods.every((name) => typeof (limiter as Record<string, unknown>)[name] === 'function')) {
      throw new InvalidRequestError(`${provider}: limiter must be an object with acquire, rateLimited and answered methods.`, { provider });
    }
    if (requestsPerSecond !== undefined || maxConcurrentRequests !== undefined) {
      throw new InvalidRequestError(
        `${provider}: limiter replaces requestsPerSecond and maxConcurrentRequests; give either the limiter or those options.`,
        { provider },
      );
    }
    return limiter as Limiter;
  }
  if (
    requestsPerSecond !== undefined &&
    (typeof requestsPerSecond !== 'number' || !Number.isFinite(requestsPerSecond) || requestsPerSecond <= 0)
  ) {
    throw new InvalidRequestError(
      `${provider}: requestsPerSecond must be a positive number such as 5 or 0.5 (got ${describeValue(requestsPerSecond)}).`,
      { provider },
    );
  }
  if (
    maxConcurrentRequests !== undefined &&
    (typeof maxConcurrentRequests !== 'number' || !Number.isInteger(maxConcurrentRequests) || maxConcurrentRequests < 1)
  ) {
    throw new InvalidRequestError(
      `${provider}: maxConcurrentRequests must be a whole number of 1 or more (got ${describeValue(maxConcurrentRequests)}).`,
      { provider },
    );
  }
  return new Pacer({ requestsPerSecond, maxConcurrentRequests });
}
