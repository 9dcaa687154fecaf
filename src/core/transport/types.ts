import type { RequestLog } from './logger.js';
import type { Pacer } from './pacer.js';

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
}

/** A usable answer: status, parsed body and headers. */
export interface HttpResponse {
  /** The HTTP status. */
  status: number;
  /** The parsed JSON body; `undefined` for an empty body. */
  data: unknown;
  /** The response headers. */
  headers: Headers;
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
  fetch: typeof globalThis.fetch | undefined;
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
  pacer: Pacer;
  /** Where attempts, retries and failures are logged. */
  log: RequestLog;
}
