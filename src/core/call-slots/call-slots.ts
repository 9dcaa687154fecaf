/**
 * Places for calls in flight on one platform account (`maxConcurrentCalls`): a call holds one from
 * just before `calls.create` until its end is seen (`calls.get` answered an ended status, or a webhook
 * said so), or until its place expires. Two implementations share this shape: one in this process
 * (`createLocalCallSlots`) and one shared by every process through Redis (`createRedisCallSlots`).
 *
 * How `calls.create` uses it:
 * ```ts
 * const slot = await slots.acquire(signal);        // waits while the account has its most calls in flight
 * let call;
 * try { call = await sendCreate(); }
 * catch (error) { if (nothingWasPlaced(error)) await slot.cancel(); throw error; }   // unknown outcome: keep it; it expires
 * await slot.assign(call.id);                       // from now on the call's id holds the place
 * // later, anywhere in the fleet: calls.get or a webhook sees the call over
 * await slots.release(call.id);
 * ```
 */
export interface CallSlots {
  /**
   * Waits until fewer than `maxConcurrentCalls` calls are in flight, then holds a place for the call
   * about to be created. Rejects with the signal's reason when `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<CallSlot>;
  /**
   * The end of call `callId` was seen: frees its place (in every process, for the Redis slots). An id
   * that holds no place (already released, expired, or never counted) is ignored, so a webhook and a
   * `calls.get` seeing the same end do no harm.
   */
  release(callId: string): Promise<void>;
  /** Calls counted in flight now (expired places left out). */
  inFlight(): Promise<number>;
}

/** The place held for one `calls.create`. */
export interface CallSlot {
  /** The key the place is held under until `assign` (a random id, for logs). */
  readonly key: string;
  /**
   * The platform created the call `callId`: the place is now held by that id (its expiry starts
   * again), so that `release(callId)` from any process frees it.
   */
  assign(callId: string): Promise<void>;
  /**
   * The create placed no call (refused before sending, or answered an error that means nothing was
   * created): frees the place. Not for a create whose outcome is unknown (a timeout after sending):
   * its place then stays until it expires, as the call may exist.
   */
  cancel(): Promise<void>;
}

/** Options both kinds of call slots take. */
export interface CallSlotsOptions {
  /** Calls in flight at once, at most. */
  maxConcurrentCalls: number;
  /**
   * How long a place lasts when no end is seen for its call: a call that never reports its end, or
   * a process that died before seeing it, frees the place then. Set it to the platform's longest
   * call (its maximum call duration) plus a margin; 1 hour by default.
   */
  callTtlMs?: number | undefined;
  /** While every place is taken, how often to look again; 250 ms by default. */
  pollMs?: number | undefined;
}
