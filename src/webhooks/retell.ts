import { WebhookVerificationError } from '../core/errors.js';
import {
  bodyBytes,
  checkFreshness,
  checkOptions,
  checkSecret,
  checkTolerance,
  concatBytes,
  currentTimeMs,
  mismatch,
  readHeader,
  type VerifiedWebhook,
  type WebhookBody,
  type WebhookHeaders,
} from './request-parts.js';
import { constantTimeEqual, hexBytes, hmac } from './web-crypto.js';

/** The header in which Retell signs every webhook request. */
export const retellSignatureHeader = 'x-retell-signature';

/** `v=<epoch milliseconds>,d=<HMAC-SHA256, 64 hex digits>`: the whole value, nothing around it. */
const signaturePattern = /^v=(\d{1,16}),d=([0-9a-fA-F]{64})$/;

/** What `verifyRetellWebhook` checks: the raw body, its headers, and the key Retell signs with. */
export interface VerifyRetellWebhookOptions {
  /** The raw request body, exactly as received (not `JSON.stringify` of a parsed body). */
  body: WebhookBody;
  /** The request's headers; `x-retell-signature` is read from them. */
  headers: WebhookHeaders;
  /** The Retell API key that has the webhook badge in the dashboard: Retell signs with that key only. */
  apiKey: string;
  /** How far the signed time may be from the clock, either way. Default 5 minutes, as Retell documents. */
  toleranceMs?: number;
  /** The clock, for tests: a Date or epoch milliseconds. Default: now. */
  now?: Date | number;
}

/**
 * Checks that a webhook request was signed by Retell, and resolves with when it was signed; rejects
 * with a `WebhookVerificationError` (answer 401) when it was not, and an `InvalidRequestError` for bad options.
 *
 * Retell's scheme, as its documentation ("Secure the webhook", https://docs.retellai.com/features/secure-webhook)
 * and its SDKs (retell-typescript-sdk `src/lib/webhook_auth.ts`, retell-python-sdk
 * `src/retell/lib/webhook_auth.py`) define it:
 * - the `x-retell-signature` header is `v={timestamp},d={hex digest}`, the timestamp in Unix
 *   milliseconds;
 * - the digest is HMAC-SHA256, keyed with the API key that has the webhook badge, of the raw body
 *   followed directly by the timestamp's digits (no separator);
 * - a timestamp more than 5 minutes from the current time, either way, is refused.
 *
 * The digest is compared in constant time, with Web Crypto (`globalThis.crypto.subtle`), so this
 * runs on Node, Bun, Deno, edge runtimes and in browser bundles; it resolves once the HMAC is
 * computed. Unlike `retell-sdk`'s own `verify`, which resolves `false` whatever went wrong, a
 * refusal says why (`error.reason`), and the body may be the received bytes as well as a string.
 */
export async function verifyRetellWebhook(options: VerifyRetellWebhookOptions): Promise<VerifiedWebhook> {
  const provider = 'retell';
  checkOptions(provider, 'verifyRetellWebhook', options);
  const apiKey = checkSecret(provider, 'apiKey', options.apiKey, 'the Retell API key that has the webhook badge');
  const body = bodyBytes(provider, options.body);
  const toleranceMs = checkTolerance(provider, options.toleranceMs);
  const nowMs = currentTimeMs(provider, options.now);
  const header = readHeader(provider, options.headers, retellSignatureHeader);
  const parts = signaturePattern.exec(header);
  if (parts === null) {
    throw new WebhookVerificationError(
      `The ${retellSignatureHeader} header is not of the form v=<timestamp in ms>,d=<64 hex digits>.`,
      { provider, reason: 'malformed-header' },
    );
  }
  const [, timestamp, digest] = parts as unknown as [string, string, string];
  const signedAtMs = Number(timestamp);
  checkFreshness(provider, signedAtMs, nowMs, toleranceMs);
  const encoder = new TextEncoder();
  const expected = await hmac(provider, 'sha256', encoder.encode(apiKey), concatBytes([body, encoder.encode(timestamp)]));
  if (!constantTimeEqual(expected, hexBytes(digest))) {
    throw mismatch(
      provider,
      'check that options.apiKey is the Retell API key with the webhook badge, and that options.body is the raw body as received.',
    );
  }
  return { provider, timestamp: new Date(signedAtMs) };
}
