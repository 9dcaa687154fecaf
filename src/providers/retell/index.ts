import { cursorPages, defineProvider, inRequestedStatus, path, withOneStatus } from '../../provider.js';
import { retellCallOperations } from './calls-operations.js';
import { retellWrites } from './writes.js';
import type { RetellClient, RetellClientOptions } from './client.js';
import { retellPhoneNumberFilters, retellPhoneNumberQuery, type RetellPhoneNumberListParams } from './list-params.js';
import { mapRetellPhoneNumber } from './map-phone-number.js';
import { providerId } from './provider-id.js';
import type { RetellSeed } from './sandbox-seed.js';
import { retellErrorDetail, retellPhoneNumberPageSchema, retellPhoneNumberSchema } from './wire.js';
import { isAssetNotFound, nextPaginationKey, numberStatus } from './wire-assumptions.js';

type RawRecord = Record<string, unknown>;

/**
 * Retell AI: Bearer auth, `{ items, has_more, pagination_key }` pages without a total, numbers
 * addressed by their E.164 number, unix-ms timestamps, "no such number" answered as a 422.
 */
export const retellProvider = defineProvider<RetellClientOptions>()({
  specificationVersion: 1,
  id: providerId,
  defaultBaseUrl: 'https://api.retellai.com',
  environmentPrefix: 'RETELL',
  listFilters: { 'phoneNumbers.list': retellPhoneNumberFilters },
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: retellErrorDetail,
  notFound: isAssetNotFound,
  sandbox: () => import('./sandbox.js').then((module) => module.retellSandbox),
  operations: (kit) => {
    const writes = retellWrites(kit);
    const write = <Name extends keyof typeof writes>(name: Name) => writes[name];
    const { calls, agents } = retellCallOperations(kit);
    return {
      phoneNumbers: {
        // Every Retell number is active: a status set without 'active' is answered with no request.
        list: withOneStatus(numberStatus.unified, cursorPages(kit, {
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
        })),
        async get(id, request) {
          const { value, raw } = await kit.request({ method: 'GET', path: path`/get-phone-number/${id}` }, request, {
            schema: retellPhoneNumberSchema,
            what: 'a phone number',
          });
          return mapRetellPhoneNumber(value, raw as RawRecord);
        },
        update: write('phoneNumbers.update'),
        delete: write('phoneNumbers.delete'),
      },
      campaigns: {
        create: write('campaigns.create'),
      },
      calls,
      agents,
    };
  },
});
