import { WebhookVerificationError } from '../core/errors.js';
import { webhookFutureToleranceMs, webhookPastToleranceMs } from '../providers/elevenlabs/wire-assumptions.js';
import { bodyBytes, checkSecret, checkTolerance, concatBytes, currentTimeMs, mismatch, readHeader, type WebhookBody, type WebhookHeaders } from './request-parts.js';

/** The header in which ElevenLabs signs every webhook request. */
export const elevenLabsSignatureHeader = 'elevenlabs-signature';

/** `t=<unix seconds>,v0=<HMAC-SHA256, 64 hex digits>`. */
const signaturePattern = /^t=(\d{1,12}),v0=([0-9a-fA-F]{64})$/;

/** What `verifyElevenLabsWebhook` checks: the raw body, its headers, and the webhook's secret. */
export interface VerifyElevenLabsWebhookOptions {
  /** The raw request body, exactly as received (not `JSON.stringify` of a parsed body). */
  body: WebhookBody;
  /** The request's headers; `ElevenLabs-Signature` is read from them. */
  headers: WebhookHeaders;
  /** The webhook's HMAC secret, shown by ElevenLabs when the webhook is created. */
  secret: string;
  /** How old the signature may be. Default 30 minutes, as ElevenLabs' docs and SDK check. */
  toleranceMs?: number;
  /** How far in the future the signed time may be (clock skew). Default 5 minutes. */
  futureToleranceMs?: number;
  /** The clock, for tests: a Date or epoch milliseconds. Default: now. */
  now?: Date | number;
}

/** What a verified ElevenLabs webhook carried. */
export interface VerifiedElevenLabsWebhook {
  /** The platform whose signature the request carried. */
  provider: 'elevenlabs';
  /** When ElevenLabs signed the request. */
  timestamp: Date;
}

/**
 * Checks that a webhook request was signed by ElevenLabs, and returns when it was signed; rejects
 * with a `WebhookVerificationError` (answer 401) when it was not, and an `InvalidRequestError` for
 * bad options. Web Crypto only (`crypto.subtle`), so it runs in Node, Bun, Deno and edge runtimes.
 *
 * ElevenLabs' scheme (docs: "HMAC authentication" of webhooks; SDK `wrapper/webhooks`): the
 * `ElevenLabs-Signature` header is `t=<unix seconds>,v0=<hex>`, where the hex is
 * HMAC-SHA256(secret, `<t>.<raw body>`). A `t` older than 30 minutes is refused, as the docs and
 * the SDK do; a `t` more than 5 minutes ahead is refused too (the SDK does not check it). The
 * digest is compared in constant time (the SDK compares with `!==`).
 */
export async function verifyElevenLabsWebhook(options: VerifyElevenLabsWebhookOptions): Promise<VerifiedElevenLabsWebhook> {
  const provider = 'elevenlabs';
  const secret = checkSecret(provider, 'secret', options.secret, "the webhook's HMAC secret from ElevenLabs");
  const body = bodyBytes(provider, options.body);
  const pastMs = options.toleranceMs === undefined ? webhookPastToleranceMs : checkTolerance(provider, options.toleranceMs);
  const futureMs = options.futureToleranceMs === undefined ? webhookFutureToleranceMs : checkTolerance(provider, options.futureToleranceMs);
  const nowMs = currentTimeMs(provider, options.now);
  const header = readHeader(provider, options.headers, elevenLabsSignatureHeader);
  const parts = signaturePattern.exec(header);
  if (parts === null) {
    throw new WebhookVerificationError(`The ElevenLabs-Signature header is not of the form t=<unix seconds>,v0=<64 hex digits>.`, {
      provider,
      reason: 'malformed-header',
    });
  }
  const [, timestamp, digest] = parts as unknown as [string, string, string];
  const signedAtMs = Number(timestamp) * 1000;
  const skewMs = nowMs - signedAtMs;
  if (skewMs > pastMs || -skewMs > futureMs) {
    const when = skewMs > 0 ? `${Math.round(skewMs / 1000)} s ago` : `${Math.round(-skewMs / 1000)} s in the future`;
    throw new WebhookVerificationError(
      `The webhook was signed ${when}, outside the window (${Math.round(pastMs / 1000)} s back, ${Math.round(futureMs / 1000)} s ahead): ` +
        'a replayed request, or a server clock that is off (check NTP).',
      { provider, reason: 'timestamp-outside-tolerance' },
    );
  }
  const encoder = new TextEncoder();
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, new Uint8Array(concatBytes([encoder.encode(`${timestamp}.`), body]))));
  if (!constantTimeEqual(expected, hexBytes(digest))) {
    throw mismatch(provider, "check that options.secret is this webhook's HMAC secret in ElevenLabs, and that options.body is the raw body as received.");
  }
  return { provider, timestamp: new Date(signedAtMs) };
}

/** The bytes of an even-length hex text (already checked by the pattern). */
function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++) bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

/** Compares two digests without stopping at the first difference; digests of different lengths differ. */
function constantTimeEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) difference |= left[index]! ^ right[index]!;
  return difference === 0;
}
