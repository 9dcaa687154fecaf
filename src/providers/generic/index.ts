import { cursorPages, defineProvider } from '../../provider.js';
import type { GenericClientOptions } from './client.js';
import { genericPhoneNumberFilters, genericPhoneNumberQuery, type GenericPhoneNumberListParams } from './list-params.js';
import { mapGenericPhoneNumber } from './map-phone-number.js';
import type { GenericSeed } from './sandbox-seed.js';
import { genericErrorDetail, genericPhoneNumberPageSchema, isGenericFailure } from './wire.js';
import { nextCursorOf } from './wire-assumptions.js';

/**
 * Any API of the X-API-Key family (`X-API-Key` + `X-Organization-Id` headers, `{ success, data,
 * pagination }` envelopes, ISO timestamps). No host is assumed: `baseUrl` is required.
 */
export const genericProvider = defineProvider<GenericClientOptions>()({
  specificationVersion: 1,
  id: 'generic',
  defaultBaseUrl: null,
  environmentPrefix: 'GENERIC',
  options: [
    {
      name: 'organizationId',
      label: 'organization id',
      description: 'the platform needs it in the X-Organization-Id header of every request.',
      environmentSuffix: 'ORGANIZATION_ID',
      cliFlag: 'organization-id',
      required: true,
      inHeader: true,
    },
  ],
  listFilters: { 'phoneNumbers.list': genericPhoneNumberFilters },
  authHeaders: (apiKey, options) => ({ 'x-api-key': apiKey, 'x-organization-id': options.organizationId! }),
  errorDetail: genericErrorDetail,
  // `{ success: false, ... }` in a 2xx answer: the platform's own failure report, an APIError.
  reportedFailure: {
    matches: isGenericFailure,
    advice: 'Nothing was listed; check the parameters and the organization id.',
  },
  sandbox: () => import('./sandbox.js').then((module) => module.genericSandbox),
  operations: (kit) => ({
    phoneNumbers: {
      list: cursorPages(kit, {
        operation: 'phoneNumbers.list',
        request: (params: GenericPhoneNumberListParams, cursor) => ({
          method: 'GET',
          path: '/api/phone-numbers',
          query: genericPhoneNumberQuery(params, cursor),
        }),
        expect: { schema: genericPhoneNumberPageSchema, what: 'a page of phone numbers' },
        items: (body) => body.data,
        map: mapGenericPhoneNumber,
        readsNumbers: true,
        next: (body) => ({ cursor: nextCursorOf(body.pagination), totalCount: body.pagination.total_count ?? null }),
      }),
    },
    campaigns: {},
  }),
});
