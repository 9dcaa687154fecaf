import { cursorPages, defineProvider, path } from '../../provider.js';
import { vogentCallOperations } from './calls-operations.js';
import { vogentWrites } from './writes.js';
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
import type { VogentSeed } from './sandbox-seed.js';
import {
  vogentBatchDialJobPageSchema,
  vogentBatchDialJobSchema,
  vogentErrorDetail,
  vogentPhoneNumberPageSchema,
  vogentPhoneNumberSchema,
} from './wire.js';

type RawRecord = Record<string, unknown>;

/** Vogent's `{ data, cursor }` pages carry no total. */
const nextOf = <Body extends { cursor?: string | null | undefined }>(body: Body) => ({ cursor: body.cursor ?? null, totalCount: null });

/** Vogent: Bearer auth, cursor pages of `{ data, cursor }`, no total count; campaigns are batch dial jobs. */
export const vogentProvider = defineProvider<VogentClientOptions>()({
  specificationVersion: 1,
  id: 'vogent',
  defaultBaseUrl: 'https://api.vogent.ai/api',
  environmentPrefix: 'VOGENT',
  listFilters: { 'campaigns.list': vogentCampaignFilters },
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: vogentErrorDetail,
  sandbox: () => import('./sandbox.js').then((module) => module.vogentSandbox),
  operations: (kit) => {
    const writes = vogentWrites(kit);
    const write = <Name extends keyof typeof writes>(name: Name) => writes[name];
    const { calls, agents } = vogentCallOperations(kit);
    return {
      phoneNumbers: {
        list: cursorPages(kit, {
          operation: 'phoneNumbers.list',
          request: (params: VogentPhoneNumberListParams, cursor) => ({
            method: 'GET',
            path: '/phone_numbers',
            query: vogentPhoneNumberQuery(params, cursor),
          }),
          expect: { schema: vogentPhoneNumberPageSchema, what: 'a page of phone numbers' },
          items: (body) => body.data,
          map: mapVogentPhoneNumber,
          readsNumbers: true,
          next: nextOf,
        }),
        async get(id, request) {
          const { value, raw } = await kit.request({ method: 'GET', path: path`/phone_numbers/${id}` }, request, {
            schema: vogentPhoneNumberSchema,
            what: 'a phone number',
          });
          return mapVogentPhoneNumber(value, raw as RawRecord, await kit.e164Formatter());
        },
        update: write('phoneNumbers.update'),
        delete: write('phoneNumbers.delete'),
      },
      campaigns: {
        create: write('campaigns.create'),
        pause: write('campaigns.pause'),
        resume: write('campaigns.resume'),
        async get(id, request) {
          const { value, raw } = await kit.request({ method: 'GET', path: path`/batch_dial_jobs/${id}` }, request, {
            schema: vogentBatchDialJobSchema,
            what: 'a batch dial job',
          });
          return mapVogentCampaign(value, raw as RawRecord);
        },
        list: cursorPages(kit, {
          operation: 'campaigns.list',
          request: (params: VogentCampaignListParams, cursor) => ({
            method: 'GET',
            path: '/batch_dial_jobs',
            query: vogentCampaignQuery(params, cursor),
          }),
          expect: { schema: vogentBatchDialJobPageSchema, what: 'a page of batch dial jobs' },
          items: (body) => body.data,
          map: (wire, raw) => mapVogentCampaign(wire, raw),
          next: nextOf,
        }),
      },
      calls,
      agents,
    };
  },
});
