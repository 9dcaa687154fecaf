import { inRequestedStatus } from '../../core/kit/status.js';
import { checkCampaignInput } from '../../core/kit/campaign-input.js';
import { cursorPages, offsetPages } from '../../core/kit/pagination.js';
import { path } from '../../core/kit/path.js';
import { VoiceplaneError } from '../../core/errors.js';
import { defineProvider, type ProviderKit } from '../../core/provider-contract.js';
import type { CampaignListParams, RequestOptions } from '../../core/types.js';
import type { BlandClient, BlandClientOptions } from './client.js';
import { refuseCampaignStatus, type BlandPhoneNumberListParams } from './list-params.js';
import { mapBlandCampaign } from './map-campaign.js';
import { mapBlandPhoneNumber } from './map-phone-number.js';
import type { BlandSeed } from './sandbox-seed.js';
import { batchExpectation, batchPageExpectation, createdExpectation, numberExpectation, numberListExpectation } from './wire.js';
import {
  batchPageSize,
  blandErrorDetail,
  isBlandFailure,
  maxBatchLabelLength,
  maxRecipients,
  providerId,
} from './wire-assumptions.js';
import { batchBody, routeBody } from './writes.js';

type RawRecord = Record<string, unknown>;


async function getNumber(kit: ProviderKit, id: string, request: RequestOptions, what: string) {
  const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/inbound/${id}` }, request, numberExpectation(what));
  return mapBlandPhoneNumber(value, raw as RawRecord, await kit.e164Formatter());
}

async function getBatch(kit: ProviderKit, id: string, request: RequestOptions) {
  const { value, raw } = await kit.request({ method: 'GET', path: path`/v2/batches/${id}` }, request, batchExpectation);
  return mapBlandCampaign(value.data, (raw as { data: RawRecord }).data);
}

/** Bland: the raw key in `authorization` (no Bearer), numbers addressed by their E.164 number, batches as campaigns. */
export const blandProvider = defineProvider<'bland', BlandClientOptions, BlandClient, BlandSeed>({
  id: providerId,
  defaultBaseUrl: 'https://api.bland.ai',
  environmentPrefix: 'BLAND',
  // Bland reads a number without a country code as a US one.
  defaultCountry: 'US',
  authHeaders: (apiKey) => ({ authorization: apiKey }),
  errorDetail: blandErrorDetail,
  reportedFailure: { matches: isBlandFailure, advice: 'Bland refused the request; check the values sent.' },
  sandbox: () => import('./sandbox.js').then((module) => module.blandSandbox),
  operations: (kit) => ({
    phoneNumbers: {
      // Every inbound number in one answer: one page, no cursor, no total.
      list: cursorPages(kit, {
        operation: 'phoneNumbers.list',
        request: (_params: BlandPhoneNumberListParams) => ({ method: 'GET', path: '/v1/inbound' }),
        expect: numberListExpectation,
        items: (body) => body.inbound_numbers,
        map: mapBlandPhoneNumber,
        readsNumbers: true,
        keep: inRequestedStatus,
        next: () => ({ cursor: null, totalCount: null }),
      }),
      get: (id, request) => getNumber(kit, id, request, 'an inbound number'),
      async update(id, patch, request) {
        const body = routeBody(patch);
        // The answer is `{ status, message, updates }`, not the number: the number is read back.
        await kit.send({ method: 'POST', path: path`/v1/inbound/${id}`, body }, request);
        return getNumber(kit, id, request, 'the updated inbound number');
      },
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
      async create(input, request) {
        const checked = await checkCampaignInput(kit, input, { maxRecipients, concurrency: null, maxNameLength: maxBatchLabelLength });
        // A POST: the transport never retries it, so a lost answer cannot create the batch twice.
        const { value } = await kit.request({ method: 'POST', path: '/v2/batches/create', body: batchBody(checked) }, request, createdExpectation);
        const batchId = value.data.batch_id;
        try {
          return await getBatch(kit, batchId, request);
        } catch (error) {
          throw new VoiceplaneError(
            `${providerId}: campaigns.create: the batch ${batchId} was created, but reading it back failed ` +
              `(${error instanceof Error ? error.message : String(error)}). Do not create it again: get('${batchId}') later, ` +
              `or cancel('${batchId}') to stop it. error.campaignId holds its id.`,
            { provider: providerId, cause: error, campaignId: batchId },
          );
        }
      },
      async cancel(id, request) {
        // The answer is `{ data: null, errors: null }`: nothing to return.
        await kit.send({ method: 'POST', path: path`/v2/batches/${id}/stop` }, request);
      },
    },
  }),
});
