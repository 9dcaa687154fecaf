import type { TypedProviderDefinition } from '../../core/provider-contract.js';
import type { Transport } from '../../core/transport/transport.js';
import type { PageData } from '../../core/pages/page.js';
import { path } from '../../core/kit/path.js';
import { parseWire } from '../../core/kit/validate.js';
import type { VogentClient, VogentClientOptions } from './client.js';
import {
  vogentCampaignFilters,
  vogentCampaignQuery,
  vogentPhoneNumberQuery,
  type VogentCampaignListParams,
  type VogentPhoneNumberListParams,
} from './list-params.js';
import { mapVogentCampaign } from './map-campaign.js';
import { mapVogentPhoneNumber } from './map-phone-number.js';
import { vogentUpdateBody } from './update-body.js';
import {
  vogentBatchDialJobPageSchema,
  vogentBatchDialJobSchema,
  vogentErrorDetail,
  vogentPhoneNumberPageSchema,
  vogentPhoneNumberSchema,
} from './wire.js';

type RawRecord = Record<string, unknown>;

/** One `{ data, cursor }` page: the validated items are mapped beside their originals, kept as `raw`. */
function toPage<Wire, Item>(
  page: { data: Wire[]; cursor?: string | null | undefined },
  body: unknown,
  map: (wire: Wire, raw: RawRecord) => Item,
): PageData<Item> {
  const rawItems = (body as { data: RawRecord[] }).data;
  return {
    items: page.data.map((item, index) => map(item, rawItems[index]!)),
    nextCursor: page.cursor || null,
    totalCount: null,
  };
}

/** Vogent: Bearer auth, cursor pages of `{ data, cursor }`, no total count; campaigns are batch dial jobs. */
export const vogentProvider: TypedProviderDefinition<'vogent', VogentClientOptions, VogentClient> = {
  id: 'vogent',
  defaultBaseUrl: 'https://api.vogent.ai/api',
  environmentPrefix: 'VOGENT',
  listFilters: { 'campaigns.list': vogentCampaignFilters },
  extraOptions: [],
  context: () => undefined,
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: vogentErrorDetail,
  operations: (transport: Transport, _context, numbers) => ({
    phoneNumbers: {
      async list(params, cursor, request) {
        const query = vogentPhoneNumberQuery(params as VogentPhoneNumberListParams, cursor);
        const { data } = await transport.request({ method: 'GET', path: '/phone_numbers', query }, request);
        const page = parseWire(vogentPhoneNumberPageSchema(), data, 'vogent', 'a page of phone numbers');
        const toE164 = await numbers.e164Formatter();
        return toPage(page, data, (wire, raw) => mapVogentPhoneNumber(wire, raw, toE164));
      },
      async get(id, request) {
        const { data } = await transport.request({ method: 'GET', path: path`/phone_numbers/${id}` }, request);
        const wire = parseWire(vogentPhoneNumberSchema(), data, 'vogent', 'a phone number');
        return mapVogentPhoneNumber(wire, data as RawRecord, await numbers.e164Formatter());
      },
      async update(id, patch, request) {
        const body = vogentUpdateBody(patch);
        const { data } = await transport.request({ method: 'PUT', path: path`/phone_numbers/${id}`, body }, request);
        const wire = parseWire(vogentPhoneNumberSchema(), data, 'vogent', 'the updated phone number');
        return mapVogentPhoneNumber(wire, data as RawRecord, await numbers.e164Formatter());
      },
      async delete(id, request) {
        // Vogent answers with the deleted number; the neutral delete resolves with nothing.
        await transport.request({ method: 'DELETE', path: path`/phone_numbers/${id}` }, request);
      },
    },
    campaigns: {
      async get(id, request) {
        const { data } = await transport.request({ method: 'GET', path: path`/batch_dial_jobs/${id}` }, request);
        const wire = parseWire(vogentBatchDialJobSchema(), data, 'vogent', 'a batch dial job');
        return mapVogentCampaign(wire, data as RawRecord);
      },
      async list(params, cursor, request) {
        const query = vogentCampaignQuery(params as VogentCampaignListParams, cursor);
        const { data } = await transport.request({ method: 'GET', path: '/batch_dial_jobs', query }, request);
        const page = parseWire(vogentBatchDialJobPageSchema(), data, 'vogent', 'a page of batch dial jobs');
        return toPage(page, data, mapVogentCampaign);
      },
    },
  }),
};
