import type { TypedProviderDefinition } from '../../core/provider-contract.js';
import type { VoxClient, VoxClientOptions } from './client.js';
import type { Transport } from '../../core/transport/transport.js';
import { path } from '../../core/kit/path.js';
import { parseWire } from '../../core/kit/validate.js';
import { voxPhoneNumberFilters, voxPhoneNumberQuery, type VoxPhoneNumberListParams } from './list-params.js';
import { mapVoxCampaign } from './map-campaign.js';
import { mapVoxPhoneNumber } from './map-phone-number.js';
import { voxCampaignSchema, voxErrorDetail, voxPhoneNumberPageSchema, voxPhoneNumberSchema } from './wire.js';

const numbersPath = '/v3/organization-telephone-numbers';

/** vox.ai: Bearer auth, cursor pages of `{ items, total_count, next_cursor }`, unix-ms timestamps. */
export const voxProvider: TypedProviderDefinition<'vox', VoxClientOptions, VoxClient> = {
  id: 'vox',
  defaultBaseUrl: 'https://client-api.tryvox.co',
  environmentPrefix: 'VOX',
  // vox sells Korean numbers and spells them in domestic form (0212345678).
  defaultCountry: 'KR',
  listFilters: { 'phoneNumbers.list': voxPhoneNumberFilters },
  extraOptions: [],
  context: () => undefined,
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: voxErrorDetail,
  operations: (transport: Transport, _context, numbers) => ({
    phoneNumbers: {
      async list(params, cursor, request) {
        const query = voxPhoneNumberQuery(params as VoxPhoneNumberListParams, cursor);
        const { data } = await transport.request({ method: 'GET', path: numbersPath, query }, request);
        const page = parseWire(voxPhoneNumberPageSchema(), data, 'vox', 'a page of phone numbers');
        const rawItems = (data as { items: Record<string, unknown>[] }).items;
        const toE164 = await numbers.e164Formatter();
        return {
          items: page.items.map((item, index) => mapVoxPhoneNumber(item, rawItems[index]!, toE164)),
          nextCursor: page.next_cursor || null,
          totalCount: page.total_count ?? null,
        };
      },
      async get(id, request) {
        const { data } = await transport.request({ method: 'GET', path: path`/v3/organization-telephone-numbers/${id}` }, request);
        const wire = parseWire(voxPhoneNumberSchema(), data, 'vox', 'a phone number');
        return mapVoxPhoneNumber(wire, data as Record<string, unknown>, await numbers.e164Formatter());
      },
    },
    campaigns: {
      async get(id, request) {
        const { data } = await transport.request({ method: 'GET', path: path`/v3/campaigns/${id}` }, request);
        const wire = parseWire(voxCampaignSchema(), data, 'vox', 'a campaign');
        return mapVoxCampaign(wire, data as Record<string, unknown>);
      },
    },
  }),
};
