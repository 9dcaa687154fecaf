import { installAdvice } from '../chunk-load-failure.js';
import { describeValue } from '../describe-value.js';
import { InvalidRequestError, VoiceplaneError } from '../errors.js';
import { onAbort } from './abort-listeners.js';

/** Lets go of the place a request held; call it once the attempt's response was read or failed. */
export type Release = () => void;

/** Thrown by `acquire` when the caller's signal aborts while the request still waits its turn. */
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

/** What the transport asks of the client's pacer (`Pacer` in pacer.ts does the pacing). */
export interface ClientPacer {
  /** Resolves with a `Release` when the attempt may start; rejects with `PacerAbort` when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<Release>;
  /** A 429 arrived: hold every attempt back for `waitMs`, and slow the rate down. */
  rateLimited(waitMs: number): void;
  /** An answer that was not a 429. */
  answered(): void;
  /** The rate in force now; `undefined` when unlimited. */
  readonly currentRate: number | undefined;
}

const noPlaceHeld: Release = () => {};

/**
 * The client's pacer, with the pacing itself (pacer.ts) a chunk loaded only when needed: at once by a
 * client with limits, at its first 429 by any other. Until then a client without limits starts every
 * attempt at once. Should the chunk fail to load, a client with limits refuses to send (it must not go
 * unpaced), and one without goes on without the pause after a 429 (each retry still waits its delay).
 */
class PacerGate implements ClientPacer {
  readonly #options: PacerOptions;
  readonly #provider: string;
  readonly #limited: boolean;
  #pacer: ClientPacer | undefined;
  #loading: Promise<ClientPacer | undefined> | undefined;

  constructor(options: PacerOptions, provider: string) {
    this.#options = options;
    this.#provider = provider;
    this.#limited = options.requestsPerSecond !== undefined || options.maxConcurrentRequests !== undefined;
    if (this.#limited) void this.#load();
  }

  get currentRate(): number | undefined {
    return this.#pacer ? this.#pacer.currentRate : this.#options.requestsPerSecond;
  }

  acquire(signal?: AbortSignal): Promise<Release> {
    if (this.#pacer) return this.#pacer.acquire(signal);
    if (signal?.aborted) return Promise.reject(new PacerAbort(signal.reason));
    return this.#loading ? this.#acquireOnceLoaded(signal) : Promise.resolve(noPlaceHeld);
  }

  rateLimited(waitMs: number): void {
    if (this.#pacer) return this.#pacer.rateLimited(waitMs);
    const askedAt = performance.now();
    // Registered before any acquire that comes after this 429, so the pause is in force for them all.
    void this.#load().then((pacer) => pacer?.rateLimited(waitMs - (performance.now() - askedAt)));
  }

  answered(): void {
    this.#pacer?.answered();
  }

  #load(): Promise<ClientPacer | undefined> {
    this.#loading ??= import('./pacer.js').then(
      (chunk) => (this.#pacer = new chunk.Pacer(this.#options)),
      () => undefined,
    );
    return this.#loading;
  }

  async #acquireOnceLoaded(signal: AbortSignal | undefined): Promise<Release> {
    let stopListening = () => {};
    const aborted = new Promise<never>((_resolve, reject) => {
      stopListening = onAbort(signal, () => reject(new PacerAbort(signal!.reason)));
    });
    let pacer: ClientPacer | undefined;
    try {
      pacer = await Promise.race([this.#loading!, aborted]);
    } finally {
      stopListening();
    }
    if (pacer) return pacer.acquire(signal);
    if (!this.#limited) return noPlaceHeld;
    throw new VoiceplaneError(
      `${this.#provider}: the SDK could not load the code that paces requests (requestsPerSecond, maxConcurrentRequests); ` +
        `nothing was sent. ${installAdvice}.`,
      { provider: this.#provider },
    );
  }
}

/** Checks the pacing options of `createClient`; throws `InvalidRequestError` for a bad value. */
export function createPacer(options: { requestsPerSecond?: unknown; maxConcurrentRequests?: unknown }, provider: string): ClientPacer {
  const { requestsPerSecond, maxConcurrentRequests } = options;
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
  return new PacerGate({ requestsPerSecond, maxConcurrentRequests }, provider);
}
