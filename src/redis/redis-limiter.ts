import { randomUUID } from 'node:crypto';
import { onAbort } from '../core/transport/abort-listeners.js';
import type { Limiter, Release } from '../core/transport/limiter.js';
import { Pacer } from '../core/transport/pacer.js';
import { checkLimiterOptions, type CheckedLimiterOptions, type RedisLimiterOptions } from './limiter-options.js';
import { acquireScript, limiterKeys, rateLimitedScript, recoverScript, releaseScript, renewScript } from './limiter-scripts.js';
import { LimiterUnavailableError } from './limiter-unavailable-error.js';
import { RedisTimeout, runScript, type Script } from './redis-client.js';
import { pingScript } from './ping-script.js';

interface Waiter {
  resolve: (release: Release) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  /** Stops listening to the caller's signal once the waiter got its turn or left. */
  stopListening: () => void;
}

/**
 * While every place in flight is taken, how often the process asks Redis again (with jitter, so the
 * processes of a fleet do not ask in step). A release anywhere in the fleet is seen within this.
 */
const busyPollMs = 20;

/**
 * Spaces the attempts of every process that shares `key`, bounds how many run at once across them,
 * and pauses them all after a 429 seen by any. Each process asks Redis for one turn at a time (its
 * own waiters queue here, first come first served), so a fleet of N processes sends Redis at most N
 * questions at once, however many requests wait. See `createRedisLimiter`.
 */
