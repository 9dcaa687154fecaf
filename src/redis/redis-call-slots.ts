import { randomUUID } from 'node:crypto';
import { InvalidRequestError } from '../core/errors.js';
import type { Logger } from '../core/transport/logger.js';
import type { CallSlot, CallSlots, CallSlotsOptions } from '../core/call-slots/call-slots.js';
import { checkCallSlotsOptions, type CheckedCallSlotsOptions } from '../core/call-slots/call-slots-options.js';
import { acquireCallScript, assignCallScript, callSlotsKey, countCallsScript, releaseCallScript } from './call-slot-scripts.js';
import { checkKey, positiveNumber, type OnLimiterError } from './limiter-options.js';
import { LimiterUnavailableError } from './limiter-unavailable-error.js';
import { LocalCallSlots } from '../core/call-slots/local-call-slots.js';
import { isRedisClient, RedisTimeout, runScript, type RedisClient, type Script } from './redis-client.js';

/** The options of `createRedisCallSlots`. */
export interface RedisCallSlotsOptions extends CallSlotsOptions {
  /** A connected ioredis or node-redis client. */
  redis: RedisClient;
  /** The name every process sharing one platform account uses; one Redis key is made from it (`{key}:calls`). */
  key: string;
  /**
   * When Redis does not answer in time or answers an error: `'local'` (the default) counts this
   * process's calls alone (logging one warning per outage), `'fail'` rejects `acquire` with
   * `LimiterUnavailableError` and no call is created.
   */
  onLimiterError?: OnLimiterError | undefined;
  /** How long one Redis command may take before it counts as a failure; 500 ms by default. */
  commandTimeoutMs?: number | undefined;
  /** Where the warning goes; `console` by default. */
  logger?: Logger | undefined;
}

const context = 'createRedisCallSlots';

/** Call slots shared by every process using the same Redis and key; see `CallSlots`. */
export class RedisCallSlots implements CallSlots {
  readonly #redis: RedisClient;
  readonly #key: string;
  readonly #member: string;
  readonly #options: CheckedCallSlotsOptions;
  readonly #onError: OnLimiterError;
  readonly #timeoutMs: number;
  readonly #logger: Logger;
  readonly #local: LocalCallSlots;
  #warned = false;

  constructor(options: RedisCallSlotsOptions) {
    this.#options = checkCallSlotsOptions(options, context);
    if (!isRedisClient(options.redis)) {
      throw new InvalidRequestError(`${context}: redis must be a connected ioredis or node-redis client.`);
    }
    checkKey(options.key, context);
    if (options.onLimiterError !== undefined && options.onLimiterError !== 'fail' && options.onLimiterError !== 'local') {
      throw new InvalidRequestError(`${context}: onLimiterError must be 'fail' or 'local'.`);
    }
    this.#redis = options.redis;
    this.#key = options.key;
    this.#member = callSlotsKey(options.key);
    this.#onError = options.onLimiterError ?? 'local';
    this.#timeoutMs = positiveNumber(options.commandTimeoutMs, 'commandTimeoutMs', context) ?? 500;
    this.#logger = options.logger ?? console;
    this.#local = new LocalCallSlots(this.#options);
  }

  async acquire(signal?: AbortSignal): Promise<CallSlot> {
    const { callTtlMs, maxConcurrentCalls, pollMs } = this.#options;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const pending = `pending:${randomUUID()}`;
      let held: unknown;
      try {
        held = await this.#run(acquireCallScript, [pending, String(callTtlMs), String(maxConcurrentCalls)]);
      } catch (error) {
        // A script the client queued while disconnected may still run: give its place back then.
        this.#run(releaseCallScript, [pending]).catch(() => {});
        return this.#failed(error, signal);
      }
      this.#warned = false;
      if (held === 1) return this.#slot(pending);
      await waitOrAbort(pollMs * (0.5 + Math.random()), signal);
    }
  }

  async release(callId: string): Promise<void> {
    await this.#local.release(callId);
    await this.#run(releaseCallScript, [callId]).catch(() => {});
  }

  async inFlight(): Promise<number> {
    return Number(await this.#run(countCallsScript, []));
  }

  #slot(pending: string): CallSlot {
    return {
      key: pending,
      assign: async (callId) => {
        // Should Redis be away now, the pending place expires by itself: never an extra call, at worst a place held too long.
        await this.#run(assignCallScript, [pending, callId, String(this.#options.callTtlMs)]).catch(() => {});
      },
      cancel: async () => {
        await this.#run(releaseCallScript, [pending]).catch(() => {});
      },
    };
  }

  #failed(error: unknown, signal: AbortSignal | undefined): Promise<CallSlot> {
    const what = error instanceof RedisTimeout ? `Redis did not answer within ${this.#timeoutMs} ms` : 'Redis answered an error';
    if (this.#onError === 'fail') {
      throw new LimiterUnavailableError(
        `The call slots (key ${JSON.stringify(this.#key)}) could not be counted: ${what}; no call was created. ` +
          "Check that Redis is running and reachable, or use onLimiterError: 'local' to count this process's calls alone while Redis is away.",
        { key: this.#key, cause: error },
      );
    }
    if (!this.#warned) {
      this.#warned = true;
      this.#logger.warn?.(`[voiceplane] call slots ${JSON.stringify(this.#key)}: ${what}; counting this process's calls alone until Redis answers again.`);
    }
    return this.#local.acquire(signal);
  }

  #run(script: Script, args: string[]): Promise<unknown> {
    return runScript(this.#redis, script, [this.#member], args, this.#timeoutMs);
  }
}

function waitOrAbort(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    const aborted = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/** Call slots shared through Redis by every process using `key`; see `CallSlots`. */
export function createRedisCallSlots(options: RedisCallSlotsOptions): CallSlots {
  return new RedisCallSlots(options);
}
