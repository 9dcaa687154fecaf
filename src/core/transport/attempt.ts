import { APIError, type VoiceplaneError } from '../errors.js';
import { onAbort } from './abort-listeners.js';
import { interpretResponse } from './interpret-response.js';
import type { Release } from './limiter.js';
import { loggablePath } from './log-lines.js';
import { BodyTooLargeError, readBody, type BodyStop } from './read-body.js';
import { redactCause } from './redact.js';
import { redirectStatuses, redirectTarget } from './redirect.js';
import { errorCode } from './request-id-and-error-code.js';
import { backoffMs, maxRetryDelayMs } from './retry-delay.js';
import { connectionError, timeoutError, tooLargeError, unexpectedError } from './transport-errors.js';
import type { Fetch, FetchInit, HttpResponse, TransportOptions } from './types.js';

/** What one request carries from attempt to attempt, shared by ky's hooks, its retry options and the fetch below. */
export interface RequestState {
  method: string;
  /** Whether the request may be sent again: GET, PUT, DELETE, or a read marked idempotent. */
  idempotent: boolean;
  /** The URL asked for, query included. */
  url: string;
  /** The headers the attempt sends, in order, auth included (ky is given none), and the log shows. */
  headers: Record<string, string>;
  /** The JSON text of a write. */
  body: string | undefined;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  secrets: readonly string[];
  /** `METHOD /path?query` with credentials replaced: the start of each log line. */
  line: string;
  /** Attempts allowed in all (1 for POST and PATCH). */
  attemptsAllowed: number;
  /** The attempt under way or last made, from 1. */
  attempt: number;
  startedAt: number;
  /** Where the request is: waiting for its turn, sending, or waiting to retry. */
  phase: 'queued' | 'sending' | 'waiting';
  /** Whether an attempt was handed to fetch. */
  sent: boolean;
  /** The place held in the limiter by the attempt under way. */
  release: Release | undefined;
  /** What the last attempt came to, for the log: a status, "timed out after 30000 ms"... */
  outcome: string;
  /** The error of the last answer that was an error status (ky's HTTPError becomes it). */
  failure: APIError | undefined;
  /** The wait before the next attempt: the one the last answer asked for, else the backoff. */
  retryWaitMs: number;
  /** Whether an attempt whose answer was lost (a reset, a timeout, a 5xx) came before. */
  answerLost: boolean;
  /** The usable answer, once there is one. */
  usable: HttpResponse | undefined;
}

/**
 * The reason a custom fetch's signal is aborted with once the attempt is over: made once, since
 * `abort()` without a reason makes a DOMException, and its stack, each time.
 */
const attemptOver = /* @__PURE__ */ Object.freeze(new Error('the attempt is over'));

/** The reason the attempt's timer aborts it with (the transport reports an `APIConnectionTimeoutError`). */
const attemptTimedOut = /* @__PURE__ */ Object.freeze(new Error('the attempt timed out'));

/**
 * The `fetch` ky calls for each attempt: sends the request with the caller's `fetch` (as `(url,
 * init)`, never a `Request`, so a fetch from another copy of undici works) or the global one, follows
 * only the redirects it may follow (redirect.ts), reads the body within the size cap (read-body.ts),
 * and reads the answer. The attempt has a controller of its own, which its timer (`timeoutMs`, the
 * body included) or the caller's abort aborts: that stops fetch and the body reader directly, with
 * no promise racing the attempt (a `fetch` option must honour `init.signal`, as every fetch does).
 * A custom fetch's signal is aborted when the attempt ends, so that nothing it listens with outlives
 * the request. The global fetch's is not: an abort would run undici's abort handling for a request
 * already over, a cost on every page, and what undici hangs on the signal (a listener, and an entry
 * in a FinalizationRegistry) is freed at the next full collection, as for any fetch that was never
 * aborted. A usable answer is kept in `state` and handed to
 * ky; an error status likewise, for ky's `HTTPError` (see `beforeError`); any other failure is
 * thrown as a `VoiceplaneError`.
 */
