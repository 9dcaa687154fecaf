import ky from 'ky';
import { AttemptFailure } from './attempt-failure.js';
import { sendAttempt } from './attempt.js';
import { fetchAdapter } from './fetch-adapter.js';
import { APIConnectionError, APIError, APIUserAbortError, NotFoundError, VoiceplaneError, type ResponseValidationError } from '../errors.js';
import { loggableHeaders, loggablePath, type RequestLog } from './logger.js';
import { PacerAbort, type Release } from './pacing.js';
import { secretForms } from './redact.js';
import { backoffMs, maxRetryDelayMs, sleep } from './retry-delay.js';
import { abortError, checkRetries, checkTimeout, unexpectedError, withAttempts, withEarlierDelete } from './transport-errors.js';
import type { RequestOptions } from '../types.js';
import type { HttpRequest, HttpResponse, TransportOptions } from './types.js';

export type { HttpRequest, HttpResponse, QueryValue, ReportedFailure, TransportOptions } from './types.js';

const idempotentMethods = new Set(['GET', 'PUT', 'DELETE']);

/** What every request derives from the key in force. */
interface Credentials {
  secrets: readonly string[];
  authHeaders: Readonly<Record<string, string>>;
}

/** What the last guard of `request` needs to know about a request that failed in an unexpected way. */
interface Progress {
  /** Whether an attempt was handed to fetch. */
  sent: boolean;
  secrets: readonly string[];
}

/**
 * The one HTTP transport: every request of every adapter goes through `request`, which waits for
 * its turn in the client's pacer, adds the auth headers, times each attempt with its own timer,
 * retries what is safe to retry, follows the redirects it may follow, caps the body size, logs each
 * attempt without secrets, and turns every failure into a `VoiceplaneError` in which no key appears.
 */
export class Transport {
  readonly provider: string;
  readonly #options: TransportOptions;
  readonly #ky: typeof ky;
  #secretsCache: { apiKey: string; secrets: readonly string[] } | undefined;

  constructor(options: TransportOptions) {
    this.provider = options.provider;
    this.#options = options;
    this.#ky = ky.create({
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      redirect: 'manual',
      ...(options.fetch || options.fetchOptions ? { fetch: fetchAdapter(options.fetch, options.fetchOptions) } : {}),
    });
  }

  async request(request: HttpRequest, requestOptions: RequestOptions = {}): Promise<HttpResponse> {
    const progress: Progress = { sent: false, secrets: [] };
    try {
      return await this.#send(request, requestOptions, progress);
    } catch (caught) {
      if (caught instanceof VoiceplaneError) throw caught;
      // The last guard: a bug in the SDK, an adapter or an option (a logger, a fetch) must still
      // reach the caller as a VoiceplaneError, with no secret in it.
      const error = unexpectedError(this.provider, caught, progress.sent, progress.secrets);
      const path = loggablePath(this.#options.baseUrl + request.path, progress.secrets);
      this.#options.log.write('error', `${request.method} ${path} failed: ${error.message}`, progress.secrets);
      throw error;
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

  async #send(request: HttpRequest, requestOptions: RequestOptions, progress: Progress): Promise<HttpResponse> {
    const provider = this.provider;
    const { pacer, log } = this.#options;
    const timeoutMs = requestOptions.timeoutMs ?? this.#options.timeoutMs;
    const maxRetries = requestOptions.maxRetries ?? this.#options.maxRetries;
    checkTimeout(timeoutMs, provider);
    checkRetries(maxRetries, provider);
    const signal = requestOptions.signal;
    const { secrets, authHeaders } = this.#credentials(progress);
    const url = this.#url(request);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.#options.headers,
      ...requestOptions.headers,
      ...authHeaders,
    };
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      // A BigInt or a cycle throws here: the last guard of `request` makes it an InvalidRequestError.
      body = JSON.stringify(request.body);
    }
    const retryable = idempotentMethods.has(request.method);
    const attemptsAllowed = retryable ? maxRetries + 1 : 1;
    const line = log.enabled('error') ? `${request.method} ${loggablePath(url, secrets)}` : '';

    // Whether an attempt before this one may have reached the platform and acted without its answer arriving.
    let answerLost = false;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortError(provider, signal);
      const counted = `attempt ${attempt + 1} of ${attemptsAllowed}`;
      const queuedAt = performance.now();
      let release: Release;
      try {
        release = await pacer.acquire(signal);
      } catch (caught) {
        if (!(caught instanceof PacerAbort)) throw caught;
        log.write('info', `${line} aborted by the caller while waiting for its turn (${counted})`, secrets);
        throw abortError(provider, signal!);
      }
      const startedAt = performance.now();
      if (log.enabled('debug')) {
        const waited = startedAt - queuedAt >= 1 ? `, after waiting ${Math.round(startedAt - queuedAt)} ms for its turn` : '';
        log.write('debug', `${line} sending (${counted}${waited}); headers ${loggableHeaders(headers, secrets)}`, secrets);
      }
      let failure: AttemptFailure;
      let delay: number;
      try {
        progress.sent = true;
        const response = await sendAttempt(
          { url, method: request.method, headers, body, timeoutMs, signal, secrets },
          this.#options,
          this.#ky,
        );
        pacer.answered();
        // Guarded: the line costs a few µs a request to build, and debug logging is usually off.
        if (log.enabled('debug')) log.write('debug', `${line} -> ${response.status} in ${elapsed(startedAt)} (${counted})`, secrets);
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
        if (request.method === 'DELETE' && answerLost && failure.error instanceof NotFoundError) withEarlierDelete(failure.error);
        throw withAttempts(failure.error, attempt + 1);
      }
      answerLost ||= failure.error instanceof APIConnectionError || (failure.error instanceof APIError && failure.error.status >= 500);
      log.write('warn', `${result}; retrying in ${Math.round(delay)} ms`, secrets);
      try {
        await sleep(delay, signal);
      } catch {
        log.write('info', `${line} aborted by the caller while waiting to retry`, secrets);
        throw abortError(provider, signal!);
      }
    }
  }

  /**
   * The key's forms to redact, worked out again only when the key changes (a key option may be a
   * function that rotates it). The auth headers are asked for at every request: a provider may sign
   * each one.
   */
  #credentials(progress: Progress): Credentials {
    const apiKey = this.#options.apiKey();
    let secrets = this.#secretsCache?.apiKey === apiKey ? this.#secretsCache.secrets : undefined;
    if (!secrets) {
      secrets = secretForms(apiKey);
      this.#secretsCache = { apiKey, secrets };
    }
    // Known before the headers are built, so that a header that cannot be built is reported without the key.
    progress.secrets = secrets;
    return { secrets, authHeaders: this.#options.authHeaders(apiKey) };
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
