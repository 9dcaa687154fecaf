import { installAdvice, loadFailureText } from '../chunk-load-failure.js';
import { APIError } from '../errors.js';
import { requestIdOf } from './request-id-and-error-code.js';
import { redactText } from './redact.js';

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

/**
 * Where a redirect leads, when the transport may follow it (see redirect-target.ts, a chunk loaded at
 * the first redirect: platforms rarely send one). Rejects with an `APIError` (not retried) otherwise,
 * and when that chunk cannot be loaded, in which case nothing is followed.
 */
export async function followableRedirect(response: Response, request: RedirectedRequest): Promise<string> {
  let chunk: typeof import('./redirect-target.js');
  try {
    chunk = await import('./redirect-target.js');
  } catch (cause) {
    const { provider, secrets } = request;
    throw new APIError(
      redactText(
        `${provider} answered ${response.status}, a redirect the SDK could not check (${loadFailureText(cause)}); ` +
          `not followed. ${installAdvice}.`,
        secrets,
      ),
      { provider, status: response.status, requestId: requestIdOf(response.headers, secrets), body: null },
    );
  }
  return chunk.redirectTarget(response, request);
}
