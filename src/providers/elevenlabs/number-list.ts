import { NotFoundError, cursorPages, inRequestedStatus, refuse } from '../../provider.js';
import type { ListOperation, PhoneNumber, ProviderKit } from '../../provider.js';
import { phoneNumberFallbackQuery, phoneNumberQuery, type ElevenLabsPhoneNumberListParams } from './list-params.js';
import { mapElevenLabsPhoneNumber } from './map-phone-number.js';
import { providerId, type ElevenLabsId } from './provider-id.js';
import { phoneNumberArraySchema, phoneNumberPageSchema } from './wire.js';
import { nextCursor, numberListFallbackFilters } from './wire-assumptions.js';

type Params = ElevenLabsPhoneNumberListParams & Record<string, unknown>;

/**
 * `phoneNumbers.list`: the v2 cursor list; on a deployment that answers it 404 (assumption 3), the
 * v1 bare array of every number, as one page. A filter v1 cannot apply is refused, never dropped.
 */
export function elevenLabsNumberList(kit: ProviderKit): ListOperation<PhoneNumber<ElevenLabsId>, Params> {
  const current = cursorPages(kit, {
    operation: 'phoneNumbers.list',
    request: (params: Params, cursor) => ({ method: 'GET', path: '/v1/convai/v2/phone-numbers', query: phoneNumberQuery(params, cursor) }),
    expect: { schema: phoneNumberPageSchema, what: 'a page of phone numbers' },
    items: (body) => body.phone_numbers,
    map: mapElevenLabsPhoneNumber,
    // Every ElevenLabs number is active: the neutral status filter is applied here.
    keep: inRequestedStatus,
    next: (body) => ({ cursor: nextCursor(body.next_cursor, body.has_more), totalCount: null }),
  });
  const older = cursorPages(kit, {
    operation: 'phoneNumbers.list',
    request: (params: Params) => ({ method: 'GET', path: '/v1/convai/phone-numbers', query: phoneNumberFallbackQuery(params) }),
    expect: { schema: phoneNumberArraySchema, what: 'the list of phone numbers' },
    items: (body) => body,
    map: mapElevenLabsPhoneNumber,
    keep: inRequestedStatus,
    next: (body) => ({ cursor: null, totalCount: body.length }),
  });
  return async (params, cursor, request) => {
    try {
      return await current(params, cursor, request);
    } catch (error) {
      // A cursor came from a v2 page: a 404 then is not a missing endpoint.
      if (!(error instanceof NotFoundError) || cursor !== null) throw error;
      const unsupported = Object.keys(params).filter(
        (name) => params[name] !== undefined && !['limit', 'status', 'cursor', ...numberListFallbackFilters].includes(name),
      );
      if (unsupported.length > 0) {
        throw refuse(
          providerId,
          'phoneNumbers.list',
          `this ElevenLabs deployment has no v2 number list (GET /v1/convai/v2/phone-numbers answered 404), and its v1 list ` +
            `cannot apply ${unsupported.join(', ')}. List without ${unsupported.length === 1 ? 'it' : 'them'}.`,
        );
      }
      return older(params, null, request);
    }
  };
}