export function attemptFetch(state: RequestState, options: TransportOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const { provider } = options;
    const { method, secrets, signal, timeoutMs } = state;
    // This attempt's place, taken now: a later attempt takes its own.
    const release = state.release;
    state.release = undefined;
    const controller = new AbortController();
    const body: BodyStop = { cancel: undefined };
    const stop = (reason: unknown) => {
      controller.abort(reason);
      body.cancel?.(reason);
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop(attemptTimedOut);
    }, timeoutMs);
    // The caller's signal has one listener however many requests share it (abort-listeners.ts).
    const stopListening = onAbort(signal, () => stop(signal!.reason));
    state.phase = 'sending';
    state.startedAt = performance.now();
    state.failure = undefined;
    const init: FetchInit & Record<string, unknown> = {
      ...options.fetchOptions,
      method,
      headers: state.headers,
      signal: controller.signal,
      redirect: 'manual',
    };
    if (state.body !== undefined) init.body = state.body;
    const send = options.fetch ?? (globalThis.fetch as unknown as Fetch);
    const failed = (error: VoiceplaneError, outcome: string): VoiceplaneError => {
      state.outcome = outcome;
      return error;
    };
    const lost = (cause: unknown): unknown => {
      // The attempt's own timer, never a message's text, says it timed out.
      if (timedOut) return failed(timeoutError(provider, timeoutMs, method), `timed out after ${timeoutMs} ms`);
      // The caller's abort: the transport tells it from the caller's signal.
      if (signal?.aborted) return cause;
      const code = errorCode(cause);
      // The cause may quote a header fetch refused, the auth header included: only a redacted copy is kept.
      const error = connectionError(provider, options.baseUrl, code, redactCause(cause, secrets), method);
      return failed(error, `connection failed${code ? ` (${code})` : ''}`);
    };
    try {
      let url = request.url;
      for (let hops = 0; ; hops++) {
        let response: Response;
        try {
          state.sent = true;
          response = (await send(url, init)) as Response;
        } catch (cause) {
          throw lost(cause);
        }
        if (redirectStatuses.has(response.status)) {
          await response.body?.cancel().catch(() => {});
          try {
            url = redirectTarget(response, { url, method, hops, provider, secrets });
          } catch (refusal) {
            throw failed(refusal as APIError, `${response.status}, redirect not followed`);
          }
          options.log.write('debug', `${response.status}: following the redirect to ${loggablePath(url, secrets)}`, secrets);
          continue;
        }
        let text: string;
        try {
          text = await readBody(response, options.maxResponseBytes, controller.signal, body);
        } catch (cause) {
          if (cause instanceof BodyTooLargeError) throw failed(tooLargeError(provider, cause.limit), `${response.status}, body over maxResponseBytes`);
          throw lost(cause);
        }
        return answer(response, text, state, options);
      }
    } finally {
      clearTimeout(timer);
      stopListening();
      if (options.fetch) controller.abort(attemptOver);
      // Let go of the limiter's place only now: a 429's pause is in force before anyone else starts.
      release?.();
    }
  };
}

/** Reads an answer into `state`, paces the client after it, and gives ky the response it decides on. */
function answer(response: Response, text: string, state: RequestState, options: TransportOptions): Response {
  const { pacer, log, provider } = options;
  let read;
  try {
    read = interpretResponse(response, text, options, state.secrets, state.method);
  } catch (caught) {
    // A reader that throws on an odd body: the answer came, but cannot be read; not retried.
    state.outcome = `${response.status}, answer not readable`;
    throw unexpectedError(provider, caught, true, state.secrets);
  }
  if ('usable' in read) {
    pacer.answered();
    state.usable = read.usable;
    // ky decides on the status alone. Its afterResponse hooks (present only while debug logging is on)
    // clone the response, which a body already read refuses: then they get an empty one of its status.
    return log.enabled('debug') ? new Response(null, { status: response.status }) : response;
  }
  state.outcome = read.outcome;
  // A 2xx that is a failure (not JSON, a failure reported in the body) is never retried: thrown as it is.
  if (!(read.error instanceof APIError) || (response.status >= 200 && response.status < 300)) throw read.error;
  const error = read.error;
  state.failure = error;
  const asked = (error as { retryAfterMs?: number | null }).retryAfterMs ?? null;
  state.retryWaitMs = asked ?? backoffMs(state.attempt - 1);
  if (error.status === 429) {
    if (state.retryWaitMs <= maxRetryDelayMs) {
      pacer.rateLimited(state.retryWaitMs);
      const rate = pacer.currentRate;
      log.write(
        'warn',
        `rate-limited: every request of this client waits ${Math.round(state.retryWaitMs)} ms` +
          (rate === undefined ? '' : `, then runs at up to ${Math.round(rate * 100) / 100} requests per second`),
        state.secrets,
      );
    }
  } else {
    pacer.answered();
  }
  // A status a Response cannot carry (outside 200-599) is raised as it is, not through ky.
  if (response.status < 200 || response.status > 599) throw error;
  return new Response(null, { status: response.status, statusText: response.statusText });
}
