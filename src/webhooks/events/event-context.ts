import { ResponseValidationError, WebhookPayloadError } from '../../core/errors.js';
import { parseWire } from '../../core/kit/validate.js';
import type { WireSchema } from '../../core/contract/provider-contract.js';
import type { WebhookProvider, WebhookVerification } from '../call-event.js';

/** What a platform's event reader knows besides the body. */
export interface EventContext {
  /** How the request's origin was checked. */
  verification: WebhookVerification;
  /** When the platform signed the request, where its scheme says. */
  signedAt: Date | null;
  /** When the request was parsed. */
  receivedAt: Date;
  /** The country of national numbers (Bland). */
  defaultCountry: string | null;
}

/** A JSON object, or `null` for anything else. */
export function objectOrNull(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The body's shape is not the platform's documented one. */
export function invalidPayload(provider: WebhookProvider, what: string, cause?: unknown): WebhookPayloadError {
  return new WebhookPayloadError(`The ${provider} webhook body is not the documented shape: ${what}. Answer 400; the platform may have changed its payload.`, {
    provider,
    reason: 'invalid-payload',
    cause,
  });
}

/** The wire call checked against the calls adapter's own schema; a mismatch is the webhook's `invalid-payload`. */
export function checkedWire<Value>(provider: WebhookProvider, schema: WireSchema<Value>, wire: unknown, what: string): Value {
  try {
    return parseWire(schema, wire, provider, what);
  } catch (error) {
    if (error instanceof ResponseValidationError) throw invalidPayload(provider, error.message, error);
    throw error;
  }
}

/** The fields every event carries. */
export function eventBase<P extends WebhookProvider>(provider: P, context: EventContext, raw: Record<string, unknown>) {
  return { provider, verification: context.verification, verified: context.verification !== 'none', raw };
}
