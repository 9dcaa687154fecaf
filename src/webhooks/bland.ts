import { WebhookVerificationError } from '../core/errors.js';
import { bodyBytes, checkOptions, checkSecret, mismatch, readHeader, type WebhookBody, type WebhookHeaders } from './request-parts.js';
import { constantTimeEqual, hexBytes, hmac } from './web-crypto.js';

/** The header in which Bland signs a webhook once the account has a webhook signing secret. */
export const blandSignatureHeader = 'x-webhook-signature';

/** What `verifyBlandWebhook` checks: the raw body, its headers and the account's webhook signing secret. */
export interface VerifyBlandWebhookOptions {
  /** The raw request body, exactly as received. */
  body: WebhookBody;
  /** The request's headers; `X-Webhook-Signature` is read from them. */
  headers: WebhookHeaders;
  /** The webhook signing secret from Bland's dashboard (Account Settings, Keys). */
  secret: string;
}

/** What a verified Bland request tells: the platform, and no timestamp (Bland signs none). */
export interface VerifiedBlandWebhook {
  /** Always `'bland'`. */
  provider: 'bland';
  /** Always `null`: Bland's signature covers the body only, so a replay cannot be told by time. */
  timestamp: null;
}

/**
 * Checks a webhook Bland signed: `X-Webhook-Signature` is the hex HMAC-SHA256 of the raw body
 * under the account's webhook signing secret (Bland's "Webhook Signing" guide), compared in
 * constant time. Bland signs no timestamp, so a recorded request can be replayed: deduplicate by
 * the call id. Resolves with `{ provider, timestamp: null }`.
 */
export async function verifyBlandWebhook(options: VerifyBlandWebhookOptions): Promise<VerifiedBlandWebhook> {
  const provider = 'bland';
  checkOptions(provider, 'verifyBlandWebhook', options);
  const secret = checkSecret(provider, 'secret', options.secret, "the webhook signing secret from Bland's dashboard");
  const body = bodyBytes(provider, options.body);
  const header = readHeader(provider, options.headers, blandSignatureHeader);
  if (!/^(?:[0-9a-fA-F]{2}){32}$/.test(header)) {
    throw new WebhookVerificationError(`The ${blandSignatureHeader} header is not a hex HMAC-SHA256 digest (64 hex digits).`, {
      provider,
      reason: 'malformed-header',
    });
  }
  const expected = await hmac(provider, 'sha256', new TextEncoder().encode(secret), body);
  if (!constantTimeEqual(expected, hexBytes(header))) {
    throw mismatch(provider, "check that the secret is Bland's current webhook signing secret, and that the body is the raw body as received.");
  }
  return { provider, timestamp: null };
}
