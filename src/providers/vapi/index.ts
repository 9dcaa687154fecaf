import { deferredOperations, defineProvider, inRequestedStatus, pageNumberPages, path } from '../../provider.js';
import type { RawRecord } from '../../provider.js';
import type { VapiClientOptions } from './client.js';
import {
  campaignQuery,
  phoneNumberQuery,
  vapiPhoneNumberFilters,
  type VapiCampaignListParams,
  type VapiPhoneNumberListParams,
} from './list-params.js';
import { mapVapiCampaign } from './map-campaign.js';
import { mapVapiPhoneNumber } from './map-phone-number.js';
import type { VapiSeed } from './sandbox-seed.js';
import { type VapiCampaignWire, campaignPageSchema, campaignSchema, pagePosition, phoneNumberPageSchema, phoneNumberSchema } from './wire.js';
import { defaultLimit, firstPage, maxLimit, providerId, vapiErrorDetail, isConcurrencyLimit } from './wire-assumptions.js';

const size = { default: defaultLimit, max: maxLimit };
const phoneNumber = { schema: phoneNumberSchema, what: 'a phone number' };
const campaign = { schema: campaignSchema, what: 'a campaign' };

/** Vapi: Bearer auth, `{ results, metadata }` page-number pages, ISO timestamps, uuids. */
export const vapiProvider = defineProvider<VapiClientOptions>()({
  specificationVersion: 1,
  id: providerId,
  defaultBaseUrl: 'https://api.vapi.ai',
  environmentPrefix: 'VAPI',
  listFilters: { 'phoneNumbers.list': vapiPhoneNumberFilters },
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: vapiErrorDetail,
  concurrencyLimit: isConcurrencyLimit,
  sandbox: () => import('./sandbox.js').then((module) => module.vapiSandbox),
  operations: (kit) => {
    // The writes are a chunk of their own, loaded at the first write (see deferredOperations).
    const write = deferredOperations(kit, () => import('./writes.js').then((module) => module.vapiWrites(kit)));
    return {
      phoneNumbers: {
        list: pageNumberPages(kit, {
          operation: 'phoneNumbers.list',
          request: (params: VapiPhoneNumberListParams, page, limit) => ({
            method: 'GET',
            path: '/v2/phone-number',
            query: phoneNumberQuery(params, page, limit ?? defaultLimit),
          }),
          size,
          firstPage,
          expect: { schema: phoneNumberPageSchema, what: 'a page of phone numbers' },
          items: (body) => body.results,
          position: (body) => pagePosition(body),
          map: mapVapiPhoneNumber,
          // Vapi has no status filter on numbers: the SDK applies it to each page.
          keep: inRequestedStatus,
        }),
        async get(id, request) {
          const { value, raw } = await kit.request({ method: 'GET', path: path`/phone-number/${id}` }, request, phoneNumber);
          return mapVapiPhoneNumber(value, raw as RawRecord);
        },
        update: write('phoneNumbers.update'),
        delete: write('phoneNumbers.delete'),
      },
      campaigns: {
        list: pageNumberPages(kit, {
          operation: 'campaigns.list',
          request: (_params: VapiCampaignListParams, page, limit) => ({
            method: 'GET',
            path: '/v2/campaign',
            query: campaignQuery(page, limit ?? defaultLimit),
          }),
          size,
          firstPage,
          expect: { schema: campaignPageSchema, what: 'a page of campaigns' },
          items: (body) => body.results,
          position: (body) => pagePosition(body),
          map: (wire: VapiCampaignWire, raw) => mapVapiCampaign(wire, raw),
          // Two wire statuses map to two unified ones each (by `endedReason`): the SDK filters each page.
          keep: inRequestedStatus,
        }),
        async get(id, request) {
          const { value, raw } = await kit.request(
            { method: 'GET', path: path`/v2/campaign/${id}`, query: { includeCounters: true } },
            request,
            campaign,
          );
          return mapVapiCampaign(value, raw as RawRecord);
        },
        create: write('campaigns.create'),
        cancel: write('campaigns.cancel'),
      },
    };
  },
});
