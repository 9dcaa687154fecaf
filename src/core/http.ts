import ky from 'ky';
import { errorCode, parseLoose, requestIdOf, snippet } from './error-body.js';
import { APIError, APIUserAbortError, createAPIError, type VoiceplaneError } from './errors.js';
import { loggableHeaders, loggablePath, type RequestLog } from './logger.js';
import { PacerAbort, type Pacer, type Release } from './pacer.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { redactDeep, redactText } from './redact.js';
import { redirectStatuses, redirectTarget } from './redirect.js';
import { backoffMs, maxRetryDelayMs, retryAfterMs, sleep } from './retry-delay.js';
import {
  abortError,
  checkRetries,
  checkTimeout,
  connectionError,
  notJsonError,
  timeoutError,
  tooLargeError,
  withAttempts,
} from './transport-errors.js';
import type { RequestOptions } from './types.js';

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Starts with `/`; joined to the base URL. Build it with the `path` tag so ids are encoded. */
  path: string;
  /** Arrays repeat the parameter; `null` and `undefined` are left out. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
}

export interface HttpResponse {
  status: number;
  /** The parsed JSON body; `undefined` for an empty body. */
  data: unknown;
  headers: Headers;
}

export interface TransportOptions {
  provider: string;
  /** Already checked by `normalizeBaseUrl`: no trailing slash. */
  baseUrl: string;
  /** Returns the key, reading the environment on first use; throws `InvalidRequestError` when there is none. */
  apiKey: () => string;
  /** Headers that carry the key (and anything else the platform's auth needs). */
  authHeaders: (apiKey: string) => Record<string, string>;
  /** Where the key comes from, for a 401's message: e.g. "options.apiKey or VOX_API_KEY". */
  keyHint: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  fetch: typeof globalThis.fetch | undefined;
  /** Reads the platform's error envelope into one line, or `null` when the body is not one. */
  errorDetail: (body: unknown) => string | null;
  /** Spaces and bounds the attempts of this client; every attempt, retries included, waits here. */
  pacer: Pacer;
  /** Where attempts, retries and failures are logged. */
  log: RequestLog;
}

const idempotentMethods = new Set(['GET', 'PUT', 'DELETE']);
const retryableStatuses = new Set([408, 429]);

/** A failed attempt, and whether the same request may be sent again. */
class AttemptFailure {
  constructor(
    readonly error: VoiceplaneError,
    readonly retryable: boolean,
    /** What happened, for the log: a status, "timed out", "connection failed (ECONNRESET)". */
    readonly outcome: string,
    readonly delayMs: number | null = null,
  ) {}
}

/**
 * The one HTTP transport: every request of every adapter goes through `request`, which waits for
 * its turn in the client's pacer, adds the auth headers, times each attempt with its own timer,
 * retries what is safe to retry, follows same-origin redirects only, caps the body size, logs each
 * attempt without secrets, and turns every failure into a `VoiceplaneError` in which no key appears.
 */
export class Transport {
  readonly provider: string;
  readonly #options: TransportOptions;
  readonly #ky: typeof ky;

