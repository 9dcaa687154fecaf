import ky, { isHTTPError, type Options as KyOptions } from 'ky';
import { attemptFetch, type RequestState } from './attempt.js';
import { APIConnectionError, APIError, APIUserAbortError, NotFoundError, VoiceplaneError, type ResponseValidationError } from '../errors.js';
import { isRetryableStatus } from './interpret-response.js';
import { loggableHeaders, loggablePath } from './log-lines.js';
import { secretForms } from './redact.js';
import { backoffMs, maxRetryDelayMs } from './retry-delay.js';
import { abortError, checkRetries, checkTimeout, unexpectedError, withAttempts, withEarlierDelete } from './transport-errors.js';
import { followSignal, type FollowedSignal } from './abort-listeners.js';
import { mayBeSentAgain, retryableMethods } from './write-rule.js';
import { markUnknownWriteOutcome } from '../kit/write-outcome.js';
import type { RequestOptions } from '../types.js';
import type { HttpRequest, HttpResponse, TransportOptions } from './types.js';

export type { HttpRequest, HttpResponse, QueryValue, ReportedFailure, TransportOptions } from './types.js';

/** What every request derives from the key in force. */
interface Credentials {
  secrets: readonly string[];
  authHeaders: Readonly<Record<string, string>>;
}

/**
 * The one HTTP transport: every request of every adapter goes through `request`, and ky does the
 * HTTP work: its `retry` (GET, PUT and DELETE only; the decision and the wait are `shouldRetry` and
 * `delay` below) and its hooks (`beforeRequest`: the limiter's turn and the log line;
 * `afterResponse`: the log line of an answer; `beforeError`: ky's `HTTPError` becomes the SDK's
 * `APIError`). Beside ky, only what it lacks, one file each: the attempt's fetch (attempt.ts), whose
 * own timer ends it, body included, by aborting its fetch and body read (ky's `timeout` races a
 * promise against the fetch instead, and costs a listener per request), with redirect refusal
 * (redirect.ts), the size cap (read-body.ts), the 429 pacer (pacer.ts, behind the `Limiter`
 * interface), log lines and redaction (log-lines.ts, redact.ts), and the rule that POST and PATCH are never sent twice
 * (write-rule.ts). Every failure reaches the caller as a `VoiceplaneError` in which no key appears.
 */
export class Transport {
  readonly provider: string;
  readonly #options: TransportOptions;
  #secretsCache: { apiKey: string; secrets: readonly string[] } | undefined;

  constructor(options: TransportOptions) {
    this.provider = options.provider;
    this.#options = options;
  }

