import { createHmac } from 'node:crypto';
import { describeValue } from '../core/describe-value.js';
import { InvalidRequestError, WebhookVerificationError } from '../core/errors.js';
import {
  bodyBytes,
  checkFreshness,
  checkHeaderName,
  checkSecret,
  checkTolerance,
  concatBytes,
  currentTimeMs,
  digestsEqual,
  mismatch,
  readHeader,
  type VerifiedWebhook,
  type WebhookBody,
  type WebhookHeaders,
} from './request-parts.js';

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
 * Checks the token Vapi sends verbatim with each request to your server URL (constant-time);
 * throws a `WebhookVerificationError` when it is missing or wrong. This scheme proves knowledge of
 * the token but signs nothing: it does not protect the body or stop a replay (the HMAC credential,
 * `verifyVapiHmacWebhook`, does).
 */
export function verifyVapiWebhook(options: VerifyVapiWebhookOptions): VerifiedWebhook {
  const provider = 'vapi';
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
  const encoder = new TextEncoder();
  if (!digestsEqual(encoder.encode(secret), encoder.encode(token))) {
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
  /** The credential's `includeTimestamp`. Default true: the timestamp is signed and checked against the clock. */
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
  /** The credential's `secretIsBase64`: the key is the base64-decoded secret. Default false. */
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
 * same values as in Vapi); throws a `WebhookVerificationError` when the signature is missing, stale
 * or wrong. The digest is compared in constant time.
 *
 * Vapi does not document the timestamp's unit: digits are read as Unix seconds below 10^11 and as
 * milliseconds above (the two cannot be confused for present dates), and an ISO 8601 date is read
 * as such. The timestamp is part of what is signed, so reading it leniently weakens nothing.
 */
export function verifyVapiHmacWebhook(options: VerifyVapiHmacWebhookOptions): VerifiedWebhook {
  const provider = 'vapi';
  const secret = checkSecret(provider, 'secret', options.secret, "the HMAC credential's secret key");
  const body = bodyBytes(provider, options.body);
  const algorithm = checkChoice(provider, 'algorithm', options.algorithm, ['sha256', 'sha512', 'sha1'] as const);
  const encoding = checkChoice(provider, 'signatureEncoding', options.signatureEncoding ?? 'hex', ['hex', 'base64'] as const);
  const includeTimestamp = options.includeTimestamp !== false;
  const format = options.payloadFormat ?? (includeTimestamp ? '{timestamp}.{body}' : '{body}');
  if (typeof format !== 'string' || format === '') {
    throw new InvalidRequestError(`options.payloadFormat must be a non-empty string; got ${describeValue(format)}.`, { provider });
  }
  const key = options.secretIsBase64 === true ? Buffer.from(secret, 'base64') : secret;
  const toleranceMs = checkTolerance(provider, options.toleranceMs);
  const nowMs = currentTimeMs(provider, options.now);
  const signatureHeader = checkHeaderName(provider, 'signatureHeader', options.signatureHeader ?? 'x-signature');
  const needs = new Set([...format.matchAll(placeholderPattern)].map((match) => match[1]!));
  const signsTimestamp = includeTimestamp || needs.has('timestamp');
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

  const expected = createHmac(algorithm, key).update(signedPayload(format, body, values)).digest();
  if (!digestsEqual(expected, received)) {
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
    return Buffer.from(signature, 'hex');
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) throw malformed('a base64 digest');
  return Buffer.from(signature, 'base64');
}

function parseTimestamp(provider: string, header: string, value: string): number {
  if (/^\d{1,16}$/.test(value)) {
    const number = Number(value);
    return number < 1e11 ? number * 1000 : number;
  }
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
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
