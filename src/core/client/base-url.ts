import { InvalidRequestError } from '../errors.js';
import { describeUntrusted } from '../transport/header-text.js';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname.endsWith('.localhost');
}

/**
 * Checks a base URL and returns it without a trailing slash. Plain `http://` is refused except on
 * loopback, so that a key is never sent in clear text by a typo.
 */
export function normalizeBaseUrl(value: unknown, provider: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidRequestError(`${provider}: baseUrl must be a non-empty URL such as "https://api.example.com".`, {
      provider,
    });
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidRequestError(
      `${provider}: baseUrl ${describeUntrusted(withoutCredentials(value))} is not a valid URL; give one such as "https://api.example.com".`,
      { provider },
    );
  }
  // A user name or password would be shown wherever the address is (inspect, toJSON, messages),
  // and fetch refuses such a URL at every request.
  if (url.username !== '' || url.password !== '') {
    throw new InvalidRequestError(
      `${provider}: baseUrl must not carry a user name or password (user:password@); the API key is the credential. ` +
        `Give the address alone, such as "${url.protocol}//${url.host}".`,
      { provider },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidRequestError(`${provider}: baseUrl must use https:// (got ${url.protocol}).`, { provider });
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new InvalidRequestError(
      `${provider}: baseUrl ${url.origin} uses plain http://, which would send the API key in clear text; use https:// (plain http is allowed only for loopback hosts).`,
      { provider },
    );
  }
  if (url.search || url.hash) {
    // The query is not quoted back: it may hold a token.
    throw new InvalidRequestError(
      `${provider}: baseUrl must not carry a query or fragment; give the address alone, such as "${url.origin}${url.pathname.replace(/\/+$/, '')}".`,
      { provider },
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** The text without what may be a credential (a user:password@, a query), for quoting an address that did not parse. */
function withoutCredentials(text: string): string {
  return text.replace(/\/\/[^/?#]*@/, '//[redacted]@').replace(/[?#][^]*$/, '?[redacted]');
}
