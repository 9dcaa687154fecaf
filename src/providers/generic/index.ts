import type { TypedProviderDefinition } from '../../core/provider-contract.js';
import type { Transport } from '../../core/transport/transport.js';
import { parseWire } from '../../core/kit/validate.js';
import type { GenericClient, GenericClientOptions } from './client.js';
import { genericPhoneNumberFilters, genericPhoneNumberQuery, type GenericPhoneNumberListParams } from './list-params.js';
import { mapGenericPhoneNumber } from './map-phone-number.js';
import { resolveOrganizationId } from './organization.js';
import { genericErrorDetail, genericPhoneNumberPageSchema, isGenericFailure } from './wire.js';
import { nextCursorOf } from './wire-assumptions.js';

const numbersPath = '/api/phone-numbers';

/** What every request needs beyond the key. */
export interface GenericContext {
  organizationId: string;
}

/**
 * Any API of the X-API-Key family (`X-API-Key` + `X-Organization-Id` headers, `{ success, data,
 * pagination }` envelopes, ISO timestamps). No host is assumed: `baseUrl` is required.
 */
export const genericProvider: TypedProviderDefinition<'generic', GenericClientOptions, GenericClient, GenericContext> = {
  id: 'generic',
  defaultBaseUrl: null,
  environmentPrefix: 'GENERIC',
  listFilters: { 'phoneNumbers.list': genericPhoneNumberFilters },
  extraOptions: ['organizationId'],
  context: (settings) => ({ organizationId: resolveOrganizationId(settings) }),
  authHeaders: (apiKey, context) => ({ 'x-api-key': apiKey, 'x-organization-id': context.organizationId }),
  errorDetail: genericErrorDetail,
  // `{ success: false, ... }` in a 2xx answer: the platform's own failure report, an APIError.
  reportedFailure: {
    matches: isGenericFailure,
    advice: 'Nothing was listed; check the parameters and the organization id.',
  },
  operations: (transport: Transport, _context, numbers) => ({
    phoneNumbers: {
      async list(params, cursor, request) {
        const query = genericPhoneNumberQuery(params as GenericPhoneNumberListParams, cursor);
        const response = await transport.request({ method: 'GET', path: numbersPath, query }, request);
        const page = parseWire(genericPhoneNumberPageSchema(), response.data, 'generic', 'a page of phone numbers');
        const rawItems = (response.data as { data: Record<string, unknown>[] }).data;
        const toE164 = await numbers.e164Formatter();
        return {
          items: page.data.map((item, index) => mapGenericPhoneNumber(item, rawItems[index]!, toE164)),
          nextCursor: nextCursorOf(page.pagination),
          totalCount: page.pagination.total_count ?? null,
        };
      },
    },
    campaigns: {},
  }),
};
