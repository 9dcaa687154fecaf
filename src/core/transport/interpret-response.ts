import { installAdvice, loadFailureText } from '../chunk-load-failure.js';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  type APIErrorOptions,
} from '../errors.js';
import { AttemptFailure } from './attempt-failure.js';
import { requestIdOf } from './request-id-and-error-code.js';
import type { HttpResponse, TransportOptions } from './types.js';
import { rawResponse } from './raw-response.js';
import { redactText } from './redact.js';
import { unexpectedError } from './transport-errors.js';

type FailedResponse = typeof import('./failed-response.js');

/**
 * Reads a response whose body was read in full: a usable 2xx answer is returned as it is. A failure
 * (an error status, a 2xx body that is not JSON, a 2xx body that is the platform's own failure
 * report) is a promise rejected with an `AttemptFailure` whose error carries no secret: the code that
 * words those errors is a chunk of its own (failed-response.ts), loaded at the first failure, so a
 * client whose requests succeed never loads it. The caller (`sendAttempt`, an async function)
 * returns either as its own result.
 */
export function interpretResponse(
  response: Response,
  text: string,
  options: TransportOptions,
  secrets: readonly string[],
): HttpResponse | Promise<never> {
  const { status, headers } = response;
  if (status < 200 || status >= 300) return readFailure(response, options, secrets, (module) => module.errorStatus(response, text, options, secrets));
  const raw = () => rawResponse(response, text);
  if (text.trim() === '') return { status, data: undefined, headers, raw };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return readFailure(response, options, secrets, (module) => module.notJson(response, text, options, secrets));
  }
  if (options.reportedFailure?.matches(data)) {
    return readFailure(response, options, secrets, (module) => module.reportedFailure(response, data, options, secrets));
  }
  return { status, data, headers, raw };
}

/** An `APIError` class, as `statusErrorClass` gives one: every one takes the wait a response asked for. */
export type APIErrorClass = new (message: string, options: APIErrorOptions & { retryAfterMs: number | null }) => APIError;

const classByStatus: Record<number, APIErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * The `APIError` subclass of an error status (`APIError` itself for a status without one). Here
 * rather than in the failure chunk, so that an error status keeps its class when that chunk cannot load.
 */
export function statusErrorClass(status: number): APIErrorClass {
  return status >= 500 ? InternalServerError : (classByStatus[status] ?? APIError);
}

/** Whether an error status may be sent again (with the method's consent): 408, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Loads the failure chunk and lets `read` throw the failure's `AttemptFailure`. Should the chunk not
 * load, an error status is still its `APIError` class with its status and request id, and retried as
 * ever (a 503 is tried again, a 429 slows the client), only its message says less. Anything else that
 * goes wrong (a 2xx failure without the chunk, a reader that throws) is an `AttemptFailure` too, not
 * retried, as `sendAttempt` makes of an answer it cannot read.
 */
function readFailure(
  response: Response,
  options: TransportOptions,
  secrets: readonly string[],
  read: (module: FailedResponse) => never,
): Promise<never> {
  const { status } = response;
  return import('./failed-response.js')
    .then(read, (cause: unknown) => {
      if (status >= 200 && status < 300) throw cause;
      const { provider } = options;
      const requestId = requestIdOf(response.headers, secrets);
      const error = new (statusErrorClass(status))(
        `${provider} answered ${status}; the SDK could not load the code that reads the answer ` +
          `(${redactText(loadFailureText(cause), secrets)}). ${installAdvice}.` +
          (requestId ? ` (request id ${requestId})` : ''),
        { provider, status, requestId, body: null, retryAfterMs: null },
      );
      throw new AttemptFailure(error, isRetryableStatus(status), String(status));
    })
    .catch((caught: unknown) => {
      if (caught instanceof AttemptFailure) throw caught;
      throw new AttemptFailure(unexpectedError(options.provider, caught, true, secrets), false, `${status}, answer not readable`);
    });
}