  async request(request: HttpRequest, requestOptions: RequestOptions = {}): Promise<HttpResponse> {
    const provider = this.provider;
    const { log } = this.#options;
    const timeoutMs = requestOptions.timeoutMs ?? this.#options.timeoutMs;
    const maxRetries = requestOptions.maxRetries ?? this.#options.maxRetries;
    checkTimeout(timeoutMs, provider);
    checkRetries(maxRetries, provider);
    const signal = requestOptions.signal;
    const url = this.#url(request);
    const idempotent = mayBeSentAgain(request.method) || request.idempotent === true;
    const state: RequestState = {
      method: request.method,
      idempotent,
      url,
      headers: {},
      body: undefined,
      signal,
      timeoutMs,
      secrets: [],
      line: '',
      attemptsAllowed: idempotent ? maxRetries + 1 : 1,
      attempt: 0,
      startedAt: performance.now(),
      phase: 'queued',
      sent: false,
      release: undefined,
      outcome: '',
      failure: undefined,
      retryWaitMs: 0,
      answerLost: false,
      usable: undefined,
    };
    let following: FollowedSignal | undefined;
    try {
      if (signal?.aborted) throw abortError(provider, signal);
      const { secrets, authHeaders } = this.#credentials(state);
      const headers: Record<string, string> = { accept: 'application/json', ...this.#options.headers, ...requestOptions.headers };
      if (request.body !== undefined) {
        headers['content-type'] = 'application/json';
        // A BigInt or a cycle throws here: the last guard below makes it an InvalidRequestError.
        state.body = JSON.stringify(request.body);
      }
      state.headers = { ...headers, ...authHeaders };
      // Every line, the first included, shows the method, the path and (at debug) the headers, credentials replaced.
      state.line = log.enabled('error') ? `${request.method} ${loggablePath(url, secrets)}` : '';
      following = followSignal(signal);
      await ky(url, this.#kyOptions(state, maxRetries, following?.signal));
      if (!state.usable) throw new Error('ky settled without an answer');
      return state.usable;
    } catch (caught) {
      throw this.#failed(caught, state);
    } finally {
      following?.stop();
      // A place taken for an attempt that never reached its fetch (a hook failed after it).
      state.release?.();
      state.release = undefined;
    }
  }

  /**
   * Logs at `error` a 2xx body the kit found without the expected shape. The kit checks the body
   * right after this transport returned it, so a failure is logged here or by the transport, never both.
   */
  logUnusable(operation: string, error: ResponseValidationError): void {
    let secrets: readonly string[] = [];
    try {
      secrets = secretForms(this.#options.apiKey());
    } catch {
      // No key, so none to remove.
    }
    this.#options.log.write('error', `${operation} failed: ${error.message}`, secrets);
  }

  /** ky's options for one request: its retry and hooks, bound to the request's state. */
  #kyOptions(
    state: RequestState,
    maxRetries: number,
    kySignal: AbortSignal | undefined,
  ): KyOptions {
    const { log } = this.#options;
    const signal = state.signal;
    return {
      method: state.method,
      // No headers and no body: ky's Request is never sent (the attempt's fetch sends `state.headers`
      // and `state.body` with the URL). ky would copy headers through Headers objects twice a request,
      // and tee a body for its retries.
      ...(kySignal ? { signal: kySignal } : {}),
      redirect: 'manual',
      throwHttpErrors: true,
      // Each attempt's own timer (attempt.ts) ends it by aborting its fetch and body read, with no race.
      timeout: false,
      retry: {
        limit: maxRetries,
        methods: state.idempotent ? [...retryableMethods, state.method.toLowerCase()] : [...retryableMethods],
        // The wait of each retry: the one the answer asked for, else the backoff with jitter.
        delay: () => state.retryWaitMs,
        backoffLimit: maxRetryDelayMs,
        shouldRetry: ({ error }) => this.#shouldRetry(error, state),
      },
      fetch: attemptFetch(state, this.#options) as typeof fetch,
      hooks: {
        beforeRequest: [
          async (_request, _options, { retryCount }) => {
            state.phase = 'queued';
            state.attempt = retryCount + 1;
            const queuedAt = performance.now();
            try {
              state.release = await this.#options.pacer.acquire(signal);
            } catch (caught) {
              if (signal?.aborted) throw abortError(this.provider, signal);
              throw caught;
            }
            if (log.enabled('debug')) {
              const waitedMs = performance.now() - queuedAt;
              const waited = waitedMs >= 1 ? `, after waiting ${Math.round(waitedMs)} ms for its turn` : '';
              log.write('debug', `${state.line} sending (${counted(state)}${waited}); headers ${loggableHeaders(state.headers, state.secrets)}`, state.secrets);
            }
          },
        ],
        afterResponse: log.enabled('debug')
          ? [
              (_request, _options, response) => {
                if (response.ok) log.write('debug', `${state.line} -> ${response.status} in ${elapsed(state)} (${counted(state)})`, state.secrets);
              },
            ]
          : [],
        // ky's HTTPError becomes the APIError the answer was read into (status, body, request id, wait).
        beforeError: [(error) => (state.failure ?? error) as typeof error],
      },
    };
  }

  /** ky's `retry.shouldRetry`: ky asks only for GET, PUT and DELETE, and only while retries are left. */
  #shouldRetry(caught: unknown, state: RequestState): boolean {
    const error = this.#classify(caught, state);
    const retryable =
      (error instanceof APIError && isRetryableStatus(error.status) && error === state.failure) || error instanceof APIConnectionError;
    if (!retryable || state.signal?.aborted) return false;
    if (!(error instanceof APIError)) state.retryWaitMs = backoffMs(state.attempt - 1);
    if (state.retryWaitMs > maxRetryDelayMs) {
      state.outcome += `; the wait asked for (${Math.round(state.retryWaitMs)} ms) is beyond the ${maxRetryDelayMs} ms cap`;
      return false;
    }
    state.answerLost ||= error instanceof APIConnectionError || (error instanceof APIError && error.status >= 500);
    state.phase = 'waiting';
    this.#options.log.write(
      'warn',
      `${state.line} -> ${state.outcome} in ${elapsed(state)} (${counted(state)}); retrying in ${Math.round(state.retryWaitMs)} ms`,
      state.secrets,
    );
    return true;
  }

  /** What a failure ky passes on is, as a `VoiceplaneError`; sets the log's outcome for a timeout or an abort. */
  #classify(caught: unknown, state: RequestState): VoiceplaneError {
    const provider = this.provider;
    if (caught instanceof VoiceplaneError) return caught;
    if (state.signal?.aborted) {
      state.outcome = 'aborted by the caller';
      return abortError(provider, state.signal);
    }
    if (isHTTPError(caught) && state.failure) return state.failure;
    return unexpectedError(provider, caught, state.sent, state.secrets);
  }

