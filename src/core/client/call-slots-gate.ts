import type { CallSlots } from '../call-slots/call-slots.js';
import { LocalCallSlots } from '../call-slots/local-call-slots.js';
import type { OperationName } from '../contract/resource-table.js';
import { describeValue } from '../kit/describe-value.js';
import { APIConnectionError, APIError, APIUserAbortError, InvalidRequestError, ResponseValidationError, VoiceplaneError } from '../errors.js';
import type { PageData } from '../pages/page.js';
import type { RequestOptions } from '../types.js';

/**
 * Where a client's options keep the slots built from `maxConcurrentCalls`, so that a copy made with
 * `withOptions` counts against the same places. A symbol: the unknown-option check reads string keys only.
 */
export const inheritedCallSlots = Symbol('voiceplane.inheritedCallSlots');

/** The slots `maxConcurrentCalls` made, and the value they were made from. */
interface Inherited {
  maxConcurrentCalls: unknown;
  slots: CallSlots;
}

/** The options the call slots are built from. */
export interface CallSlotsClientOptions {
  maxConcurrentCalls?: unknown;
  callSlots?: unknown;
  [inheritedCallSlots]?: Inherited | undefined;
}

/**
 * The client's call slots: the `callSlots` option as given, or in-process slots for
 * `maxConcurrentCalls` (those of the client this one was copied from, for the same number), or
 * `undefined` when neither is set. Throws `InvalidRequestError` for both, or for a bad value.
 */
export function createCallSlots(options: CallSlotsClientOptions, provider: string): CallSlots | undefined {
  const { maxConcurrentCalls, callSlots } = options;
  if (callSlots !== undefined) {
    if (maxConcurrentCalls !== undefined) {
      throw new InvalidRequestError(
        `${provider}: callSlots replaces maxConcurrentCalls; give either callSlots (shared, such as createRedisCallSlots(...)) or maxConcurrentCalls (this client alone).`,
        { provider },
      );
    }
    const methods = ['acquire', 'release'];
    if (typeof callSlots !== 'object' || callSlots === null || !methods.every((name) => typeof (callSlots as Record<string, unknown>)[name] === 'function')) {
      throw new InvalidRequestError(
        `${provider}: callSlots must be an object with acquire and release methods, such as createRedisCallSlots(...) from voiceplane/redis (got ${describeValue(callSlots)}).`,
        { provider },
      );
    }
    return callSlots as CallSlots;
  }
  if (maxConcurrentCalls === undefined) return undefined;
  if (typeof maxConcurrentCalls !== 'number' || !Number.isInteger(maxConcurrentCalls) || maxConcurrentCalls < 1) {
    throw new InvalidRequestError(
      `${provider}: maxConcurrentCalls must be a whole number of 1 or more, the most calls the account may have in flight (got ${describeValue(maxConcurrentCalls)}).`,
      { provider },
    );
  }
  const inherited = options[inheritedCallSlots];
  if (inherited && inherited.maxConcurrentCalls === maxConcurrentCalls) return inherited.slots;
  // The defaults of CallSlotsOptions: an hour's expiry, a look every 250 ms while full.
  return new LocalCallSlots({ maxConcurrentCalls, callTtlMs: 3_600_000, pollMs: 250 });
}

/** The options to copy into a `withOptions` copy, so that it shares this client's in-process slots. */
export function sharedCallSlots(options: CallSlotsClientOptions, slots: CallSlots | undefined): { [inheritedCallSlots]?: Inherited } {
  if (!slots || options.callSlots !== undefined) return {};
  return { [inheritedCallSlots]: { maxConcurrentCalls: options.maxConcurrentCalls, slots } };
}

type Operation = (...args: never[]) => Promise<unknown>;

/**
 * Puts the call operations behind the client's call slots; every other operation, and every one of
 * a client without slots, is returned as it is.
 *
 * - `calls.create` holds a place before it is sent (waiting while the account is full), gives it to
 *   the call's id once created, and gives it back when the create placed no call. When the outcome is
 *   unknown (no answer, a 5xx, an abort, an unreadable answer) the place stays until it expires: the
 *   call may exist.
 * - `calls.get` and `calls.list` free the place of each call they show over.
 */
export function gateCallOperation<F extends Operation>(slots: CallSlots | undefined, name: OperationName, provider: string, run: F): F {
  if (!slots) return run;
  const call = run as unknown as (...args: unknown[]) => Promise<unknown>;
  switch (name) {
    case 'calls.create':
      return (async (input: unknown, request: RequestOptions) => {
        const slot = await acquireOrAbort(slots, request.signal, provider);
        let created: unknown;
        try {
          created = await call(input, request);
        } catch (error) {
          if (placedNoCall(error)) await quietly(() => slot.cancel());
          throw error;
        }
        const id = callId(created);
        // A create answered without an id has nothing to hold the place by: it expires instead.
        if (id === undefined) return created;
        await quietly(() => slot.assign(id));
        if (isOver(created)) await quietly(() => slots.release(id));
        return created;
      }) as unknown as F;
    case 'calls.get':
      return (async (...args: unknown[]) => {
        const got = await call(...args);
        await releaseIfOver(slots, got);
        return got;
      }) as unknown as F;
    case 'calls.list':
      return (async (...args: unknown[]) => {
        const page = (await call(...args)) as PageData<unknown>;
        await Promise.all(page.items.map((item) => releaseIfOver(slots, item)));
        return page;
      }) as unknown as F;
    default:
      return run;
  }
}

/** Waits for a place; the caller's abort while waiting is an `APIUserAbortError`, as in the transport. */
async function acquireOrAbort(slots: CallSlots, signal: AbortSignal | undefined, provider: string) {
  try {
    return await slots.acquire(signal);
  } catch (error) {
    if (signal?.aborted && !(error instanceof VoiceplaneError)) {
      throw new APIUserAbortError(`${provider}: the call was not created: the caller's signal aborted it while it waited for a place among the calls in flight.`, {
        provider,
        cause: signal.reason,
      });
    }
    throw error;
  }
}

/**
 * Whether a failed create surely placed no call: refused before sending (bad input, no key, limiter
 * refused) or answered 4xx. A 429 counts as a refusal here: keeping its place for the whole expiry
 * would block the account's calls far longer than the platform asked to wait.
 */
function placedNoCall(error: unknown): boolean {
  if (error instanceof APIError) return error.status >= 400 && error.status < 500;
  if (error instanceof APIConnectionError || error instanceof APIUserAbortError || error instanceof ResponseValidationError) return false;
  return error instanceof VoiceplaneError;
}

/** The statuses of a call that is over. */
const overStatuses: ReadonlySet<string> = new Set(['completed', 'not_connected', 'failed', 'canceled']);

function callId(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function isOver(value: unknown): boolean {
  const status = (value as { status?: { unified?: unknown } } | null | undefined)?.status?.unified;
  return typeof status === 'string' && overStatuses.has(status);
}

async function releaseIfOver(slots: CallSlots, value: unknown): Promise<void> {
  const id = callId(value);
  if (id !== undefined && isOver(value)) await quietly(() => slots.release(id));
}

/**
 * Runs a step of the slots' bookkeeping without letting its failure fail the call's operation: the
 * call was created or read by then, and a place not moved or freed expires by itself.
 */
async function quietly(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch {
    // See above: the place expires.
  }
}
