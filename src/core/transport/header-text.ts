import { describeValue } from '../kit/describe-value.js';
import { InvalidRequestError } from '../errors.js';
import { isPlainObject } from '../kit/is-plain-object.js';

// fetch refuses a header it cannot carry with a TypeError that quotes the whole value: for the
// auth header that is the API key, kept in the error's cause and shown by util.inspect. Every
// header the SDK sends is therefore checked here first, and a bad one is refused by name only.

/** A header name: an HTTP token (RFC 9110). */
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Visible ASCII with inner spaces or tabs: what every server reads the same way. */
const valuePattern = /^[\t\x20-\x7e]*$/;

/** Spaces, tabs and line breaks at either end, which fetch strips itself before sending. */
const outerWhitespace = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * A value for an error message about an option that took the wrong thing: quoted (as
 * `describeValue` does) when it cannot be a credential, else only described, since a key pasted
 * into the wrong option (`baseUrl`, `defaultCountry`, a header name) must not be printed back. A
 * text of 16 or more visible characters without spaces that mixes letters and digits may be a key.
 */
export function describeUntrusted(value: unknown): string {
  if (typeof value !== 'string' || !mayBeCredential(value)) return describeValue(value);
  return `a ${value.length}-character text (not shown: it looks like a key)`;
}

function mayBeCredential(text: string): boolean {
  return text.length >= 16 && /^[\x21-\x7e]+$/.test(text) && /[0-9]/.test(text) && /[A-Za-z]/.test(text);
}

/**
 * Headers the HTTP connection sets itself. fetch refuses some at every request (`transfer-encoding`,
 * `keep-alive`, `upgrade`, `expect`) and the others would describe a message other than the one sent.
 */
const connectionHeaders = new Set([
  'connection',
  'content-length',
  'expect',
  'host',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Whether a text can be a header name. */
export function isHeaderName(name: unknown): name is string {
  return typeof name === 'string' && tokenPattern.test(name);
}

/**
 * The value as it will be sent (spaces and line breaks at either end removed, as fetch does), or
 * `null` when it holds what a header cannot carry: a line break inside it, a control character, or
 * a character outside ASCII. The caller words the refusal and never quotes the value: it may be a key.
 */
export function headerValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(outerWhitespace, '');
  return valuePattern.test(trimmed) ? trimmed : null;
}

/**
 * The `headers` option, each name and value checked now rather than refused by fetch at every
 * request. Names are lower-cased so that a caller's `X-API-Key` cannot sit beside the adapter's
 * `x-api-key`: the auth headers win. A value is never quoted back, since it may be a credential.
 */
export function checkHeadersOption(given: unknown, provider: string): Record<string, string> {
  if (given === undefined) return {};
  if (!isPlainObject(given)) {
    throw new InvalidRequestError(`${provider}: headers must be an object of header names to values, such as { 'x-team': 'ops' }.`, {
      provider,
    });
  }
  // A Headers object keeps its entries out of Object.entries: read them, rather than send none.
  const entries = typeof Headers !== 'undefined' && given instanceof Headers ? [...given.entries()] : Object.entries(given);
  const checked: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!isHeaderName(name)) {
      throw new InvalidRequestError(
        `${provider}: headers: ${describeUntrusted(name)} is not a header name; use letters, digits and - only, such as "x-team".`,
        { provider },
      );
    }
    if (connectionHeaders.has(name.toLowerCase())) {
      throw new InvalidRequestError(
        `${provider}: headers: "${name}" is set by the HTTP connection itself and cannot be given; leave it out.`,
        { provider },
      );
    }
    const sendable = headerValue(value);
    if (sendable === null) {
      throw new InvalidRequestError(
        `${provider}: headers: the value of "${name}" must be text a header can carry ` +
          '(no line break inside it, no control character, nothing outside ASCII).',
        { provider },
      );
    }
    checked[name.toLowerCase()] = sendable;
  }
  return checked;
}
