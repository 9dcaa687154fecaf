import { InvalidRequestError } from './errors.js';

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
    throw new InvalidRequestError(`${provider}: baseUrl "${value}" is not a valid URL; give one such as "https://api.example.com".`, {
      provider,
    });
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
    throw new InvalidRequestError(`${provider}: baseUrl must not carry a query or fragment (got "${value}").`, { provider });
  }
  return url.href.replace(/\/+$/, '');
}
