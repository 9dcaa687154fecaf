import type { VoiceplaneError } from '../errors.js';
import { errorStatus, notJson, reportedFailure } from './failed-response.js';
import type { HttpResponse, TransportOptions } from './types.js';
import { rawResponse } from './raw-response.js';
import { requestIdOf } from './request-id-and-error-code.js';

/** An answer read in full: usable, or the error it amounts to and what the log says of it. */
export type ReadAnswer =
  | { usable: HttpResponse }
  | { error: VoiceplaneError; outcome: string };

/**
 * Reads a response whose body was read in full: a usable 2xx answer is returned as it is; a failure
 * (an error status, a 2xx body that is not JSON, a 2xx body that is the platform's own failure
 * report) is returned as its error, which carries no secret.
 */
export function interpretResponse(
  response: Response,
  text: string,
  options: TransportOptions,
  secrets: readonly string[],
  method: string,
): ReadAnswer {
  const { status, headers } = response;
  if (status < 200 || status >= 300) return { error: errorStatus(response, text, options, secrets, method), outcome: String(status) };
  const raw = () => rawResponse(response, text);
  const requestId = requestIdOf(headers, secrets);
  if (text.trim() === '') return { usable: { status, data: undefined, headers, requestId, raw } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: notJson(response, text, options, secrets), outcome: `${status}, body not JSON` };
  }
  if (options.reportedFailure?.matches(data)) {
    return { error: reportedFailure(response, data, options, secrets), outcome: `${status}, a failure reported in the body` };
  }
  return { usable: { status, data, headers, requestId, raw } };
}

/** Whether an error status may be sent again (with the method's consent): 408, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
