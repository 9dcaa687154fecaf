import { InvalidRequestError } from '../core/errors.js';
import type { SandboxPlatform as Platform } from '../core/sandbox/double.js';
import { createRandom } from '../core/sandbox/random.js';
import type { FaultOptions, SandboxProvider } from './types.js';
import { describeValue } from '../core/kit/describe-value.js';

/** Applies the fault options to one request: waits, then may answer in its place. */
export interface Faults {
  apply(provider: string, platform: Platform): Promise<Response | null>;
}

function fail(message: string): InvalidRequestError {
  return new InvalidRequestError(`sandbox: ${message}`);
}

/** Checks the options at once, so a typo is an error at start rather than a fault that never comes. */
export function createFaults(options: FaultOptions): Faults {
  const { latencyMs = 0, failureRate = 0, seed = 1, rateLimit } = options;
  if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0) {
    throw fail(`latencyMs must be a number of milliseconds, 0 or more (got ${describeValue(latencyMs)}).`);
  }
  if (typeof failureRate !== 'number' || !(failureRate >= 0 && failureRate <= 1)) {
    throw fail(`failureRate must be a share from 0 to 1 (got ${describeValue(failureRate)}).`);
  }
  if (!Number.isInteger(seed)) throw fail(`seed must be a whole number (got ${describeValue(seed)}).`);
  const every = rateLimit?.every;
  const retryAfterSeconds = rateLimit?.retryAfterSeconds ?? 1;
  if (rateLimit !== undefined) {
    if (!Number.isInteger(every) || every! < 1) throw fail(`rateLimit.every must be a whole number of 1 or more (got ${describeValue(every)}).`);
    if (typeof retryAfterSeconds !== 'number' || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0) {
      throw fail(`rateLimit.retryAfterSeconds must be 0 or more seconds (got ${describeValue(retryAfterSeconds)}).`);
    }
  }
  const random = createRandom(seed);
  const counts = new Map<string, number>();
  return {
    async apply(provider, platform) {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const count = (counts.get(provider) ?? 0) + 1;
      counts.set(provider, count);
      if (every !== undefined && count % every === 0) {
        return platform.error(429, 'rate_limited', `Too many requests (sandbox rateLimit: every ${every}); retry after ${retryAfterSeconds} s.`, {
          'retry-after': String(retryAfterSeconds),
        });
      }
      if (failureRate > 0 && random.next() < failureRate) {
        return platform.error(500, 'internal_error', 'Internal server error (sandbox failureRate).');
      }
      return null;
    },
  };
}
