/**
 * Every failure a caller can see. One class per HTTP status family, after openai-node, so that
 * `catch (error) { if (error instanceof RateLimitError) ... }` reads like the situation it handles.
 *
 * One error identity across copies: the ESM and the CommonJS builds each hold their own classes, and
 * an application can load both (its code imports `voiceplane`, a dependency requires it). Each class
 * marks its prototype with a symbol from the global registry, `Symbol.for('voiceplane.error.<Name>')`,
 * and `instanceof` asks for that mark, so an error thrown by one copy is an instance of the other
 * copy's classes, with the subclass relations kept (a `NotFoundError` is an `APIError`, not a
 * `RateLimitError`).
 */

/** Where a class keeps the mark its instances carry: own to the class, never inherited. */
const classMarkKey = Symbol.for('voiceplane.error.mark');

/**
 * Gives an error class its cross-copy identity: its instances, and those of its subclasses, from any
 * copy of the package, pass `instanceof` it. `name` is the class's public name, fixed here so that a
 * minifier renaming the class does not change it.
 */
export function brandErrorClass(errorClass: abstract new (...args: never[]) => VoiceplaneError, name: string): void {
  const mark = Symbol.for(`voiceplane.error.${name}`);
  Object.defineProperty(errorClass, classMarkKey, { value: mark });
  Object.defineProperty(errorClass, classNameKey, { value: name });
  Object.defineProperty(errorClass.prototype, mark, { value: true });
}

/** Where a branded class keeps its public name: a user's bundler may minify `NotFoundError` into `s`. */
const classNameKey = Symbol.for('voiceplane.error.name');

/**
 * Every failure the SDK raises: `provider` says which platform, the message what happened and what
 * to do. `instanceof` works across the ESM and CommonJS builds loaded in one process.
 */
export class VoiceplaneError extends Error {
  /** The provider whose call failed; `null` when the failure came before a provider was chosen. */
  readonly provider: string | null;
  /**
   * The campaign a failed `campaigns.create` did create (its read-back or start failed), so that it
   * is found rather than created again. Present only on such a failure.
   */
  declare readonly campaignId?: string;

  constructor(message: string, options: { provider?: string | null; cause?: unknown; campaignId?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // The branded name, own to the class; a caller's own subclass keeps its class name.
    this.name = Object.hasOwn(new.target, classNameKey) ? (new.target as unknown as Record<symbol, string>)[classNameKey]! : new.target.name;
    this.provider = options.provider ?? null;
    if (options.campaignId !== undefined) Object.defineProperty(this, 'campaignId', { value: options.campaignId, enumerable: true });
  }

  /**
   * `error instanceof SomeError` holds for errors of this copy of the package and of any other copy
   * (ESM and CommonJS builds loaded together). A class without its own mark (a caller's subclass)
   * keeps the ordinary prototype check.
   */
  static override [Symbol.hasInstance](instance: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, instance)) return true;
    if (typeof instance !== 'object' || instance === null || !Object.hasOwn(this, classMarkKey)) return false;
    const mark = (this as unknown as Record<symbol, symbol>)[classMarkKey]!;
    return (instance as Record<symbol, unknown>)[mark] === true;
  }
}

/** Bad input, refused before any request was sent. */
export class InvalidRequestError extends VoiceplaneError {}

/** The operation exists in the neutral API but the chosen provider does not offer it. Nothing was sent. */
export class UnsupportedOperationError extends VoiceplaneError {
  /** The operation the provider does not offer, e.g. `campaigns.cancel`. */
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
  /** What was wrong there. */
  message: string;
}

/** The platform answered, but not with what it documents. */
export class ResponseValidationError extends VoiceplaneError {
  /** Each problem found (the first ten). */
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

/** What an `APIError` is made of. */
export interface APIErrorOptions {
  /** The provider that answered. */
  provider: string;
  /** The HTTP status of the answer. */
  status: number;
  /** The platform's request id, where it sent one. */
  requestId: string | null;
  /** The parsed error body. */
  body: unknown;
  /** The failure this one explains further, where there is one. */
  cause?: unknown;
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

/**
 * A 429 that says the account has too many calls in flight at once (the platform's concurrency
 * limit), as opposed to too many requests: waiting for calls to end, not slowing down, frees it.
 */
export class ConcurrencyLimitError extends RateLimitError {}

export class InternalServerError extends APIError {
  /** How long the platform asked to wait before trying again (`Retry-After`, `retry-after-ms`); `null` if it did not say. */
  readonly retryAfterMs: number | null;

