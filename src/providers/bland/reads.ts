import { path } from '../../provider.js';
import type { ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import { mapBlandCampaign } from './map-campaign.js';
import { mapBlandPhoneNumber } from './map-phone-number.js';
import { batchExpectation, numberExpectation } from './wire.js';

/** One inbound number by its E.164 number; a write reads the number back with it, as Bland answers a write without it. */
export async function getNumber(kit: ProviderKit, id: string, request: RequestOptions, what: string) {
  const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/inbound/${id}` }, request, numberExpectation(what));
  // Read from the inbound endpoint: an inbound number; whether it is also on the outbound list is not known here.
  return mapBlandPhoneNumber(value, raw as RawRecord, await kit.e164Formatter(), { inbound: true, outbound: null });
}

/** One batch, unwrapped from the v2 `{ data }` envelope. */
export async function getBatch(kit: ProviderKit, id: string, request: RequestOptions) {
  const { value, raw } = await kit.request({ method: 'GET', path: path`/v2/batches/${id}` }, request, batchExpectation);
  return mapBlandCampaign(value.data, (raw as { data: RawRecord }).data);
}
