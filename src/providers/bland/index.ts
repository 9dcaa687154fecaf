import { defineProvider, inRequestedStatus, offsetPages } from '../../provider.js';
import { blandCallOperations } from './calls-operations.js';
import type { CampaignListParams } from '../../provider.js';
import { blandWrites } from './writes.js';
import type { BlandClient, BlandClientOptions } from './client.js';
import { blandNumberList } from './list-numbers.js';
import { refuseCampaignStatus } from './list-params.js';
import { mapBlandCampaign } from './map-campaign.js';
import { getBatch, getNumber } from './reads.js';
import type { BlandSeed } from './sandbox-seed.js';
import { batchPageExpectation } from './wire.js';
import { batchPageSize, blandErrorDetail, isBlandFailure, providerId } from './wire-assumptions.js';

/** Bland: the raw key in `authorization` (no Bearer), numbers addressed by their E.164 number, batches as campaigns. */
export const blandProvider = defineProvider<BlandClientOptions>()({
  specificationVersion: 1,
  id: providerId,
  defaultBaseUrl: 'https://api.bland.ai',
  environmentPrefix: 'BLAND',
  // Bland reads a number without a country code as a US one.
  defaultCountry: 'US',
  authHeaders: (apiKey) => ({ authorization: apiKey }),
  errorDetail: blandErrorDetail,
  reportedFailure: { matches: isBlandFailure, advice: 'Bland refused the request; check the values sent.' },
  sandbox: () => import('./sandbox.js').then((module) => module.blandSandbox),
  operations: (kit) => {
    const writes = blandWrites(kit);
    const write = <Name extends keyof typeof writes>(name: Name) => writes[name];
    const { calls, agents } = blandCallOperations(kit);
    return {
      phoneNumbers: {
        // The inbound and the outbound numbers, each list in one answer: one page, no cursor.
        list: blandNumberList(kit),
        get: (id, request) => getNumber(kit, id, request),
        update: write('phoneNumbers.update'),
      },
      campaigns: {
        get: (id, request) => getBatch(kit, id, request),
        list: offsetPages(kit, {
          operation: 'campaigns.list',
          request: (params: CampaignListParams, offset, limit) => {
            refuseCampaignStatus(params);
            return { method: 'GET', path: '/v2/batches/list', query: { take: limit, skip: offset } };
          },
          size: batchPageSize,
          expect: batchPageExpectation,
          items: (body) => body.data,
          map: (wire, raw) => mapBlandCampaign(wire, raw),
        }),
        create: write('campaigns.create'),
        cancel: write('campaigns.cancel'),
      },
      calls,
      agents,
    };
  },
});
