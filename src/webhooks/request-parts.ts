import { describeValue } from '../core/kit/describe-value.js';
import { InvalidRequestError, WebhookVerificationError } from '../core/errors.js';

// The parts of a webhook request that every verifier reads, checked the same way: the raw body, the
// headers in whichever shape the server framework gives them, the secret, the clock and the window.
// Messages name what is missing or wrong and never quote the secret.

/**
 * Request headers as a server framework gives them: a Fetch `Headers` (Next.js, Hono, Workers-style
 * handlers) or a plain object such as Node's `request.headers` (Express, Fastify), where a repeated
 * header is an array. Names are matched case-insensitively.
 */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The request body exactly as it arrived: a string, or the bytes (`Buffer` is a `Uint8Array`). */
export type WebhookBody = string | Uint8Array;

/** What a successful verification learned about the request. */
export interface VerifiedWebhook {
  /** The platform whose signature or secret the request carried. */
  provider: 'retell' | 'vapi';
  /** When the platform signed the request; `null` for a scheme that carries no timestamp. */
  timestamp: Date | null;
}

/** Five minutes, the window Retell documents; used for Vapi's timestamped HMAC too. */
export const defaultToleranceMs = 5 * 60 * 1000;

/**
 * The options object of a verifier, checked to be one: a call without it (or with `null`) is the
 * handler's bug, said as an `InvalidRequestError` rather than a `TypeError` from reading a field.
 */
export function checkOptions<T extends object>(provider: string, verifier: string, options: T | undefined): T {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidRequestError(
      `${verifier} takes one options object such as { body, headers, ... }; got ${describeValue(options)}.`,
      { provider },
    );
  }
  return options;
}

/** The body as bytes; anything else (a parsed JSON object, most often) is refused with the fix. */
export function bodyBytes(provider: string, body: unknown): Uint8Array {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  throw new InvalidRequestError(
    `options.body must be the raw request body, a string or a Buffer/Uint8Array exactly as received; got ${describeKind(body)}. ` +
      'The signature covers the bytes sent: a parsed and re-serialized JSON body does not match it. ' +
      "Read the body raw (with Express: express.raw({ type: 'application/json' }) on the webhook route).",
    { provider },
  );
}

function describeKind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object (a parsed body?)';
  return `${typeof value} ${describeValue(value)}`;
}

/** The secret, checked to be a non-empty string; its value never appears in a message. */
export function checkSecret(provider: string, name: string, secret: unknown, where: string): string {
  if (typeof secret !== 'string') {
    throw new InvalidRequestError(`options.${name} must be a string (${where}); got ${secret === null ? 'null' : typeof secret}.`, {
      provider,
    });
  }
  if (secret.trim() === '') throw new InvalidRequestError(`options.${name} is empty: pass ${where}.`, { provider });
  return secret;
}

/** A header name, checked to be a non-empty string. */
export function checkHeaderName(provider: string, option: string, name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new InvalidRequestError(`options.${option} must be a header name; got ${describeValue(name)}.`, { provider });
  }
  return name.trim();
}

/** The tolerance window in milliseconds: a finite number, zero or more. */
export function checkTolerance(provider: string, toleranceMs: unknown): number {
  if (toleranceMs === undefined) return defaultToleranceMs;
  if (typeof toleranceMs !== 'number' || !Number.isFinite(toleranceMs) || toleranceMs < 0) {
    throw new InvalidRequestError(
      `options.toleranceMs must be a finite number of milliseconds, 0 or more; got ${describeValue(toleranceMs)}.`,
      { provider },
    );
  }
  return toleranceMs;
}

/** The verifier's clock in epoch milliseconds: `options.now` when given (tests), else `Date.now()`. */
export function currentTimeMs(provider: string, now: unknown): number {
  if (now === undefined) return Date.now();
  const time = now instanceof Date ? now.getTime() : now;
  if (typeof time !== 'number' || !Number.isFinite(time)) {
    throw new InvalidRequestError(`options.now must be a Date or epoch milliseconds; got ${describeValue(now)}.`, { provider });
  }
  return time;
}

/**
 * The one value of a header, or a `missing-header` refusal. A header sent several times with
 * different values is refused as malformed: which copy the platform signed cannot be told.
 */
export function readHeader(provider: string, headers: unknown, name: string): string {
  const value = headerValue(provider, headers, name);
  if (value === undefined || value.trim() === '') {
    throw new WebhookVerificationError(
      `The webhook request has no ${name} header: it was not sent by ${providerName(provider)}, or a proxy dropped the header.`,
      { provider, reason: 'missing-header' },
    );
  }
  return value.trim();
}

function headerValue(provider: string, headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) {
    throw new InvalidRequestError(
      `options.headers must be the request's headers (a Headers object or a record such as request.headers); got ${describeValue(headers)}.`,
      { provider },
    );
  }
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).has === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') values.push(item);
  }
  const distinct = [...new Set(values.map((value) => value.trim()))];
  if (distinct.length > 1) {
    throw new WebhookVerificationError(`The webhook request carries the ${name} header ${distinct.length} times with different values.`, {
      provider,
      reason: 'malformed-header',
    });
  }
  return distinct[0];
}

/** Refuses a timestamp further than `toleranceMs` from the clock, in either direction. */
export function checkFreshness(provider: string, signedAtMs: number, nowMs: number, toleranceMs: number): void {
  const skewMs = nowMs - signedAtMs;
  if (Math.abs(skewMs) <= toleranceMs) return;
  const when = skewMs > 0 ? `${Math.round(skewMs / 1000)} s ago` : `${Math.round(-skewMs / 1000)} s in the future`;
  throw new WebhookVerificationError(
    `The webhook was signed ${when}, outside the ${Math.round(toleranceMs / 1000)} s tolerance: a replayed request, or a server clock that is off (check NTP).`,
    { provider, reason: 'timestamp-outside-tolerance' },
  );
}

/** The refusal for a signature or secret that does not match. */
export function mismatch(provider: string, advice: string): WebhookVerificationError {
  return new WebhookVerificationError(`The webhook signature does not match: ${advice}`, { provider, reason: 'signature-mismatch' });
}

/** Joins byte strings, for a signed payload built from the body and header values. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

function providerName(provider: string): string {
  const names: Record<string, string> = { retell: 'Retell', vapi: 'Vapi', elevenlabs: 'ElevenLabs', bland: 'Bland' };
  return names[provider] ?? provider;
}
