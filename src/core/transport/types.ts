import type { RequestLog } from './logger.js';
import type { Limiter } from './limiter.js';

// The transport's shared types, in one file that imports no module of the transport's logic, so that
// no import cycle runs through them.

/** A query parameter's value: arrays repeat the parameter, `null` and `undefined` leave it out. */
export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/** One request as a provider describes it; the transport adds the base URL, auth and the rest. */
export interface HttpRequest {
  /** The HTTP method; POST and PATCH are never retried. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Starts with `/`; joined to the base URL. Build it with the `path` tag so ids are encoded. */
  path: string;
  /** Arrays repeat the parameter; `null` and `undefined` are left out. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * A read the platform takes as a POST (it changes nothing): retried like a GET. Every other POST
   * and PATCH is never sent twice.
   */
  idempotent?: boolean;
}

/** A usable answer: status, parsed body and headers. */
export interface HttpResponse {
  /** The HTTP status. */
  status: number;
  /** The parsed JSON body; `undefined` for an empty body. */
  data: unknown;
  /** The response headers. */
  headers: Headers;
  /**
   * The platform's request id (`x-request-id` and the like), every secret removed (a proxy may echo
   * one back); `null` when it sent none. What `withResponse()`, `Page.requestId` and an uncertain
   * write's message show.
   */
  requestId: string | null;
  /** A copy of the response as received, its body the text read; for `withResponse()`. */
  raw?: () => Response;
}

/** How a platform that can report a failure inside a 2xx answer (`{ success: false, ... }`) says so. */
export interface ReportedFailure {
  /** Whether a parsed 2xx body is the platform's failure report. */
  matches(body: unknown): boolean;
  /** What the caller should check, ending the error's message: e.g. "Nothing was listed; check the parameters." */
  advice: string;
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
  fetch: Fetch | undefined;
  /** Merged into every request's init (checked by `checkFetchOptions`). */
  fetchOptions?: Readonly<Record<string, unknown>> | undefined;
  /** Reads the platform's error envelope into one line, or `null` when the body is not one. */
  errorDetail: (body: unknown) => string | null;
  /** For a platform that reports some failures in a 2xx body: raised as an `APIError` here, like an error status. */
  reportedFailure?: ReportedFailure | undefined;
  /**
   * Whether a 429's parsed body (secrets removed) is the platform's "too many calls at once" answer:
   * it is then raised as a `ConcurrencyLimitError` instead of a plain `RateLimitError`.
   */
  concurrencyLimit?: ((body: unknown) => boolean) | undefined;
  /** Whether an error answer other than a 404 means "no such object": it is then raised as a `NotFoundError`. */
  notFound?: ((status: number, body: unknown) => boolean) | undefined;
  /** Spaces and bounds the attempts of this client; every attempt, retries included, waits here. */
  pacer: Limiter;
  /** Where attempts, retries and failures are logged. */
  log: RequestLog;
}

/**
 * What a custom `fetch` is called with: the URL as text and a plain init. Never a `Request`
 * object, so that a fetch from another copy of undici (npm `undici`'s, used for proxy agents) works.
 */
export interface FetchInit {
  /** The HTTP method. */
  method: string;
  /** Every header, the auth headers included. */
  headers: Record<string, string>;
  /** The JSON text of a write; absent for a read. */
  body?: string;
  /** Aborts the attempt: its timer (`timeoutMs`) or the caller's signal; aborted too once the attempt ended. */
  signal: AbortSignal;
  /** The SDK follows only the redirects it may follow safely, itself. */
  redirect: 'manual';
}

/** What the SDK reads of a custom `fetch`'s answer: a `Response`, the global one or undici's. */
export interface FetchResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The status text. */
  readonly statusText: string;
  /** The response headers. */
  readonly headers: FetchHeaders;
  /** The body stream; `null` for none. */
  readonly body: object | null;
  /** Reads the whole body as text. */
  text(): Promise<string>;
}

/** What the SDK reads of a custom `fetch`'s response headers. */
export interface FetchHeaders {
  /** One header's value, or `null`. */
  get(name: string): string | null;
}

/**
 * A `fetch` to send requests with instead of the global one: `globalThis.fetch`, npm undici's
 * `fetch`, or a wrapper. It is called as `fetch(url, init)`; `fetchOptions` are merged into `init`.
 */
export type Fetch = (url: string, init: FetchInit) => Promise<FetchResponse>;

/**
 * Fetch options merged into every request's init, such as an undici `dispatcher` (an `Agent` or a
 * `ProxyAgent`). `method`, `body`, `headers`, `signal` and `redirect` are the SDK's and refused here.
 */
export interface FetchOptions {
  /** An undici `Dispatcher` (`Agent`, `ProxyAgent`, ...): connection pool, proxy, TLS settings. */
  dispatcher?: unknown;
  /** `RequestInit.keepalive`, passed as given. */
  keepalive?: unknown;
  /** `RequestInit.cache`, passed as given. */
  cache?: unknown;
  /** `RequestInit.credentials`, passed as given (a browser's cookies). */
  credentials?: unknown;
  /** `RequestInit.mode`, passed as given. */
  mode?: unknown;
  /** `RequestInit.priority`, passed as given. */
  priority?: unknown;
  /** `RequestInit.referrer`, passed as given. */
  referrer?: unknown;
  /** `RequestInit.referrerPolicy`, passed as given. */
  referrerPolicy?: unknown;
  /** `RequestInit.integrity`, passed as given. */
  integrity?: unknown;
}
