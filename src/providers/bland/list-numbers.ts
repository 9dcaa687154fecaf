import { inRequestedStatus, withE164Formatter, withOneStatus } from '../../provider.js';
import type { E164Formatter, ListOperation, PhoneNumber, ProviderKit, RawRecord } from '../../provider.js';
import type { BlandPhoneNumberListParams } from './list-params.js';
import { mapBlandOutboundNumber, mapBlandPhoneNumber } from './map-phone-number.js';
import { numberListExpectation, outboundListExpectation } from './wire.js';
import { numberStatus, type BlandId } from './wire-assumptions.js';

/**
 * `phoneNumbers.list` on Bland: the inbound numbers (`GET /v1/inbound`) and the outbound ones
 * (`GET /v1/outbound`), each list in one answer, read one after the other into one page. A number on
 * both lists is listed once, as its inbound entry (the fuller object) with both directions true.
 * Every number is active, so a status set without `active` is answered with no request.
 */
export function blandNumberList(kit: ProviderKit): ListOperation<PhoneNumber<BlandId>, BlandPhoneNumberListParams> {
  return withOneStatus(numberStatus, async (params, _cursor, request) => {
    const inbound = await kit.request({ method: 'GET', path: '/v1/inbound' }, request, numberListExpectation);
    const outbound = await kit.request({ method: 'GET', path: '/v1/outbound' }, request, outboundListExpectation);
    const inboundRaw = (inbound.raw as { inbound_numbers: RawRecord[] }).inbound_numbers;
    const outboundRaw = (outbound.raw as { outbound_numbers: RawRecord[] }).outbound_numbers;
    const outboundNumbers = new Set(outbound.value.outbound_numbers.map((wire) => wire.phone_number));
    const mapAll = (toE164: E164Formatter): PhoneNumber<BlandId>[] => {
      const seen = new Set<string>();
      const items: PhoneNumber<BlandId>[] = [];
      inbound.value.inbound_numbers.forEach((wire, index) => {
        if (seen.has(wire.phone_number)) return;
        seen.add(wire.phone_number);
        const directions = { inbound: true, outbound: outboundNumbers.has(wire.phone_number) ? true : null };
        items.push(mapBlandPhoneNumber(wire, inboundRaw[index]!, toE164, directions));
      });
      outbound.value.outbound_numbers.forEach((wire, index) => {
        if (seen.has(wire.phone_number)) return;
        seen.add(wire.phone_number);
        items.push(mapBlandOutboundNumber(wire, outboundRaw[index]!, toE164));
      });
      return items;
    };
    // E.164 numbers are taken as they are; the phone library loads only for a number that needs it.
    const items = await withE164Formatter(kit.defaultCountry, mapAll);
    const kept = params.status === undefined ? items : items.filter((item) => inRequestedStatus(item, params));
    // Both lists come whole, so the total is known.
    return { items: kept, received: items.length, nextCursor: null, totalCount: kept.length };
  });
}
