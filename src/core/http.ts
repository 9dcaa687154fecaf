import ky from 'ky';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  createAPIError,
  InvalidRequestError,
  ResponseValidationError,
  type VoiceplaneError,
} from './errors.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { redactDeep, redactText } from './redact.js';
import { backoffMs, maxRetryDelayMs, retryAfterMs, sleep } from './retry-delay.js';
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
}

const idempotentMethods = new Set(['GET', 'PUT', 'DELETE']);
const retryableStatuses = new Set([408, 429]);
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 5;
const requestIdHeaders = ['x-request-id', 'request-id', 'x-amzn-requestid'];

/** A failed attempt, and whether the same request may be sent again. */
class AttemptFailure {
  constructor(
    readonly error: VoiceplaneError,
    readonly retryable: boolean,
    readonly delayMs: number | null = null,
  ) {}
}

/**
 * The one HTTP transport: every request of every adapter goes through `request`, which adds the
 * auth headers, times each attempt with its own timer, retries what is safe to retry, follows
 * same-origin redirects only, caps the body size, and turns every failure into a `VoiceplaneError`
 * in which no key appears.
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

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw this.#abortError(signal);
      try {
        return await this.#attempt(url, { method: request.method, headers, body }, timeoutMs, signal, secrets);
      } catch (failure) {
        if (!(failure instanceof AttemptFailure)) throw failure;
        const triesLeft = retryable && failure.retryable && attempt < maxRetries;
        if (!triesLeft) throw withAttempts(failure.error, attempt + 1);
        const delay = failure.delayMs ?? backoffMs(attempt);
        if (delay > maxRetryDelayMs) throw withAttempts(failure.error, attempt + 1);
        try {
          await sleep(delay, signal);
        } catch {
          throw this.#abortError(signal!);
        }
      }
    }
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
      if (signal?.aborted) return new AttemptFailure(this.#abortError(signal), false);
      if (timedOut) return new AttemptFailure(this.#timeoutError(timeoutMs), true);
      return new AttemptFailure(this.#connectionError(cause), true);
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
          currentUrl = this.#redirectTarget(currentUrl, response, hops);
          continue;
        }
        let text: string;
        try {
          text = await readBody(response, this.#options.maxResponseBytes);
        } catch (cause) {
          if (cause instanceof BodyTooLargeError) throw new AttemptFailure(this.#tooLargeError(cause.limit), false);
          throw fail(cause);
        }
        return this.#interpret(response, text, secrets);
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  #redirectTarget(from: string, response: Response, hops: number): string {
    const provider = this.provider;
    const location = response.headers.get('location');
    const target = location === null ? null : safeUrl(location, from);
    const origin = new URL(from).origin;
    const base = { provider, status: response.status, requestId: requestIdOf(response.headers), body: null };
    if (target === null) {
      throw new AttemptFailure(new APIError(`${provider} answered ${response.status} without a usable Location header.`, base), false);
    }
    if (target.origin !== origin) {
      throw new AttemptFailure(
        new APIError(
          `${provider} redirected the request to another origin (${target.origin}); voiceplane does not follow it, ` +
            `so that the API key is never sent there. If the platform has moved, set baseUrl to the new address.`,
          base,
        ),
        false,
      );
    }
    if (hops >= maxRedirects) {
      throw new AttemptFailure(new APIError(`${provider} redirected more than ${maxRedirects} times; stopped.`, base), false);
    }
    return target.href;
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
          new ResponseValidationError(
            `${provider} answered ${status} with a body that is not JSON (it begins "${snippet(redactText(text, secrets))}"). ` +
              'Check that baseUrl points at the API and not at a web page or proxy.',
            { provider, issues: [{ path: '', message: 'not JSON' }] },
          ),
          false,
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
    throw new AttemptFailure(error, retryableStatuses.has(status) || status >= 500, retryAfter);
  }

  #abortError(signal: AbortSignal): APIUserAbortError {
    return new APIUserAbortError(`${this.provider}: the request was aborted by the caller's signal.`, {
      provider: this.provider,
      cause: signal.reason,
    });
  }

  #timeoutError(timeoutMs: number): APIConnectionTimeoutError {
    return new APIConnectionTimeoutError(
      `${this.provider} did not answer within ${timeoutMs} ms. Raise timeoutMs, or try again later.`,
      { provider: this.provider },
    );
  }

  #connectionError(cause: unknown): APIConnectionError {
    const code = errorCode(cause);
    return new APIConnectionError(
      `${this.provider}: the connection to ${this.#options.baseUrl} failed${code ? ` (${code})` : ''}. ` +
        'Check the network and baseUrl, then try again.',
      { provider: this.provider, cause },
    );
  }

  #tooLargeError(limit: number): ResponseValidationError {
    return new ResponseValidationError(
      `${this.provider} sent a response larger than maxResponseBytes (${limit} bytes); it was not read further. ` +
        'Ask for smaller pages (a lower limit) or raise maxResponseBytes.',
      { provider: this.provider, issues: [{ path: '', message: 'body too large' }] },
    );
  }
}

function withAttempts<E extends VoiceplaneError>(error: E, attempts: number): E {
  if (attempts > 1) error.message += ` (${attempts} attempts)`;
  return error;
}

function checkTimeout(value: unknown, provider: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidRequestError(`${provider}: timeoutMs must be a positive number of milliseconds (got ${String(value)}).`, {
      provider,
    });
  }
}

function checkRetries(value: unknown, provider: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidRequestError(`${provider}: maxRetries must be a whole number, 0 or more (got ${String(value)}).`, {
      provider,
    });
  }
}

function requestIdOf(headers: Headers): string | null {
  for (const name of requestIdHeaders) {
    const value = headers.get(name);
    if (value) return value;
  }
  return null;
}

function parseLoose(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}

function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}

function safeUrl(location: string, base: string): URL | null {
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}

function errorCode(cause: unknown): string | null {
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
