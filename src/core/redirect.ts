import { APIError } from './errors.js';
import { requestIdOf } from './error-body.js';

export const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 5;

/**
 * Where a redirect leads, when the transport may follow it: only within the origin of the request,
 * so that the auth headers are never sent to another host, and at most `maxRedirects` times.
 * Throws an `APIError` (not retried) otherwise.
 */
export function redirectTarget(from: string, response: Response, hops: number, provider: string): string {
  const location = response.headers.get('location');
  const target = location === null ? null : safeUrl(location, from);
  const origin = new URL(from).origin;
  const base = { provider, status: response.status, requestId: requestIdOf(response.headers), body: null };
  if (target === null) {
    throw new APIError(`${provider} answered ${response.status} without a usable Location header.`, base);
  }
  if (target.origin !== origin) {
    throw new APIError(
      `${provider} redirected the request to another origin (${target.origin}); voiceplane does not follow it, ` +
        `so that the API key is never sent there. If the platform has moved, set baseUrl to the new address.`,
      base,
    );
  }
  if (hops >= maxRedirects) {
    throw new APIError(`${provider} redirected more than ${maxRedirects} times; stopped.`, base);
  }
  return target.href;
}

function safeUrl(location: string, base: string): URL | null {
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}
