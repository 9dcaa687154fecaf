import type { VoiceplaneError } from '../errors.js';

/** A failed attempt, and whether the same request may be sent again. Internal: never reaches a caller. */
export class AttemptFailure {
  constructor(
    readonly error: VoiceplaneError,
    readonly retryable: boolean,
    /** What happened, for the log: a status, "timed out", "connection failed (ECONNRESET)". */
    readonly outcome: string,
    readonly delayMs: number | null = null,
  ) {}
}
