import { inRequestedStatus } from '../../core/kit/status.js';
import { checkCampaignInput } from '../../core/kit/campaign-input.js';
import { pageNumberPages } from '../../core/kit/pagination.js';
import { path } from '../../core/kit/path.js';
import { refuse } from '../../core/kit/refuse.js';
import { defineProvider } from '../../core/provider-contract.js';
import type { VapiClient, VapiClientOptions } from './client.js';
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
import {
  concurrencyRange,
  defaultLimit,
  firstPage,
  maxLimit,
  maxRecipients,
  providerId,
  vapiErrorDetail,
  isConcurrencyLimit,
} from './wire-assumptions.js';
import { createBody, missingCreateFields, updateBody } from './write-body.js';

type RawRecord = Record<string, unknown>;

const size = { default: defaultLimit, max: maxLimit };
const phoneNumber = { schema: phoneNumberSchema, what: 'a phone number' };
const campaign = { schema: campaignSchema, what: 'a campaign' };

/** Vapi: Bearer auth, `{ results, metadata }` page-number pages, ISO timestamps, uuids. */
export const vapiProvider = defineProvider<'vapi', VapiClientOptions, VapiClient, VapiSeed>({
  id: providerId,
  defaultBaseUrl: 'https://api.vapi.ai',
  environmentPrefix: 'VAPI',
  listFilters: { 'phoneNumbers.list': vapiPhoneNumberFilters },
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: vapiErrorDetail,
  concurrencyLimit: isConcurrencyLimit,
  sandbox: () => import('./sandbox.js').then((module) => module.vapiSandbox),
  operations: (kit) => ({
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
      // PATCH is never retried by the transport.
      async update(id, patch, request) {
        const body = updateBody(patch);
        const { value, raw } = await kit.request({ method: 'PATCH', path: path`/phone-number/${id}`, body }, request, {
          ...phoneNumber,
          what: 'the updated phone number',
        });
        return mapVapiPhoneNumber(value, raw as RawRecord);
      },
      async delete(id, request) {
        // Vapi answers with the deleted number; the neutral delete resolves with nothing.
        await kit.send({ method: 'DELETE', path: path`/phone-number/${id}` }, request);
      },
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
      // POST is never retried: a second attempt could start the same campaign twice.
      async create(input, request) {
        const missing = missingCreateFields(input);
        if (missing.length > 0) {
          throw refuse(providerId, 'campaigns.create', `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required. Nothing was sent.`);
        }
        const checked = await checkCampaignInput(kit, input, { maxRecipients, concurrency: concurrencyRange });
        const { value, raw } = await kit.request({ method: 'POST', path: '/v2/campaign', body: createBody(checked) }, request, {
          ...campaign,
          what: 'the created campaign',
        });
        return mapVapiCampaign(value, raw as RawRecord);
      },
      async cancel(id, request) {
        // Vapi deletes the calls not yet placed and lets calls in progress finish.
        await kit.send({ method: 'PATCH', path: path`/v2/campaign/${id}`, body: { status: 'cancelled' } }, request);
      },
    },
  }),
});
