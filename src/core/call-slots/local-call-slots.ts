import { onAbort } from '../transport/abort-listeners.js';
import type { CallSlot, CallSlots, CallSlotsOptions } from './call-slots.js';
import { checkCallSlotsOptions, type CheckedCallSlotsOptions } from './call-slots-options.js';

/**
 * Call slots of this process alone: a map from key (a pending create's, then the call's id) to the
 * time its place expires. No Redis: what the client's `maxConcurrentCalls` option counts with.
 */
export class LocalCallSlots implements CallSlots {
  readonly #most: number;
  readonly #ttlMs: number;
  readonly #pollMs: number;
  readonly #expiries = new Map<string, number>();

  /** Takes options already checked (`createLocalCallSlots` checks a caller's), so the client's default path carries no second copy of the checks. */
  constructor(checked: CheckedCallSlotsOptions) {
    this.#most = checked.maxConcurrentCalls;
    this.#ttlMs = checked.callTtlMs;
    this.#pollMs = checked.pollMs;
  }

  acquire(signal?: AbortSignal): Promise<CallSlot> {
    return new Promise<CallSlot>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stopListening = onAbort(signal, () => {
        clearTimeout(timer);
        reject(signal!.reason);
      });
      const attempt = (): void => {
        this.#prune();
        if (this.#expiries.size < this.#most) {
          stopListening();
          // Web Crypto, not node:crypto: this file has no Node import, so the main entry can take it as it is.
          const key = `pending:${globalThis.crypto.randomUUID()}`;
          this.#expiries.set(key, performance.now() + this.#ttlMs);
          resolve(this.#slot(key));
          return;
        }
        // A release in this process could wake the waiter at once; polling keeps one rule for both kinds.
        timer = setTimeout(attempt, this.#pollMs);
      };
      attempt();
    });
  }

  async release(callId: string): Promise<void> {
    this.#expiries.delete(callId);
  }

  async inFlight(): Promise<number> {
    this.#prune();
    return this.#expiries.size;
  }

  #slot(key: string): CallSlot {
    return {
      key,
      assign: async (callId: string) => {
        this.#expiries.delete(key);
        this.#expiries.set(callId, performance.now() + this.#ttlMs);
      },
      cancel: async () => {
        this.#expiries.delete(key);
      },
    };
  }

  #prune(): void {
    const now = performance.now();
    for (const [key, expiresAt] of this.#expiries) if (expiresAt <= now) this.#expiries.delete(key);
  }
}

/** Call slots counted in this process alone; see `CallSlots`. */
export function createLocalCallSlots(options: CallSlotsOptions): CallSlots {
  return new LocalCallSlots(checkCallSlotsOptions(options, 'createLocalCallSlots'));
}
