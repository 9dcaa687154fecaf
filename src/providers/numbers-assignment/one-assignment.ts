import type { HttpRequest, ProviderKit, RequestOptions } from '../../provider.js';
import { mapNumbersAssignmentPhoneNumber } from './map-phone-number.js';
import { assignmentExpectation } from './wire.js';
import { unwrapEntity } from './wire-assumptions.js';

/**
 * A request whose answer is one assignment, bare or enveloped, mapped. `select` takes the assignment
 * out of the body (a write's also refuses an empty answer).
 */
export async function oneAssignment(
  kit: ProviderKit,
  request: HttpRequest,
  options: RequestOptions,
  what: string,
  select: (body: unknown) => unknown = unwrapEntity,
) {
  const { value, raw } = await kit.request(request, options, { ...assignmentExpectation(what), select });
  return mapNumbersAssignmentPhoneNumber(value, raw as Record<string, unknown>, await kit.e164Formatter());
}
