import { redactedPlaceholder as placeholder, redactText } from './redact.js';

// How a URL and headers are shown in a log line, credentials removed: every line shows the method,
// the path with credential parameters replaced and the headers with credential values replaced.

/** Query parameters and headers whose value is a credential, compared without case, `-` or `_`. */
const credentialNames = new Set([
  'key',
  'apikey',
  'xapikey',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'authtoken',
  'xauthtoken',
  'auth',
  'authorization',
  'proxyauthorization',
  'secret',
  'clientsecret',
  'signature',
  'sig',
  'password',
  'passwd',
  'pwd',
  'credential',
  'credentials',
  'session',
  'sessionid',
  'cookie',
  'setcookie',
  'xamzsecuritytoken',
  'xamzcredential',
  'xjwtassertion',
  'dpop',
]);
/**
 * Parts that make any name a credential's wherever they appear in it (`x-hub-signature-256`,
 * `x-auth`, `x-api-secret-key`, `x-hmac-sha256`, `x-bearer`, `x-passphrase`, `private-token`), and the ending `key` (`private-key`, `x-client-key`,
 * `ocp-apim-subscription-key`): a name wrongly taken for a credential only hides a value from a
 * log line, while one missed prints a key in clear.
 */
const credentialParts = [
  'apikey',
  'auth',
  'token',
  'secret',
  'signature',
  'hmac',
  'bearer',
  'pass',
  'private',
  'credential',
  'cookie',
  'session',
];
/** Names ending in `key` that carry no credential, kept readable in logs. */
const notCredentials = new Set(['idempotencykey', 'xidempotencykey', 'sortkey']);

/** Whether a query parameter or header name carries a credential (`api_key`, `X-Auth-Token`, `client_secret`...). */
export function isCredentialName(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[-_.\s]/g, '');
  if (credentialNames.has(normalized)) return true;
  if (notCredentials.has(normalized)) return false;
  return normalized.endsWith('key') || credentialParts.some((part) => normalized.includes(part));
}

/** A URL's path and query for a log line: credential parameters replaced, the key removed wherever it appears. */
export function loggablePath(url: string, secrets: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return placeholder;
  }
  // The query is rewritten part by part, so that every other parameter stays exactly as sent.
  const parts = parsed.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const equals = part.indexOf('=');
      const name = equals === -1 ? part : part.slice(0, equals);
      return isCredentialName(decodeName(name)) ? `${name}=${placeholder}` : part;
    });
  const text = parsed.pathname + (parts.length > 0 ? `?${parts.join('&')}` : '');
  return redactText(text, [...secrets, ...secrets.map((secret) => encodeURIComponent(secret))]);
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** Request headers for a log line, with every credential header's value replaced. */
export function loggableHeaders(headers: Record<string, string>, secrets: readonly string[]): string {
  const shown = Object.entries(headers).map(([name, value]) => `${name}: ${isCredentialName(name) ? placeholder : value}`);
  return redactText(shown.join(', '), secrets);
}
