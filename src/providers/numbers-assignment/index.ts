import type { TypedProviderDefinition } from '../../core/provider-contract.js';
import { ResponseValidationError } from '../../core/errors.js';
import type { Transport } from '../../core/transport/transport.js';
import type { PageData } from '../../core/pages/page.js';
import { path } from '../../core/kit/path.js';
import type { PhoneNumber, PhoneNumberListParams, RequestOptions } from '../../core/types.js';
import type { NumbersAssignmentClient, NumbersAssignmentClientOptions } from './client.js';
import { numbersAssignmentPageRequest } from './list-params.js';
import { mapNumbersAssignmentPhoneNumber } from './map-phone-number.js';
import { providerId, type NumbersAssignmentId } from './provider-id.js';
import { readAssignment, readAssignmentList } from './wire.js';
import { errorMessageOf, nextPageNumber } from './wire-assumptions.js';
import { createBody, updateBody } from './write-body.js';

type AssignedNumber = PhoneNumber<NumbersAssignmentId>;

/**
 * A write that succeeded but answered without the assignment: say so plainly, since the change
 * was probably made and a blind retry could make it twice.
 */
function requireBody(data: unknown, outcome: string): void {
  if (data !== undefined) return;
  throw new ResponseValidationError(
    `${providerId} answered the request with an empty body, so there is no phone number to return; ${outcome}`,
    { provider: providerId, issues: [{ path: '', message: 'empty body' }] },
  );
}

/** numbers-assignment: X-API-Key auth, page-number pages, ISO timestamps, one agent per number. */
export const numbersAssignmentProvider: TypedProviderDefinition<
  NumbersAssignmentId,
  NumbersAssignmentClientOptions,
  NumbersAssignmentClient
> = {
  id: providerId,
  defaultBaseUrl: null,
  environmentPrefix: 'NUMBERS_ASSIGNMENT',
  listFilters: {},
  extraOptions: [],
  context: () => undefined,
  authHeaders: (apiKey) => ({ 'x-api-key': apiKey }),
  errorDetail: errorMessageOf,
  operations: (transport: Transport, _context, numbers) => {
    const listPage = async (
      listPath: string,
      operation: string,
      params: PhoneNumberListParams,
      cursor: string | null,
      request: RequestOptions,
    ): Promise<PageData<AssignedNumber>> => {
      const { query, page, limit } = numbersAssignmentPageRequest(params, cursor, operation);
      const { data } = await transport.request({ method: 'GET', path: listPath, query }, request);
      const list = readAssignmentList(data);
      const toE164 = await numbers.e164Formatter();
      const next = nextPageNumber({ requestedPage: page, limit, itemCount: list.items.length, pagination: list.pagination });
      return {
        items: list.items.map((item, index) => mapNumbersAssignmentPhoneNumber(item, list.rawItems[index]!, toE164)),
        nextCursor: next === null ? null : String(next),
        totalCount: list.pagination?.total ?? null,
      };
    };

    return {
      phoneNumbers: {
        list: (params, cursor, request) => listPage('/numbers', 'phoneNumbers.list', params, cursor, request),
        listByAgent: (agentId, params, cursor, request) =>
          listPage(path`/agents/${agentId}/numbers`, 'phoneNumbers.listByAgent', params, cursor, request),
        async get(id, request) {
          const { data } = await transport.request({ method: 'GET', path: path`/numbers/${id}` }, request);
          const { wire, raw } = readAssignment(data, 'a phone number');
          return mapNumbersAssignmentPhoneNumber(wire, raw, await numbers.e164Formatter());
        },
        async create(input, request) {
          const body = createBody(input);
          // POST is never retried by the transport: a second attempt could assign the number twice.
          const { data } = await transport.request({ method: 'POST', path: '/numbers', body }, request);
          requireBody(data, 'the number was probably assigned: list the numbers to find it rather than creating it again.');
          const { wire, raw } = readAssignment(data, 'the created phone number');
          return mapNumbersAssignmentPhoneNumber(wire, raw, await numbers.e164Formatter());
        },
        async update(id, patch, request) {
          const body = updateBody(patch);
          const { data } = await transport.request({ method: 'PUT', path: path`/numbers/${id}`, body }, request);
          requireBody(data, `the change was probably applied: get('${id}') to read it.`);
          const { wire, raw } = readAssignment(data, 'the updated phone number');
          return mapNumbersAssignmentPhoneNumber(wire, raw, await numbers.e164Formatter());
        },
        async delete(id, request) {
          // 200 with no content is documented, 204 accepted; a body, if any, carries nothing to return.
          await transport.request({ method: 'DELETE', path: path`/numbers/${id}` }, request);
        },
      },
      campaigns: {},
    };
  },
};
