import { describeValue } from '../core/kit/describe-value.js';
import { InvalidRequestError, WebhookVerificationError } from '../core/errors.js';
import { dateFromIso } from '../core/kit/dates.js';
import {
  bodyBytes,
  checkFreshness,
  checkHeaderName,
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
import { base64Bytes, constantTimeEqual, hexBytes, hmac, tokensEqual } from './web-crypto.js';

// Vapi documents three ways a server URL can authenticate Vapi's requests ("Server authentication",
// https://docs.vapi.ai/server-url/server-authentication): a token sent verbatim in a header (the
// legacy inline `server.secret`, sent as `X-Vapi-Secret`, and the Bearer Token credential, sent as
// `Authorization: Bearer <token>` or in a header of your choice), an OAuth 2.0 token (checked by
// your OAuth server, not here), and an HMAC credential whose settings are Vapi's
// `HMACAuthenticationPlan` (API reference, credential endpoints): `algorithm`, `signatureHeader`
// (default `x-signature`), `timestampHeader` (default `x-timestamp`), `signaturePrefix`,
// `includeTimestamp` (default true), `payloadFormat` (default `{timestamp}.{body}`),
// `messageIdHeader`, `signatureEncoding` (`hex` default, or `base64`) and `secretIsBase64`.

/** The header of Vapi's legacy `server.secret`, kept by a Bearer Token credential named so. */
export const vapiSecretHeader = 'x-vapi-secret';

/** What `verifyVapiWebhook` checks: the headers and the secret token Vapi sends as is. */
export interface VerifyVapiWebhookOptions {
  /** The request's headers. */
  headers: WebhookHeaders;
  /** The token configured in Vapi: the server's `secret`, or the Bearer Token credential's token. */
  secret: string;
  /** The header that carries it. Default `x-vapi-secret`; `authorization` for a standard Bearer Token credential. */
  headerName?: string;
  /** Whether the header value is `Bearer <token>` (the credential's "Include Bearer Prefix"). Default false. */
  bearerPrefix?: boolean;
}

/**
 * Checks the token Vapi sends verbatim with each request to your server URL, in time that does not
 * depend on either token's length or content; rejects with a `WebhookVerificationError` when it is
 * missing or wrong. This scheme proves knowledge of
 * the token but signs nothing: it does not protect the body or stop a replay (the HMAC credential,
 * `verifyVapiHmacWebhook`, does).
 */
export async function verifyVapiWebhook(options: VerifyVapiWebhookOptions): Promise<VerifiedWebhook> {
  const provider = 'vapi';
  checkOptions(provider, 'verifyVapiWebhook', options);
  const secret = checkSecret(provider, 'secret', options.secret, 'the token configured as the server secret or credential in Vapi');
  const headerName = checkHeaderName(provider, 'headerName', options.headerName ?? vapiSecretHeader);
  let token = readHeader(provider, options.headers, headerName);
  if (options.bearerPrefix === true) {
    const bearer = /^Bearer\s+(\S.*)$/i.exec(token);
    if (bearer === null) {
      throw new WebhookVerificationError(`The ${headerName} header does not start with "Bearer ".`, { provider, reason: 'malformed-header' });
    }
    token = bearer[1]!;
  }
  if (!(await tokensEqual(provider, secret, token))) {
    throw mismatch(provider, `the ${headerName} header does not carry the token configured in Vapi; check options.secret.`);
  }
  return { provider, timestamp: null };
}

/** What `verifyVapiHmacWebhook` checks: the raw body, its headers, and the settings of Vapi's HMAC credential. */
export interface VerifyVapiHmacWebhookOptions {
  /** The raw request body, exactly as received. */
  body: WebhookBody;
  /** The request's headers. */
  headers: WebhookHeaders;
  /** The credential's secret key. */
  secret: string;
  /** The credential's algorithm (Vapi requires one; no default is assumed). */
  algorithm: 'sha256' | 'sha512' | 'sha1';
  /** The credential's `signatureHeader`. Default `x-signature`. */
  signatureHeader?: string;
  /** The credential's `timestampHeader`. Default `x-timestamp`. */
  timestampHeader?: string;
  /** The credential's `signaturePrefix`, e.g. `sha256=`. Default none. */
  signaturePrefix?: string;
  /**
   * The credential's `includeTimestamp`. Default true: the timestamp is signed and checked against
   * the clock, so `payloadFormat` must contain `{timestamp}`. `false` with a format without it: the
   * timestamp is neither signed nor checked, and nothing stops a replay.
   */
  includeTimestamp?: boolean;
  /**
   * The credential's `payloadFormat`: `{body}`, `{timestamp}`, `{method}`, `{url}` and `{svix-id}`
   * are replaced. Default `{timestamp}.{body}`, or `{body}` when `includeTimestamp` is false.
   */
  payloadFormat?: string;
  /** The credential's `messageIdHeader`, read for `{svix-id}`. */
  messageIdHeader?: string;
  /** The credential's `signatureEncoding`. Default `hex`. */
  signatureEncoding?: 'hex' | 'base64';
  /** The credential's `secretIsBase64`: the key is the base64-decoded secret (which must decode to one byte or more). Default false. */
  secretIsBase64?: boolean;
  /** The request's method, when the payload format has `{method}`. */
  method?: string;
  /** The request's full URL as Vapi called it, when the payload format has `{url}`. */
  url?: string;
  /** How far the signed timestamp may be from the clock, either way. Default 5 minutes. */
  toleranceMs?: number;
  /** The clock, for tests: a Date or epoch milliseconds. Default: now. */
  now?: Date | number;
}

const placeholderPattern = /\{(body|timestamp|method|url|svix-id)\}/g;

/**
 * Checks a request signed by a Vapi HMAC credential, with the credential's own settings (pass the
 * same values as in Vapi); rejects with a `WebhookVerificationError` when the signature is missing,
 * stale or wrong. The digest is compared in constant time. A timestamp is checked against the
 * clock only where the payload format signs it: `includeTimestamp` (the default) with a format
 * without `{timestamp}` is refused, since a replayed request could carry any fresh timestamp.
 *
 * Vapi does not document the timestamp's unit: digits are read as Unix seconds below 10^11 and as
 * milliseconds above (the two cannot be confused for present dates), and an ISO 8601 date is read
 * as such (UTC when it has no offset). The timestamp is part of what is signed, so reading it
 * leniently weakens nothing.
 */
export async function verifyVapiHmacWebhook(options: VerifyVapiHmacWebhookOptions): Promise<VerifiedWebhook> {
  const provider = 'vapi';
  checkOptions(provider, 'verifyVapiHmacWebhook', options);
  const secret = checkSecret(provider, 'secret', options.secret, "the HMAC credential's secret key");
  const body = bodyBytes(provider, options.body);
  const algorithm = checkChoice(provider, 'algorithm', options.algorithm, ['sha256', 'sha512', 'sha1'] as const);
  const encoding = checkChoice(provider, 'signatureEncoding', options.signatureEncoding ?? 'hex', ['hex', 'base64'] as const);
  const includeTimestamp = options.includeTimestamp !== false;
  const format = options.payloadFormat ?? (includeTimestamp ? '{timestamp}.{body}' : '{body}');
  if (typeof format !== 'string' || format === '') {
    throw new InvalidRequestError(`options.payloadFormat must be a non-empty string; got ${describeValue(format)}.`, { provider });
  }
  const key = options.secretIsBase64 === true ? decodeSecret(provider, secret) : new TextEncoder().encode(secret);
  const toleranceMs = checkTolerance(provider, options.toleranceMs);
  const nowMs = currentTimeMs(provider, options.now);
  const signatureHeader = checkHeaderName(provider, 'signatureHeader', options.signatureHeader ?? 'x-signature');
  const needs = new Set([...format.matchAll(placeholderPattern)].map((match) => match[1]!));
  const signsTimestamp = needs.has('timestamp');
  if (includeTimestamp && !signsTimestamp) {
    throw new InvalidRequestError(
      `options.includeTimestamp is true (the default), but options.payloadFormat ${describeValue(format)} does not sign {timestamp}: ` +
        'the timestamp header could then be set to any time, and a request recorded once would pass the freshness check forever. ' +
        "Put {timestamp} in the credential's payloadFormat (in Vapi and here), or pass includeTimestamp: false to accept requests without replay protection.",
      { provider },
    );
  }
  const timestampHeader = checkHeaderName(provider, 'timestampHeader', options.timestampHeader ?? 'x-timestamp');
  const messageIdHeader = needs.has('svix-id') ? requiredOption(provider, 'messageIdHeader', 'svix-id', options.messageIdHeader) : '';
  const values = new Map<string, string>();
  if (needs.has('method')) values.set('method', requiredOption(provider, 'method', 'method', options.method));
  if (needs.has('url')) values.set('url', requiredOption(provider, 'url', 'url', options.url));

  const received = decodeSignature(provider, signatureHeader, readHeader(provider, options.headers, signatureHeader), options, encoding);
  let signedAt: Date | null = null;
  if (signsTimestamp) {
    const timestamp = readHeader(provider, options.headers, timestampHeader);
    const signedAtMs = parseTimestamp(provider, timestampHeader, timestamp);
    checkFreshness(provider, signedAtMs, nowMs, toleranceMs);
    values.set('timestamp', timestamp);
    signedAt = new Date(signedAtMs);
  }
  if (messageIdHeader !== '') values.set('svix-id', readHeader(provider, options.headers, messageIdHeader));

  const expected = await hmac(provider, algorithm, key, signedPayload(format, body, values));
  if (!constantTimeEqual(expected, received)) {
    throw mismatch(
      provider,
      "check that options.secret and the options that describe the credential (algorithm, payloadFormat, encoding, prefix) match the HMAC credential in Vapi, and that options.body is the raw body as received.",
    );
  }
  return { provider, timestamp: signedAt };
}

/** The payload the credential signs: the format with each placeholder replaced once, the body as raw bytes. */
function signedPayload(format: string, body: Uint8Array, values: ReadonlyMap<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const match of format.matchAll(placeholderPattern)) {
    parts.push(encoder.encode(format.slice(last, match.index)));
    parts.push(match[1] === 'body' ? body : encoder.encode(values.get(match[1]!) ?? ''));
    last = match.index + match[0].length;
  }
  parts.push(encoder.encode(format.slice(last)));
  return concatBytes(parts);
}

