import { APIError } from '../../core/errors.js';
import type { HttpResponse } from '../../core/http.js';
import { genericErrorDetail } from './wire.js';

// The same headers the transport reads a request id from on an error status.
const requestIdHeaders = ['x-request-id', 'request-id', 'x-amzn-requestid'];

/**
 * An `APIError` for a 2xx answer whose body is the failure envelope (`success: false`). The
 * platform said in its own words that the request failed, so this is its error, not a shape we
 * failed to read: callers that catch `APIError` see it, with `status` (the 2xx as sent) and `body`.
 * No subclass is picked: without an error status there is nothing reliable to pick it by.
 */
export function reportedFailure(response: HttpResponse): APIError {
  const detail = genericErrorDetail(response.data);
  const requestId = requestIdHeaders.map((name) => response.headers.get(name)).find((value) => value) ?? null;
  return new APIError(
    `generic answered ${response.status} but reported a failure${detail ? `: ${detail}` : ' without saying why'}. ` +
      'Nothing was listed; check the parameters and the organization id.' +
      (requestId ? ` (request id ${requestId})` : ''),
    { provider: 'generic', status: response.status, requestId, body: response.data },
  );
}
