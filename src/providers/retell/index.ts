import { inRequestedStatus } from '../../core/kit/status.js';
import { checkCampaignInput } from '../../core/kit/campaign-input.js';
import { cursorPages } from '../../core/kit/pagination.js';
import { path } from '../../core/kit/path.js';
import { noteUncertainWrite } from '../../core/kit/write-outcome.js';
import { defineProvider } from '../../core/provider-contract.js';
import type { RetellClient, RetellClientOptions } from './client.js';
import { retellPhoneNumberFilters, retellPhoneNumberQuery, type RetellPhoneNumberListParams } from './list-params.js';
import { mapRetellBatchCall } from './map-campaign.js';
import { mapRetellPhoneNumber } from './map-phone-number.js';
import { providerId } from './provider-id.js';
import type { RetellSeed } from './sandbox-seed.js';
import { retellBatchCallSchema, retellErrorDetail, retellPhoneNumberPageSchema, retellPhoneNumberSchema } from './wire.js';
import { isAssetNotFound, nextPaginationKey } from './wire-assumptions.js';
import { retellBatchCallBody, retellUpdateBody } from './write-body.js';

type RawRecord = Record<string, unknown>;

/**
 * Retell AI: Bearer auth, `{ items, has_more, pagination_key }` pages without a total, numbers
 * addressed by their E.164 number, unix-ms timestamps, "no such number" answered as a 422.
 */
export const retellProvider = defineProvider<'retell', RetellClientOptions, RetellClient, RetellSeed>({
  id: providerId,
  defaultBaseUrl: 'https://api.retellai.com',
  environmentPrefix: 'RETELL',
  listFilters: { 'phoneNumbers.list': retellPhoneNumberFilters },
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: retellErrorDetail,
  notFound: isAssetNotFound,
  sandbox: () => import('./sandbox.js').then((module) => module.retellSandbox),
  operations: (kit) => {
    const phoneNumber = { schema: retellPhoneNumberSchema, what: 'a phone number' };
    return {
      phoneNumbers: {
        list: cursorPages(kit, {
          operation: 'phoneNumbers.list',
          request: (params: RetellPhoneNumberListParams, cursor) => ({
            method: 'GET',
            path: '/v2/list-phone-numbers',
            query: retellPhoneNumberQuery(params, cursor),
          }),
          expect: { schema: retellPhoneNumberPageSchema, what: 'a page of phone numbers' },
          items: (body) => body.items,
          map: (wire, raw) => mapRetellPhoneNumber(wire, raw),
          // Every Retell number is active: the neutral status filter is applied here.
          keep: inRequestedStatus,
          next: (body) => ({ cursor: nextPaginationKey(body), totalCount: null }),
        }),
        async get(id, request) {
          const { value, raw } = await kit.request({ method: 'GET', path: path`/get-phone-number/${id}` }, request, phoneNumber);
          return mapRetellPhoneNumber(value, raw as RawRecord);
        },
        async update(id, patch, request) {
          const body = retellUpdateBody(patch);
          try {
            // PATCH is never retried by the transport.
            const { value, raw } = await kit.request({ method: 'PATCH', path: path`/update-phone-number/${id}`, body }, request, {
              ...phoneNumber,
              what: 'the updated phone number',
            });
            return mapRetellPhoneNumber(value, raw as RawRecord);
          } catch (error) {
            throw noteUncertainWrite(error, 'update', `phoneNumbers.get('${id}') shows the number's agent and nickname`);
          }
        },
        async delete(id, request) {
          await kit.send({ method: 'DELETE', path: path`/delete-phone-number/${id}` }, request);
        },
      },
      campaigns: {
        async create(input, request) {
          // Retell takes no concurrency for a batch: `reserved_concurrency` keeps capacity back for other calls.
          const checked = await checkCampaignInput(kit, input, { maxRecipients: null, concurrency: null });
          const body = retellBatchCallBody(checked);
          try {
            const { value, raw } = await kit.request({ method: 'POST', path: '/create-batch-call', body }, request, {
              schema: retellBatchCallSchema,
              what: 'the created batch call',
            });
            return mapRetellBatchCall(value, raw as RawRecord, Date.now());
          } catch (error) {
            // Retell has no endpoint to read batch calls back: its dashboard is the only place to look.
            throw noteUncertainWrite(error, 'create', `the Batch Call page of Retell's dashboard shows whether "${checked.name}" exists`);
          }
        },
      },
    };
  },
});
