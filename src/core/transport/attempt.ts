import type ky from 'ky';
import { AttemptFailure } from './attempt-failure.js';
import { errorCode } from './request-id-and-error-code.js';
import { APIError } from '../errors.js';
import type { HttpResponse, TransportOptions } from './types.js';
import { interpretResponse } from './interpret-response.js';
import { loggablePath } from './logger.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { redactCause } from './redact.js';
import { followableRedirect, redirectStatuses } from './redirect.js';
import { onAbort } from './abort-listeners.js';
import { abortError, connectionError, timeoutError, tooLargeError, unexpectedError } from './transport-errors.js';

/** One attempt of a request: what is sent, and within which limits. */
export interface Attempt {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** Removed from everything the attempt reports: the API key. */
  secrets: readonly string[];
}

/**
 * Sends one attempt under its own timer, follows the redirects it may follow, reads the body within
 * `maxResponseBytes` and reads the answer. Resolves with a usable response; throws `AttemptFailure`
 * for every failure, whatever its origin, so that the request loop decides alone about retries.
 */
export async function sendAttempt(attempt: Attempt, options: TransportOptions, http: typeof ky): Promise<HttpResponse> {
  const { provider } = options;
  const { method, headers, body, timeoutMs, signal, secrets } = attempt;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const stopListening = onAbort(signal, () => controller.abort());
  // Rejects once the attempt is stopped (timer or caller), whatever fetch does with its signal.
  const whenStopped = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  whenStopped.catch(() => {});
  // With the global fetch, the attempt's signal goes to fetch itself, not to ky: given a signal, ky
  // joins it to its own with AbortSignal.any, about 30 µs a request, and fetch takes the signal of its
  // init over the request's. A custom fetch gets the request through its adapter, signal included.
  const signalFor: { signal: AbortSignal } | { fetch: typeof fetch } =
    options.fetch || options.fetchOptions
      ? { signal: controller.signal }
      : { fetch: (input, init) => globalThis.fetch(input, { ...init, signal: controller.signal }) };
  const fail = (cause: unknown): AttemptFailure => {
    if (signal?.aborted) return new AttemptFailure(abortError(provider, signal), false, 'aborted by the caller');
    if (timedOut) return new AttemptFailure(timeoutError(provider, timeoutMs, method), true, `timed out after ${timeoutMs} ms`);
    const code = errorCode(cause);
    // The cause may quote a header fetch refused, the auth header included: only a redacted copy is kept.
    const error = connectionError(provider, options.baseUrl, code, redactCause(cause, secrets), method);
    return new AttemptFailure(error, true, `connection failed${code ? ` (${code})` : ''}`);
  };
  try {
    let url = attempt.url;
    for (let hops = 0; ; hops++) {
      let response: Response;
      let sent: Promise<Response> | undefined;
      try {
        sent = http(url, { method, headers, body, ...signalFor });
        response = await Promise.race([sent, whenStopped]);
      } catch (cause) {
        // An answer that comes after the attempt was stopped is left to fetch: its body is cancelled unread.
        sent?.then((late) => late.body?.cancel().catch(() => {}), () => {});
        throw fail(cause);
      }
      if (redirectStatuses.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        let target: string;
        try {
          // Raced with the attempt's stop: the check of a redirect is a chunk loaded at the first one.
          target = await Promise.race([followableRedirect(response, { url, method, hops, provider, secrets }), whenStopped]);
        } catch (error) {
          if (controller.signal.aborted) throw fail(error);
          const refusal = error instanceof APIError ? error : unexpectedError(provider, error, true, secrets);
          throw new AttemptFailure(refusal, false, `${response.status}, redirect not followed`);
        }
        options.log.write('debug', `${response.status}: following the redirect to ${loggablePath(target, secrets)}`, secrets);
        url = target;
        continue;
      }
      let text: string;
      try {
        text = await readBody(response, options.maxResponseBytes, controller.signal);
      } catch (cause) {
        if (cause instanceof BodyTooLargeError) {
          throw new AttemptFailure(tooLargeError(provider, cause.limit), false, `${response.status}, body over maxResponseBytes`);
        }
        throw fail(cause);
      }
      try {
        return interpretResponse(response, text, options, secrets);
      } catch (caught) {
        if (caught instanceof AttemptFailure) throw caught;
        throw new AttemptFailure(unexpectedError(provider, caught, true, secrets), false, `${response.status}, answer not readable`);
      }
    }
  } finally {
    clearTimeout(timer);
    stopListening();
  }
}
