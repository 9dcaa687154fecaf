import { chainListings, cursorPages, defineProvider, path } from '../../provider.js';
import { voxCallOperations } from './calls-operations.js';
import { voxWrites } from './writes.js';
import type { VoxClient, VoxClientOptions } from './client.js';
import {
  voxPhoneNumberFilters,
  voxPhoneNumberListings,
  voxPhoneNumberQuery,
  type VoxPhoneNumberListing,
  type VoxPhoneNumberListParams,
} from './list-params.js';
import { mapVoxCampaign } from './map-campaign.js';
import { mapVoxPhoneNumber } from './map-phone-number.js';
import type { VoxSeed } from './sandbox-seed.js';
import { voxCampaignListings, voxCampaignQuery, type VoxCampaignListing, type VoxCampaignListParams } from './campaign-list-params.js';
import { voxCampaignPageSchema, voxCampaignSchema, voxErrorDetail, voxPhoneNumberPageSchema, voxPhoneNumberSchema } from './wire.js';
import { campaignsPath } from './wire-assumptions.js';

const numbersPath = '/v3/organization-telephone-numbers';

/** vox.ai: Bearer auth, cursor pages of `{ items, total_count, next_cursor }`, unix-ms timestamps. */
export const voxProvider = defineProvider<VoxClientOptions>()({
  specificationVersion: 1,
  id: 'vox',
  defaultBaseUrl: 'https://client-api.tryvox.co',
  environmentPrefix: 'VOX',
  // vox sells Korean numbers and spells them in domestic form (0212345678).
  defaultCountry: 'KR',
  listFilters: { 'phoneNumbers.list': voxPhoneNumberFilters },
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: voxErrorDetail,
  sandbox: () => import('./sandbox.js').then((module) => module.voxSandbox),
  operations: (kit) => {
    const writes = voxWrites(kit);
    const write = <Name extends keyof typeof writes>(name: Name) => writes[name];
    const { calls, agents } = voxCallOperations(kit);
    return {
      phoneNumbers: {
        // vox's numbers list takes one status per request: several (or none, meaning all) are one listing per status, chained.
        list: chainListings({
          operation: 'phoneNumbers.list',
          provider: 'vox',
          parts: (params: VoxPhoneNumberListParams) => voxPhoneNumberListings(params),
          countOnly: (listing) => ({ ...listing, params: { ...listing.params, limit: 1 } }),
          list: cursorPages(kit, {
            operation: 'phoneNumbers.list',
            request: (listing: VoxPhoneNumberListing, cursor) => ({ method: 'GET', path: numbersPath, query: voxPhoneNumberQuery(listing, cursor) }),
            expect: { schema: voxPhoneNumberPageSchema, what: 'a page of phone numbers' },
            items: (body) => body.items,
            map: mapVoxPhoneNumber,
            readsNumbers: true,
            next: (body) => ({ cursor: body.next_cursor ?? null, totalCount: body.total_count ?? null }),
          }),
        }),
        async get(id, request) {
          const { value, raw } = await kit.request({ method: 'GET', path: path`/v3/organization-telephone-numbers/${id}` }, request, {
            schema: voxPhoneNumberSchema,
            what: 'a phone number',
          });
          return mapVoxPhoneNumber(value, raw as Record<string, unknown>, await kit.e164Formatter());
        },
        update: write('phoneNumbers.update'),
      },
      campaigns: {
        // One status per request, as the numbers list: several statuses are one listing per status, chained.
        list: chainListings({
          operation: 'campaigns.list',
          provider: 'vox',
          parts: (params: VoxCampaignListParams) => voxCampaignListings(params),
          countOnly: (listing) => ({ ...listing, limit: 1 }),
          list: cursorPages(kit, {
            operation: 'campaigns.list',
            request: (listing: VoxCampaignListing, cursor) => ({ method: 'GET', path: campaignsPath, query: voxCampaignQuery(listing, cursor) }),
            expect: { schema: voxCampaignPageSchema, what: 'a page of campaigns' },
            items: (body) => body.items,
            map: (wire, raw) => mapVoxCampaign(wire, raw),
            next: (body) => ({ cursor: body.next_cursor ?? null, totalCount: body.total_count ?? null }),
          }),
        }),
        create: write('campaigns.create'),
        pause: write('campaigns.pause'),
        resume: write('campaigns.resume'),
        cancel: write('campaigns.cancel'),
        async get(id, request) {
          const { value, raw } = await kit.request({ method: 'GET', path: path`/v3/campaigns/${id}` }, request, {
            schema: voxCampaignSchema,
            what: 'a campaign',
          });
          return mapVoxCampaign(value, raw as Record<string, unknown>);
        },
      },
      calls,
      agents,
    };
  },
});