export class RedisLimiter implements Limiter {
  readonly #options: CheckedLimiterOptions;
  readonly #keys: { state: string; leases: string };
  readonly #queue: Waiter[] = [];
  /** The pacer used while Redis is away (`onLimiterError: 'local'`). */
  readonly #local: Pacer;
  /** Lease ids of this process's attempts in flight, renewed while they run. */
  readonly #held = new Set<string>();
  #pumping = false;
  #rate: number | undefined;
  #pacingLocally = false;
  #nextProbeAt = 0;
  #probing = false;
  #recovering = false;
  #renewTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: RedisLimiterOptions) {
    this.#options = checkLimiterOptions(options);
    this.#keys = limiterKeys(this.#options.key);
    this.#rate = this.#options.requestsPerSecond;
    this.#local = new Pacer(this.#options.local);
  }

  /** The rate in force across the fleet (lowered for a while after a 429), or this process's while pacing locally. */
  get currentRate(): number | undefined {
    return this.#pacingLocally ? this.#local.currentRate : this.#rate;
  }

  /** True while Redis is away and this process paces alone (`onLimiterError: 'local'`). */
  get pacingLocally(): boolean {
    return this.#pacingLocally;
  }

  /** Resolves with a `Release` when the attempt may start; rejects with the signal's reason when it aborts first. */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#pacingLocally) {
      this.#probeRedis();
      return this.#local.acquire(signal);
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, stopListening: () => {} };
      waiter.stopListening = onAbort(signal, () => {
        const index = this.#queue.indexOf(waiter);
        if (index === -1) return;
        this.#queue.splice(index, 1);
        reject(signal!.reason);
      });
      this.#queue.push(waiter);
      void this.#pump();
    });
  }

  /** A 429: pause every process sharing the key for `waitMs`, and halve the fleet's rate. */
  rateLimited(waitMs: number): void {
    this.#local.rateLimited(waitMs);
    if (this.#pacingLocally) return;
    const rate = this.#options.requestsPerSecond ?? 0;
    this.#run(rateLimitedScript, [this.#keys.state], [String(Math.max(0, Math.ceil(waitMs))), String(rate)]).then(
      (reply) => this.#noteRate(reply),
      () => {},
    );
  }

  /** An answer that was not a 429: after a 429 lowered the fleet's rate, win back a tenth of it. */
  answered(): void {
    this.#local.answered();
    const configured = this.#options.requestsPerSecond;
    if (this.#pacingLocally || configured === undefined || this.#rate === undefined || this.#rate >= configured || this.#recovering) return;
    this.#recovering = true;
    this.#run(recoverScript, [this.#keys.state], [String(configured)])
      .then(
        (reply) => this.#noteRate(reply),
        () => {},
      )
      .finally(() => (this.#recovering = false));
  }

  /** Asks Redis for turns, one at a time, until nobody in this process waits. */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#queue.length > 0) {
        if (this.#pacingLocally) {
          this.#handQueueToLocalPacer();
          return;
        }
        const leaseId = randomUUID();
        let reply: unknown;
        try {
          reply = await this.#run(acquireScript, [this.#keys.state, this.#keys.leases], [
            leaseId,
            String(this.#options.leaseMs),
            String(this.#options.requestsPerSecond ?? 0),
            String(this.#options.maxConcurrentRequests ?? 0),
          ]);
        } catch (error) {
          // A client that queued the script while disconnected may still run it later: give the lease back then.
          this.#releaseLease(leaseId);
          this.#redisFailed(error);
          continue;
        }
        const [granted, waitText, rateText] = reply as [number, string, string];
        this.#noteRate(rateText);
        if (granted === 1) {
          this.#grant(leaseId);
          continue;
        }
        const waitMs = Number(waitText);
        await sleep(waitMs < 0 ? busyPollMs * (0.5 + Math.random()) : waitMs);
      }
    } finally {
      this.#pumping = false;
    }
  }

  #grant(leaseId: string): void {
    const waiter = this.#queue.shift();
    if (this.#options.maxConcurrentRequests === undefined) {
      waiter?.stopListening();
      waiter?.resolve(() => {});
      return;
    }
    if (!waiter) {
      // Every waiter left (aborted) while Redis answered.
      this.#releaseLease(leaseId);
      return;
    }
    waiter.stopListening();
    this.#held.add(leaseId);
    this.#startRenewing();
    let released = false;
    waiter.resolve(() => {
      if (released) return;
      released = true;
      this.#held.delete(leaseId);
      if (this.#held.size === 0) this.#stopRenewing();
      this.#releaseLease(leaseId);
    });
  }

  #releaseLease(leaseId: string): void {
    if (this.#options.maxConcurrentRequests === undefined) return;
    // Failure is harmless: the lease expires by itself.
    this.#run(releaseScript, [this.#keys.leases], [leaseId]).catch(() => {});
  }

  #redisFailed(error: unknown): void {
    const { key, commandTimeoutMs } = this.#options;
    const what = error instanceof RedisTimeout ? `Redis did not answer within ${commandTimeoutMs} ms` : 'Redis answered an error';
    if (this.#options.onLimiterError === 'fail') {
      const failure = new LimiterUnavailableError(
        `The fleet limiter (key ${JSON.stringify(key)}) could not take a turn: ${what}; the request was not sent. ` +
          "Check that Redis is running and reachable, or create the limiter with onLimiterError: 'local' to pace in this process while Redis is away.",
        { key, cause: error },
      );
      for (const waiter of this.#queue.splice(0)) {
        waiter.stopListening();
        waiter.reject(failure);
      }
      return;
    }
    this.#pacingLocally = true;
    this.#nextProbeAt = performance.now() + this.#options.retryRedisAfterMs;
    this.#options.logger.warn?.(
      `[voiceplane] fleet limiter ${JSON.stringify(key)}: ${what}; pacing in this process alone ` +
        `(${describeLimits(this.#options.local)}) until Redis answers again, tried every ${this.#options.retryRedisAfterMs} ms.`,
    );
    this.#handQueueToLocalPacer();
  }

  #handQueueToLocalPacer(): void {
    for (const waiter of this.#queue.splice(0)) {
      waiter.stopListening();
      this.#local.acquire(waiter.signal).then(waiter.resolve, waiter.reject);
    }
  }

  /** While pacing locally: asks Redis, at most once per `retryRedisAfterMs`, whether it is back. */
  #probeRedis(): void {
    if (this.#probing || performance.now() < this.#nextProbeAt) return;
    this.#probing = true;
    this.#run(pingScript, [this.#keys.state], [])
      .then(
        () => {
          this.#pacingLocally = false;
          this.#options.logger.info?.(`[voiceplane] fleet limiter ${JSON.stringify(this.#options.key)}: Redis answers again; the fleet's limits are shared again.`);
        },
        () => (this.#nextProbeAt = performance.now() + this.#options.retryRedisAfterMs),
      )
      .finally(() => (this.#probing = false));
  }

  #startRenewing(): void {
    if (this.#renewTimer !== undefined) return;
    this.#renewTimer = setInterval(() => {
      const leases = [...this.#held];
      if (leases.length > 0) this.#run(renewScript, [this.#keys.leases], [String(this.#options.leaseMs), ...leases]).catch(() => {});
    }, this.#options.leaseMs / 3);
    // The attempts in flight keep the process alive; the renewal alone must not.
    this.#renewTimer.unref?.();
  }

  #stopRenewing(): void {
    clearInterval(this.#renewTimer);
    this.#renewTimer = undefined;
  }

  #noteRate(reply: unknown): void {
    const rate = Number(reply);
    if (this.#options.requestsPerSecond !== undefined && Number.isFinite(rate) && rate > 0) this.#rate = rate;
  }

  #run(script: Script, keys: string[], args: string[]): Promise<unknown> {
    return runScript(this.#options.redis, script, keys, args, this.#options.commandTimeoutMs);
  }
}

function describeLimits(limits: { requestsPerSecond: number | undefined; maxConcurrentRequests: number | undefined }): string {
  const parts: string[] = [];
  if (limits.requestsPerSecond !== undefined) parts.push(`${limits.requestsPerSecond} requests a second`);
  if (limits.maxConcurrentRequests !== undefined) parts.push(`${limits.maxConcurrentRequests} in flight`);
  return parts.join(', ');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(ms))));
}

/**
 * A `Limiter` shared by every process that uses the same Redis and `key`: the request rate, the
 * requests in flight and the pause after a 429 hold for the fleet, not for each process. Pass it as
 * the `limiter` option of `createClient`.
 *
 * ```ts
 * import Redis from 'ioredis';
 * import { createClient } from 'voiceplane';
 * import { createRedisLimiter } from 'voiceplane/redis';
 *
 * const limiter = createRedisLimiter({ redis: new Redis(process.env.REDIS_URL), key: 'voiceplane:vapi:org_1', requestsPerSecond: 20, maxConcurrentRequests: 5 });
 * const vapi = createClient({ provider: 'vapi', limiter });
 * ```
 *
 * Throws `InvalidRequestError` for a bad option. Redis is not asked anything until the first request.
 */
export function createRedisLimiter(options: RedisLimiterOptions): RedisLimiter {
  return new RedisLimiter(options);
}