function decodeSignature(
  provider: string,
  header: string,
  value: string,
  options: VerifyVapiHmacWebhookOptions,
  encoding: 'hex' | 'base64',
): Uint8Array {
  const prefix = options.signaturePrefix ?? '';
  const malformed = (what: string) =>
    new WebhookVerificationError(`The ${header} header is not ${what}.`, { provider, reason: 'malformed-header' });
  if (!value.startsWith(prefix)) throw malformed(`prefixed with "${prefix}" (options.signaturePrefix)`);
  const signature = value.slice(prefix.length);
  if (encoding === 'hex') {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(signature)) throw malformed('a hex digest');
    return hexBytes(signature);
  }
  const bytes = signature === '' ? null : base64Bytes(signature);
  if (bytes === null) throw malformed('a base64 digest');
  return bytes;
}

/** The key of a credential whose secret is base64: refused when it is not base64 or decodes to nothing. */
function decodeSecret(provider: string, secret: string): Uint8Array {
  const key = base64Bytes(secret.trim());
  if (key === null || key.length === 0) {
    throw new InvalidRequestError(
      `options.secret is not base64 that decodes to a key, while options.secretIsBase64 is true: ${key === null ? 'it holds characters outside base64' : 'it decodes to no bytes'}. ` +
        "Pass the credential's secret as Vapi shows it, or set secretIsBase64 to match the credential.",
      { provider },
    );
  }
  return key;
}

function parseTimestamp(provider: string, header: string, value: string): number {
  if (/^\d{1,16}$/.test(value)) {
    const number = Number(value);
    return number < 1e11 ? number * 1000 : number;
  }
  // An ISO 8601 date without an offset is UTC, never the local time of the server checking it.
  const parsed = dateFromIso(value)?.getTime() ?? Number.NaN;
  if (Number.isNaN(parsed)) {
    throw new WebhookVerificationError(`The ${header} header is not a Unix timestamp or an ISO 8601 date.`, {
      provider,
      reason: 'malformed-header',
    });
  }
  return parsed;
}

function checkChoice<const T extends string>(provider: string, option: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new InvalidRequestError(`options.${option} must be one of ${allowed.join(', ')}; got ${describeValue(value)}.`, { provider });
  }
  return value as T;
}

function requiredOption(provider: string, option: string, placeholder: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidRequestError(`options.${option} is required: the payload format signs {${placeholder}}.`, { provider });
  }
  return value.trim();
}