  constructor(message: string, options: APIErrorOptions & { retryAfterMs?: number | null }) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/**
 * A campaign create that did half its work: the platform created the campaign, but the request that
 * starts it failed (Vogent creates its batch dial jobs stopped). The campaign exists and places no
 * call; `campaignId` names it, so that it can be started (`campaigns.resume(campaignId)`) or left
 * alone rather than created again. `cause` is the start's own error.
 */
export class CampaignStartError extends VoiceplaneError {
  /** The id of the campaign that was created but not started (set by `VoiceplaneError`). */
  declare readonly campaignId: string;

  constructor(message: string, options: { provider: string; campaignId: string; cause?: unknown }) {
    super(message, options);
  }
}

/** Why a webhook was refused. */
export type WebhookVerificationReason =
  | 'missing-header'
  | 'malformed-header'
  | 'timestamp-outside-tolerance'
  | 'signature-mismatch'
  /** The platform cannot be told (no signature header, no path), or no secret is configured for it. */
  | 'unknown-provider';

/**
 * A webhook request that does not prove it came from the platform: its signature or secret header
 * is missing, malformed, stale or wrong. Answer it with 401 and do not act on its body.
 */
export class WebhookVerificationError extends VoiceplaneError {
  /** What failed, for logs and metrics. */
  readonly reason: WebhookVerificationReason;

  constructor(message: string, options: { provider: string; reason: WebhookVerificationReason }) {
    super(message, options);
    this.reason = options.reason;
  }
}

/** Why a webhook body was refused after its origin was checked (or before, for its size). */
export type WebhookPayloadReason = 'body-too-large' | 'invalid-json' | 'invalid-payload';

/**
 * A webhook request whose body cannot be used: larger than the limit (refused before it is read
 * whole), not JSON, or JSON that is not the platform's documented shape. Answer 413 for
 * `body-too-large`, else 400; the message names what was wrong, never a secret.
 */
export class WebhookPayloadError extends VoiceplaneError {
  /** What was wrong, for logs and metrics. */
  readonly reason: WebhookPayloadReason;

  constructor(message: string, options: { provider: string | null; reason: WebhookPayloadReason; cause?: unknown }) {
    super(message, options);
    this.reason = options.reason;
  }
}

// The marks, one per public class, named as the package exports them.
const brandedClasses: ReadonlyArray<readonly [abstract new (...args: never[]) => VoiceplaneError, string]> = [
  [VoiceplaneError, 'VoiceplaneError'],
  [InvalidRequestError, 'InvalidRequestError'],
  [UnsupportedOperationError, 'UnsupportedOperationError'],
  [ResponseValidationError, 'ResponseValidationError'],
  [APIUserAbortError, 'APIUserAbortError'],
  [APIConnectionError, 'APIConnectionError'],
  [APIConnectionTimeoutError, 'APIConnectionTimeoutError'],
  [APIError, 'APIError'],
  [BadRequestError, 'BadRequestError'],
  [AuthenticationError, 'AuthenticationError'],
  [PermissionDeniedError, 'PermissionDeniedError'],
  [NotFoundError, 'NotFoundError'],
  [ConflictError, 'ConflictError'],
  [UnprocessableEntityError, 'UnprocessableEntityError'],
  [RateLimitError, 'RateLimitError'],
  [ConcurrencyLimitError, 'ConcurrencyLimitError'],
  [InternalServerError, 'InternalServerError'],
  [WebhookVerificationError, 'WebhookVerificationError'],
  [WebhookPayloadError, 'WebhookPayloadError'],
  [CampaignStartError, 'CampaignStartError'],
];
for (const [errorClass, name] of brandedClasses) brandErrorClass(errorClass, name);
