import { defineProvider, inRequestedStatus, pageNumberPages, path } from '../../provider.js';
import { vapiCallOperations } from './calls-operations.js';
import type * as z from 'zod/mini';
import { vapiWrites } from './writes.js';
import type { VapiClient, VapiClientOptions } from './client.js';
import {
  campaignQuery,
  phoneNumberQuery,
  wireCampaignStatus,
  vapiPhoneNumberFilters,
  type VapiCampaignListParams,
  type VapiPhoneNumberListParams,
} from './list-params.js';
import { mapVapiCampaign } from './map-campaign.js';
import { mapVapiPhoneNumber } from './map-phone-number.js';
import type { VapiSeed } from './sandbox-seed.js';
import { type VapiCampaignWire, campaignPageSchema, campaignSchema, pagePosition, phoneNumberPageSchema, phoneNumberSchema } from './wire.js';
import { defaultLimit, firstPage, maxLimit, providerId, vapiErrorDetail, isConcurrencyLimit } from './wire-assumptions.js';

type RawRecord = Record<string, unknown>;
type CampaignPage = z.infer<ReturnType<typeof campaignPageSchema>>;

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
    const campaignPages = (wireStatus: string | undefined) => ({
      operation: 'campaigns.list',
      request: (_params: VapiCampaignListParams, page: number, limit: number | undefined) => ({
        method: 'GET' as const,
        path: '/v2/campaign',
        query: campaignQuery(page, limit ?? defaultLimit, wireStatus),
      }),
      size,
      firstPage,
      expect: { schema: campaignPageSchema, what: 'a page of campaigns' },
      items: (body: CampaignPage) => body.results,
      position: (body: CampaignPage) => pagePosition(body),
      map: (wire: VapiCampaignWire, raw: RawRecord) => mapVapiCampaign(wire, raw),
    });
    // A filter Vapi cannot apply in one request (two wire statuses map to two unified ones each, by
    // `endedReason`; Vapi takes one status): the SDK filters each page, and the total is unknown.
    const campaignsFilteredBySdk = pageNumberPages(kit, { ...campaignPages(undefined), keep: inRequestedStatus });
    // `scheduled` or `running` alone: Vapi's own filter, so its total stays.
    const campaignsInWireStatus = (wireStatus: string) => pageNumberPages(kit, campaignPages(wireStatus));
    const writes = vapiWrites(kit);
    const write = <Name extends keyof typeof writes>(name: Name) => writes[name];
    const { calls, agents } = vapiCallOperations(kit);
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
        list: (params, cursor, request) => {
          const wireStatus = wireCampaignStatus(params.status);
          return wireStatus === null ? campaignsFilteredBySdk(params, cursor, request) : campaignsInWireStatus(wireStatus)(params, cursor, request);
        },
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
      calls,
      agents,
    };
  },
});
