import { APIError } from '../errors.js';
import { requestIdOf } from './request-id-and-error-code.js';
import { redactText } from './redact.js';
import { mayBeSentAgain } from './write-rule.js';

/** The statuses that redirect. */
export const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** The request a redirect answered. */
export interface RedirectedRequest {
  /** The URL that was asked for. */
  url: string;
  method: string;
  /** Redirects followed before this one. */
  hops: number;
  provider: string;
  secrets: readonly string[];
}

const maxRedirects = 5;

/**
 * Whether the same request may be sent again at a redirect's target. A GET may, after any redirect
 * (a 303 keeps it a GET). PUT and DELETE, which are idempotent, may after 307 and 308, which ask
 * for the very same request again; a 301, 302 or 303 of them means the result lies elsewhere (or,
 * in browsers, turns the request into a GET). POST and PATCH never are: the platform may already
 * have carried out the write, and sending it again could do it twice.
 */
function mayFollow(method: string, status: number): boolean {
  if (method === 'GET') return true;
  return mayBeSentAgain(method) && (status === 307 || status === 308);
}

/**
 * Where a redirect leads, when the transport may follow it: only for a request that may be sent
 * again (see `mayFollow`), only within the origin of the request, so that the auth headers are
 * never sent to another host, and at most `maxRedirects` times. Throws an `APIError` (not retried)
 * otherwise, with no secret in it: a Location may echo the key.
 */
export function redirectTarget(response: Response, request: RedirectedRequest): string {
  const { provider, method, secrets } = request;
  const status = response.status;
  const base = { provider, status, requestId: requestIdOf(response.headers, secrets), body: null };
  const refuse = (message: string) => new APIError(redactText(message, secrets), base);
  if (!mayFollow(method, status)) {
    throw refuse(
      `${provider} redirected the ${method} (${status}); it was not sent again, as the platform may have carried it out. ` +
        'Check whether the change took effect before repeating it.',
    );
  }
  const location = response.headers.get('location');
  const target = location === null ? null : safeUrl(location, request.url);
  if (target === null) throw refuse(`${provider} answered ${status} without a usable Location header.`);
  if (target.origin !== new URL(request.url).origin) {
    throw refuse(
      `${provider} redirected the request to another origin (${target.origin}); voiceplane does not follow it, ` +
        `so that the API key is never sent there. If the platform has moved, set baseUrl to the new address.`,
    );
  }
  if (target.username !== '' || target.password !== '') {
    // fetch refuses such a URL with a TypeError, which would read as a network failure and be retried.
    throw refuse(
      `${provider} redirected the request to an address with a user name or password (user:password@); ` +
        'voiceplane does not follow it. Report the redirect to the platform.',
    );
  }
  if (request.hops >= maxRedirects) throw refuse(`${provider} redirected more than ${maxRedirects} times; stopped.`);
  return target.href;
}

function safeUrl(location: string, base: string): URL | null {
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}
