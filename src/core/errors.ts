/**
 * Every failure a caller can see. One class per HTTP status family, after openai-node, so that
 * `catch (error) { if (error instanceof RateLimitError) ... }` reads like the situation it handles.
 */

export class VoiceplaneError extends Error {
  /** The provider whose call failed; `null` when the failure came before a provider was chosen. */
  readonly provider: string | null;

  constructor(message: string, options: { provider?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.provider = options.provider ?? null;
  }
}

/** Bad input, refused before any request was sent. */
export class InvalidRequestError extends VoiceplaneError {}

/** The operation exists in the neutral API but the chosen provider does not offer it. Nothing was sent. */
export class UnsupportedOperationError extends VoiceplaneError {
  readonly operation: string;

  constructor(message: string, options: { provider: string; operation: string }) {
    super(message, options);
    this.operation = options.operation;
  }
}

/** A problem with a single place in a response. */
export interface ValidationIssue {
  /** Where in the body, e.g. `items.3.created_at`. Empty for the body itself. */
  path: string;
  message: string;
}

/** The platform answered, but not with what it documents. */
export class ResponseValidationError extends VoiceplaneError {
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, options: { provider: string; issues?: readonly ValidationIssue[]; cause?: unknown }) {
    super(message, options);
    this.issues = options.issues ?? [];
  }
}

/** The request was aborted through the caller's `signal`. */
export class APIUserAbortError extends VoiceplaneError {}

/** No response arrived: the connection failed, was reset, or was refused. */
export class APIConnectionError extends VoiceplaneError {}

/** An attempt outlasted its `timeoutMs`, on every attempt allowed. */
export class APIConnectionTimeoutError extends APIConnectionError {}

export interface APIErrorOptions {
  provider: string;
  status: number;
  requestId: string | null;
  body: unknown;
}

/** The platform answered with an error status. */
export class APIError extends VoiceplaneError {
  /** The HTTP status of the response. */
  readonly status: number;
  /** The platform's request id, from the response's request-id header, for its support team. */
  readonly requestId: string | null;
  /** The parsed error body (JSON, or text where the body was not JSON). */
  readonly body: unknown;

  constructor(message: string, options: APIErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.requestId = options.requestId;
    this.body = options.body;
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class UnprocessableEntityError extends APIError {}

export class RateLimitError extends APIError {
  /** How long the platform asked to wait, from `Retry-After` or `retry-after-ms`; `null` if it did not say. */
  readonly retryAfterMs: number | null;

  constructor(message: string, options: APIErrorOptions & { retryAfterMs: number | null }) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

export class InternalServerError extends APIError {
  /** How long the platform asked to wait before trying again (`Retry-After`, `retry-after-ms`); `null` if it did not say. */
  readonly retryAfterMs: number | null;

  constructor(message: string, options: APIErrorOptions & { retryAfterMs?: number | null }) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

type APIErrorClass = new (message: string, options: APIErrorOptions) => APIError;

const classByStatus: Record<number, APIErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
};

const adviceByStatus: Record<number, string> = {
  400: 'Check the parameters sent.',
  401: 'Check the API key.',
  403: 'The API key is valid but lacks permission for this operation.',
  404: 'Check the id: the platform has no such resource.',
  409: 'The resource is in a state that does not allow this change.',
  422: 'Check the values sent: the platform rejected them.',
  429: 'The platform is rate-limiting this key: slow down (see the client option requestsPerSecond).',
};

/** Picks the error class for a status and writes a message that says what happened and what to do. */
export function createAPIError(
  options: APIErrorOptions & { detail: string | null; retryAfterMs: number | null; keyHint: string },
): APIError {
  const { provider, status, requestId, detail, retryAfterMs } = options;
  let advice = adviceByStatus[status] ?? (status >= 500 ? 'The platform failed; try again later.' : '');
  if (status === 401) advice = `Check the API key (${options.keyHint}).`;
  if (retryAfterMs !== null && (status === 429 || (status >= 500 && retryAfterMs > 0))) advice += ` The platform asked to wait ${Math.ceil(retryAfterMs / 1000)} s.`;
  const message =
    `${provider} answered ${status}` +
    (detail ? `: ${detail.replace(/[.\s]+$/, '')}` : '') +
    '.' +
    (advice ? ` ${advice}` : '') +
    (requestId ? ` (request id ${requestId})` : '');
  if (status === 429) return new RateLimitError(message, { ...options, retryAfterMs });
  if (status >= 500) return new InternalServerError(message, { ...options, retryAfterMs });
  const ErrorClass = classByStatus[status] ?? APIError;
  return new ErrorClass(message, options);
}
