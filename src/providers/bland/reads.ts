import { NotFoundError, path } from '../../provider.js';
import type { ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import { mapBlandCampaign } from './map-campaign.js';
import { mapBlandOutboundNumber, mapBlandPhoneNumber } from './map-phone-number.js';
import { batchExpectation, numberExpectation, outboundListExpectation, type BlandOutboundNumberWire } from './wire.js';
import { pathNumber } from './wire-assumptions.js';

/** One inbound number by its E.164 number; a write reads the number back with it, as Bland answers a write without it. */
export async function getInboundNumber(kit: ProviderKit, id: string, request: RequestOptions, what: string) {
  const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/inbound/${id}` }, request, numberExpectation(what));
  // Read from the inbound endpoint: an inbound number; whether it is also on the outbound list is not known here.
  return mapBlandPhoneNumber(value, raw as RawRecord, await kit.e164Formatter(), { inbound: true, outbound: null });
}

/**
 * One number by its E.164 number, as `phoneNumbers.list` shows it. An inbound number is read from
 * `GET /v1/inbound/{number}`; Bland has no endpoint for one outbound number, so a number that endpoint
 * answers 404 for is looked for in `GET /v1/outbound`. Not there either, or that list not readable:
 * the 404 stands.
 */
export async function getNumber(kit: ProviderKit, id: string, request: RequestOptions) {
  try {
    return await getInboundNumber(kit, id, request, 'an inbound number');
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const outbound = await outboundOnly(kit, id, request);
    if (!outbound) throw error;
    return mapBlandOutboundNumber(outbound.wire, outbound.raw, await kit.e164Formatter());
  }
}

/**
 * The entry of `GET /v1/outbound` for a number given as Bland takes it in a path (`+`, or no prefix
 * for a US number), after a 404 for it as an inbound number. `null` when it is not listed or the list
 * cannot be read: then the 404 is the answer. The caller's abort is raised as it is.
 */
export async function outboundOnly(kit: ProviderKit, id: string, request: RequestOptions): Promise<{ wire: BlandOutboundNumberWire; raw: RawRecord } | null> {
  let value;
  let raw;
  try {
    ({ value, raw } = await kit.request({ method: 'GET', path: '/v1/outbound' }, request, outboundListExpectation));
  } catch (error) {
    if (request.signal?.aborted) throw error;
    return null;
  }
  const wanted = pathNumber(id);
  const index = value.outbound_numbers.findIndex((wire) => wire.phone_number === wanted);
  if (index < 0) return null;
  return { wire: value.outbound_numbers[index]!, raw: (raw as { outbound_numbers: RawRecord[] }).outbound_numbers[index]! };
}

/** One batch, unwrapped from the v2 `{ data }` envelope. */
export async function getBatch(kit: ProviderKit, id: string, request: RequestOptions) {
  const { value, raw } = await kit.request({ method: 'GET', path: path`/v2/batches/${id}` }, request, batchExpectation);
  return mapBlandCampaign(value.data, (raw as { data: RawRecord }).data);
}