  /** The error a failed request ends with, logged once. */
  #failed(caught: unknown, state: RequestState): VoiceplaneError {
    const { log } = this.#options;
    const error = this.#classify(caught, state);
    if (state.method === 'DELETE' && state.answerLost && error instanceof NotFoundError) withEarlierDelete(error);
    if (state.sent && !state.idempotent) {
      const requestId = error instanceof APIError ? error.requestId : null;
      markUnknownWriteOutcome(error, { method: state.method, path: loggablePath(state.url, state.secrets), requestId });
    }
    if (error instanceof APIUserAbortError && state.phase !== 'sending') {
      const when = state.phase === 'queued' ? ` while waiting for its turn (${counted(state)})` : ' while waiting to retry';
      log.write('info', `${state.line} aborted by the caller${when}`, state.secrets);
    } else if (state.attempt > 0) {
      log.write(finalLevel(error), `${state.line} -> ${state.outcome} in ${elapsed(state)} (${counted(state)}); failed`, state.secrets);
    } else if (!(error instanceof APIUserAbortError)) {
      // Failed before any attempt (the request could not be built): the path still shows, without secrets.
      const path = loggablePath(this.#options.baseUrl, state.secrets);
      log.write('error', `${state.method} ${path} failed: ${error.message}`, state.secrets);
    }
    return withAttempts(error, state.attempt);
  }

  /**
   * The key's forms to redact, worked out again only when the key changes (a key option may be a
   * function that rotates it). The auth headers are asked for at every request: a provider may sign
   * each one.
   */
  #credentials(state: RequestState): Credentials {
    const apiKey = this.#options.apiKey();
    let secrets = this.#secretsCache?.apiKey === apiKey ? this.#secretsCache.secrets : undefined;
    if (!secrets) {
      secrets = secretForms(apiKey);
      this.#secretsCache = { apiKey, secrets };
    }
    // Known before the headers are built, so that a header that cannot be built is reported without the key.
    state.secrets = secrets;
    return { secrets, authHeaders: this.#options.authHeaders(apiKey) };
  }

  #url(request: HttpRequest): string {
    let url = this.#options.baseUrl + request.path;
    if (request.query) {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(request.query)) {
        if (value === undefined || value === null) continue;
        if (Array.isArray(value)) for (const item of value) search.append(name, item);
        else search.append(name, String(value));
      }
      const text = search.toString();
      if (text) url += `?${text}`;
    }
    return url;
  }
}

/** A 4xx answer or the caller's abort is the caller's business (`info`); anything else is an `error`. */
function finalLevel(error: VoiceplaneError): 'info' | 'error' {
  if (error instanceof APIUserAbortError) return 'info';
  if (error instanceof APIError && error.status >= 400 && error.status < 500 && error.status !== 429) return 'info';
  return 'error';
}

function elapsed(state: RequestState): string {
  return `${Math.round(performance.now() - state.startedAt)} ms`;
}

function counted(state: RequestState): string {
  return `attempt ${state.attempt} of ${state.attemptsAllowed}`;
}
