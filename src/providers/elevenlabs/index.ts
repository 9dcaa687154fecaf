import { cursorPages, defineProvider, inRequestedStatus, path } from '../../provider.js';
import { elevenLabsCallOperations } from './calls-operations.js';
import type { ElevenLabsClient, ElevenLabsClientOptions } from './client.js';
import { campaignFilters, campaignQuery, phoneNumberFilters, type ElevenLabsCampaignListParams } from './list-params.js';
import { mapElevenLabsBatchCall } from './map-campaign.js';
import { mapElevenLabsPhoneNumber } from './map-phone-number.js';
import { elevenLabsNumberList } from './number-list.js';
import { elevenLabsWrites } from './writes.js';
import { providerId } from './provider-id.js';
import { elevenLabsBaseUrls } from './regions.js';
import type { ElevenLabsSeed } from './sandbox-seed.js';
import { batchCallDetailSchema, batchCallPageSchema, phoneNumberSchema } from './wire.js';
import { elevenLabsErrorDetail, isConcurrencyLimit, isReportedFailure, nextCursor } from './wire-assumptions.js';

type RawRecord = Record<string, unknown>;

/**
 * ElevenLabs Agents Platform (formerly Conversational AI), under `/v1/convai/`: `xi-api-key` auth,
 * cursor pages (`next_cursor`) for numbers and `last_doc`/`next_doc` pages for batch calls, unix
 * seconds, no status on numbers, batch calls as campaigns.
 */
export const elevenLabsProvider = defineProvider<ElevenLabsClientOptions>()({
  specificationVersion: 1,
  id: providerId,
  defaultBaseUrl: elevenLabsBaseUrls.production,
  environmentPrefix: 'ELEVENLABS',
  listFilters: { 'phoneNumbers.list': phoneNumberFilters, 'campaigns.list': campaignFilters },
  authHeaders: (apiKey) => ({ 'xi-api-key': apiKey }),
  errorDetail: elevenLabsErrorDetail,
  reportedFailure: {
    matches: isReportedFailure,
    advice: 'No call was placed; check the agent, the from-number and the number called.',
  },
  concurrencyLimit: isConcurrencyLimit,
  sandbox: () => import('./sandbox.js').then((module) => module.elevenLabsSandbox),
  operations: (kit) => {
    const writes = elevenLabsWrites(kit);
    const write = <Name extends keyof typeof writes>(name: Name) => writes[name];
    const { calls, agents } = elevenLabsCallOperations(kit);
    return {
      phoneNumbers: {
        list: elevenLabsNumberList(kit),
        async get(id, request) {
          const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/convai/phone-numbers/${id}` }, request, {
            schema: phoneNumberSchema,
            what: 'a phone number',
          });
          return mapElevenLabsPhoneNumber(value, raw as RawRecord);
        },
        update: write('phoneNumbers.update'),
        delete: write('phoneNumbers.delete'),
      },
      campaigns: {
        list: cursorPages(kit, {
          operation: 'campaigns.list',
          request: (params: ElevenLabsCampaignListParams, lastDoc) => ({
            method: 'GET',
            path: '/v1/convai/batch-calling/workspace',
            query: campaignQuery(params, lastDoc),
          }),
          expect: { schema: batchCallPageSchema, what: 'a page of batch calls' },
          items: (body) => body.batch_calls,
          map: (wire, raw) => mapElevenLabsBatchCall(wire, raw, Date.now()),
          // The workspace list has no status filter: the SDK applies it to each page.
          keep: inRequestedStatus,
          next: (body) => ({ cursor: nextCursor(body.next_doc, body.has_more), totalCount: null }),
        }),
        async get(id, request) {
          const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/convai/batch-calling/${id}` }, request, {
            schema: batchCallDetailSchema,
            what: 'a batch call',
          });
          return mapElevenLabsBatchCall(value, raw as RawRecord, Date.now());
        },
        create: write('campaigns.create'),
        cancel: write('campaigns.cancel'),
        retry: write('campaigns.retry'),
      },
      calls,
      agents,
    };
  },
});