  constructor(options: TransportOptions) {
    this.provider = options.provider;
    this.#options = options;
    this.#ky = ky.create({
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      redirect: 'manual',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  async request(request: HttpRequest, requestOptions: RequestOptions = {}): Promise<HttpResponse> {
    const provider = this.provider;
    const { pacer, log } = this.#options;
    const timeoutMs = requestOptions.timeoutMs ?? this.#options.timeoutMs;
    const maxRetries = requestOptions.maxRetries ?? this.#options.maxRetries;
    checkTimeout(timeoutMs, provider);
    checkRetries(maxRetries, provider);
    const signal = requestOptions.signal;
    const apiKey = this.#options.apiKey();
    const secrets = [apiKey];
    const url = this.#url(request);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.#options.headers,
      ...this.#options.authHeaders(apiKey),
    };
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    const retryable = idempotentMethods.has(request.method);
    const attemptsAllowed = retryable ? maxRetries + 1 : 1;
    const line = log.enabled('error') ? `${request.method} ${loggablePath(url, secrets)}` : '';

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortError(this.provider, signal);
      const counted = `attempt ${attempt + 1} of ${attemptsAllowed}`;
      const queuedAt = performance.now();
      let release: Release;
      try {
        release = await pacer.acquire(signal);
      } catch (caught) {
        if (!(caught instanceof PacerAbort)) throw caught;
        log.write('info', `${line} aborted by the caller while waiting for its turn (${counted})`, secrets);
        throw abortError(this.provider, signal!);
      }
      const startedAt = performance.now();
      if (log.enabled('debug')) {
        const waited = startedAt - queuedAt >= 1 ? `, after waiting ${Math.round(startedAt - queuedAt)} ms for its turn` : '';
        log.write('debug', `${line} sending (${counted}${waited}); headers ${loggableHeaders(headers, secrets)}`, secrets);
      }
      let failure: AttemptFailure;
      let delay: number;
      try {
        const response = await this.#attempt(url, { method: request.method, headers, body }, timeoutMs, signal, secrets);
        pacer.answered();
        log.write('debug', `${line} -> ${response.status} in ${elapsed(startedAt)} (${counted})`, secrets);
        return response;
      } catch (caught) {
        if (!(caught instanceof AttemptFailure)) throw caught;
        failure = caught;
        delay = failure.delayMs ?? backoffMs(attempt);
        // Before this attempt lets go of its place, so that no waiting request slips out ahead of the pause.
        this.#pace(failure, delay, secrets);
      } finally {
        release();
      }

      const result = `${line} -> ${failure.outcome} in ${elapsed(startedAt)} (${counted})`;
      const triesLeft = retryable && failure.retryable && attempt < maxRetries;
      if (!triesLeft || delay > maxRetryDelayMs) {
        const why = triesLeft ? `; the wait asked for (${Math.round(delay)} ms) is beyond the ${maxRetryDelayMs} ms cap` : '';
        log.write(finalLevel(failure.error), `${result}; failed${why}`, secrets);
        throw withAttempts(failure.error, attempt + 1);
      }
      log.write('warn', `${result}; retrying in ${Math.round(delay)} ms`, secrets);
      try {
        await sleep(delay, signal);
      } catch {
        log.write('info', `${line} aborted by the caller while waiting to retry`, secrets);
        throw abortError(this.provider, signal!);
      }
    }
  }

  /** A 429 pauses and slows the whole client; any other answer lets it recover. */
  #pace(failure: AttemptFailure, delay: number, secrets: readonly string[]): void {
    const { pacer, log } = this.#options;
    const status = failure.error instanceof APIError ? failure.error.status : null;
    if (status === null) return;
    if (status !== 429) {
      pacer.answered();
      return;
    }
    if (delay > maxRetryDelayMs) return;
    pacer.rateLimited(delay);
    const rate = pacer.currentRate;
    log.write(
      'warn',
      `rate-limited: every request of this client waits ${Math.round(delay)} ms` +
        (rate === undefined ? '' : `, then runs at up to ${round(rate)} requests per second`),
      secrets,
    );
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

  async #attempt(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string | undefined },
    timeoutMs: number,
    signal: AbortSignal | undefined,
    secrets: readonly string[],
  ): Promise<HttpResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const fail = (cause: unknown): AttemptFailure => {
      if (signal?.aborted) return new AttemptFailure(abortError(this.provider, signal), false, 'aborted by the caller');
      if (timedOut) return new AttemptFailure(timeoutError(this.provider, timeoutMs), true, `timed out after ${timeoutMs} ms`);
      const code = errorCode(cause);
      return new AttemptFailure(connectionError(this.provider, this.#options.baseUrl, code, cause), true, `connection failed${code ? ` (${code})` : ''}`);
    };
    try {
      let currentUrl = url;
      for (let hops = 0; ; hops++) {
        let response: Response;
        try {
          response = await this.#ky(currentUrl, { ...init, signal: controller.signal });
        } catch (cause) {
          throw fail(cause);
        }
        if (redirectStatuses.has(response.status)) {
          await response.body?.cancel().catch(() => {});
          let target: string;
          try {
            target = redirectTarget(currentUrl, response, hops, this.provider);
          } catch (error) {
            throw new AttemptFailure(error as APIError, false, `${response.status}, redirect not followed`);
          }
          this.#options.log.write('debug', `${response.status}: following the redirect to ${loggablePath(target, secrets)}`, secrets);
          currentUrl = target;
          continue;
        }
        let text: string;
        try {
          text = await readBody(response, this.#options.maxResponseBytes);
        } catch (cause) {
          if (cause instanceof BodyTooLargeError) {
            throw new AttemptFailure(tooLargeError(this.provider, cause.limit), false, `${response.status}, body over maxResponseBytes`);
          }
          throw fail(cause);
        }
        return this.#interpret(response, text, secrets);
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  #interpret(response: Response, text: string, secrets: readonly string[]): HttpResponse {
    const provider = this.provider;
    const status = response.status;
    const headers = response.headers;
    if (status >= 200 && status < 300) {
      if (text.trim() === '') return { status, data: undefined, headers };
      try {
        return { status, data: JSON.parse(text), headers };
      } catch {
        throw new AttemptFailure(
          notJsonError(provider, status, snippet(redactText(text, secrets))),
          false,
          `${status}, body not JSON`,
        );
      }
    }
    const body = redactDeep(parseLoose(text), secrets);
    let detail = this.#options.errorDetail(body);
    if (detail === null && typeof body === 'string' && body.trim() !== '' && !body.trimStart().startsWith('<')) {
      detail = snippet(body);
    }
    const retryAfter = retryAfterMs(headers);
    const error = createAPIError({
      provider,
      status,
      requestId: requestIdOf(headers),
      body,
      detail: detail === null ? response.statusText || null : redactText(detail, secrets),
      retryAfterMs: retryAfter,
      keyHint: this.#options.keyHint,
    });
    throw new AttemptFailure(error, retryableStatuses.has(status) || status >= 500, String(status), retryAfter);
  }
}

/** A 4xx answer or the caller's abort is the caller's business (`info`); anything else is an `error`. */
function finalLevel(error: VoiceplaneError): 'info' | 'error' {
  if (error instanceof APIUserAbortError) return 'info';
  if (error instanceof APIError && error.status >= 400 && error.status < 500 && error.status !== 429) return 'info';
  return 'error';
}

function elapsed(startedAt: number): string {
  return `${Math.round(performance.now() - startedAt)} ms`;
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
