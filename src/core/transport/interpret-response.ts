import { AttemptFailure } from './attempt-failure.js';
import type { HttpResponse, TransportOptions } from './types.js';
import { rawResponse } from './raw-response.js';
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

/**
 * Loads the failure chunk and lets `read` throw the failure's `AttemptFailure`. Anything else that
 * goes wrong (the chunk cannot be loaded, a reader throws) is an `AttemptFailure` too, not retried,
 * as `sendAttempt` makes of an answer it cannot read.
 */
function readFailure(
  response: Response,
  options: TransportOptions,
  secrets: readonly string[],
  read: (module: FailedResponse) => never,
): Promise<never> {
  return import('./failed-response.js').then(read).catch((caught: unknown) => {
    if (caught instanceof AttemptFailure) throw caught;
    throw new AttemptFailure(unexpectedError(options.provider, caught, true, secrets), false, `${response.status}, answer not readable`);
  });
}
