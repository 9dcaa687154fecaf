import { describeValue } from '../core/kit/describe-value.js';
import { InvalidRequestError } from '../core/errors.js';
import { positiveNumber as positiveOption, wholeNumber as wholeOption } from '../core/call-slots/option-numbers.js';
import type { Logger } from '../core/transport/logger.js';
import { isRedisClient, type RedisClient } from './redis-client.js';

/** What a limiter does when Redis does not answer in time or answers an error. */
export type OnLimiterError = 'fail' | 'local';

/** The options of `createRedisLimiter`. */
export interface RedisLimiterOptions {
  /** A connected ioredis or node-redis client; the limiter runs its scripts on it and never closes it. */
  redis: RedisClient;
  /**
   * The name every process sharing one platform account uses, such as `'voiceplane:vapi:org_1'`:
   * processes with the same key share the limits. Two Redis keys are made from it (`{key}:state`,
   * `{key}:leases`), under one hash tag so that a Redis Cluster keeps them together.
   */
  key: string;
  /** Attempts started per second across the fleet, at most. */
  requestsPerSecond?: number | undefined;
  /** Attempts in flight at once across the fleet, at most. */
  maxConcurrentRequests?: number | undefined;
  /**
   * When Redis does not answer within `commandTimeoutMs` or answers an error: `'local'` (the default)
   * paces in this process alone (logging one warning) and goes back to Redis once it answers again;
   * `'fail'` refuses the request with `LimiterUnavailableError`, sending nothing.
   */
  onLimiterError?: OnLimiterError | undefined;
  /**
   * The limits of the in-process pacer used while Redis is away (`onLimiterError: 'local'`); by
   * default the fleet's own limits. Set this process's share (say, the fleet's limits divided by the
   * number of workers) to stay under the account's limits during an outage.
   */
  local?: { requestsPerSecond?: number | undefined; maxConcurrentRequests?: number | undefined } | undefined;
  /** How long one Redis command may take before it counts as a failure; 500 ms by default. */
  commandTimeoutMs?: number | undefined;
  /**
   * How long a lease on a place in flight lasts without renewal; 15 s by default. A running attempt
   * renews its lease every third of this, so only a process that died (or stalled this long) loses it.
   */
  leaseMs?: number | undefined;
  /** While pacing locally, how often to try Redis again; 5 s by default. */
  retryRedisAfterMs?: number | undefined;
  /** Where the one warning goes when the limiter falls back to local pacing; `console` by default. */
  logger?: Logger | undefined;
}

/** The options, checked, with their defaults. */
export interface CheckedLimiterOptions {
  redis: RedisClient;
  key: string;
  requestsPerSecond: number | undefined;
  maxConcurrentRequests: number | undefined;
  onLimiterError: OnLimiterError;
  local: { requestsPerSecond: number | undefined; maxConcurrentRequests: number | undefined };
  commandTimeoutMs: number;
  leaseMs: number;
  retryRedisAfterMs: number;
  logger: Logger;
}

const where = 'createRedisLimiter';

/** Checks the options of `createRedisLimiter`; throws `InvalidRequestError` for a bad value. */
export function checkLimiterOptions(options: RedisLimiterOptions): CheckedLimiterOptions {
  if (typeof options !== 'object' || options === null) refuse('takes an options object such as { redis, key, requestsPerSecond: 10 }');
  const { redis, key } = options;
  if (!isRedisClient(redis)) {
    // An object is not printed: a client's options may hold a password.
    refuse(`redis must be a connected ioredis or node-redis client (got ${typeof redis === 'object' && redis !== null ? 'an object without eval and evalsha methods' : describeValue(redis)})`);
  }
  checkKey(key, where);
  const requestsPerSecond = positiveNumber(options.requestsPerSecond, 'requestsPerSecond');
  const maxConcurrentRequests = wholeNumber(options.maxConcurrentRequests, 'maxConcurrentRequests');
  if (requestsPerSecond === undefined && maxConcurrentRequests === undefined) {
    refuse('needs requestsPerSecond, maxConcurrentRequests or both: a limiter without either limits nothing');
  }
  const onLimiterError = options.onLimiterError ?? 'local';
  if (onLimiterError !== 'fail' && onLimiterError !== 'local') {
    refuse(`onLimiterError must be 'fail' or 'local' (got ${describeValue(onLimiterError)})`);
  }
  return {
    redis,
    key,
    requestsPerSecond,
    maxConcurrentRequests,
    onLimiterError,
    local: {
      requestsPerSecond: positiveNumber(options.local?.requestsPerSecond, 'local.requestsPerSecond') ?? requestsPerSecond,
      maxConcurrentRequests: wholeNumber(options.local?.maxConcurrentRequests, 'local.maxConcurrentRequests') ?? maxConcurrentRequests,
    },
    commandTimeoutMs: positiveNumber(options.commandTimeoutMs, 'commandTimeoutMs') ?? 500,
    leaseMs: positiveNumber(options.leaseMs, 'leaseMs') ?? 15_000,
    retryRedisAfterMs: positiveNumber(options.retryRedisAfterMs, 'retryRedisAfterMs') ?? 5_000,
    logger: options.logger ?? console,
  };
}

/** Refuses an empty or non-string limiter key. */
export function checkKey(key: unknown, context: string): asserts key is string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw new InvalidRequestError(
      `${context}: key must be a non-empty string naming the account the processes share, such as 'voiceplane:vapi:org_1' (got ${describeValue(key)}).`,
    );
  }
}

/** A positive finite number, or `undefined`. */
export function positiveNumber(value: unknown, name: string, context = where): number | undefined {
  return positiveOption(value, name, context);
}

/** A whole number of 1 or more, or `undefined`. */
export function wholeNumber(value: unknown, name: string, context = where): number | undefined {
  return wholeOption(value, name, context);
}

function refuse(what: string): never {
  throw new InvalidRequestError(`${where} ${what}.`);
}
