import { defineProvider, inRequestedStatus, pageNumberPages, path, refuser } from '../../provider.js';
import type { PhoneNumberListParams, ProviderKit } from '../../provider.js';
import { numbersAssignmentWrites } from './writes.js';
import type { NumbersAssignmentClient, NumbersAssignmentClientOptions } from './client.js';
import { knownStatuses, numbersAssignmentQuery } from './list-params.js';
import { mapNumbersAssignmentPhoneNumber } from './map-phone-number.js';
import { oneAssignment } from './one-assignment.js';
import { providerId } from './provider-id.js';
import type { NumbersAssignmentSeed } from './sandbox-seed.js';
import { listExpectation, listItems, listPosition } from './wire.js';
import { defaultLimit, errorMessageOf, firstPage, listQuery, maxLimit } from './wire-assumptions.js';

/** The list parameters of `listByAgent`, with the agent whose numbers are listed. */
type AgentListParams = PhoneNumberListParams & { agentId: string };

/** `/numbers` pages by `page` and `limit`; a full page may have a successor when the answer says nothing of its position. */
const numbersList = (kit: ProviderKit) =>
  pageNumberPages(kit, {
    operation: 'phoneNumbers.list',
    request: (params: PhoneNumberListParams, page, limit) => ({
      method: 'GET',
      path: '/numbers',
      query: numbersAssignmentQuery(params, page, limit!, 'phoneNumbers.list'),
    }),
    size: { default: defaultLimit, max: maxLimit },
    firstPage,
    expect: listExpectation,
    items: listItems,
    position: listPosition,
    map: mapNumbersAssignmentPhoneNumber,
    readsNumbers: true,
  });

/**
 * `GET /agents/{id}/numbers` documents no query parameters, so its answer is one page, whatever its
 * length: nothing is sent but the path, `limit` is refused, and a status filter is applied to the
 * answer by the SDK (exact, since the answer holds every number of the agent). Only an answer that
 * carries a pagination object saying more pages follow is continued, asking for them with `page`.
 */
const agentNumbersList = (kit: ProviderKit) => {
  const operation = 'phoneNumbers.listByAgent';
  const fail = refuser(providerId, operation);
  return pageNumberPages(kit, {
    operation,
    request: (params: AgentListParams, page) => {
      knownStatuses(params, fail);
      if (params.limit !== undefined) {
        throw fail(
          `limit cannot be sent: ${providerId} documents no page size for /agents/{id}/numbers, which answers every number of the agent at once. Leave limit out.`,
        );
      }
      return { method: 'GET', path: path`/agents/${params.agentId}/numbers`, query: page === firstPage ? {} : { [listQuery.page]: page } };
    },
    // No page size is sent; `limit` is refused above with the reason.
    size: { default: undefined, max: Number.MAX_SAFE_INTEGER },
    firstPage,
    fullPageMeansMore: false,
    expect: listExpectation,
    items: listItems,
    position: listPosition,
    map: mapNumbersAssignmentPhoneNumber,
    readsNumbers: true,
    // The statuses were checked by `request`; each item is only compared with them.
    keep: inRequestedStatus,
  });
};

/** numbers-assignment: X-API-Key auth, page-number pages, ISO timestamps, one agent per number. */
export const numbersAssignmentProvider = defineProvider<NumbersAssignmentClientOptions>()({
  specificationVersion: 1,
  id: providerId,
  defaultBaseUrl: null,
  environmentPrefix: 'NUMBERS_ASSIGNMENT',
  authHeaders: (apiKey) => ({ 'x-api-key': apiKey }),
  errorDetail: errorMessageOf,
  sandbox: () => import('./sandbox.js').then((module) => module.numbersAssignmentSandbox),
  operations: (kit) => {
    const byAgent = agentNumbersList(kit);
    const writes = numbersAssignmentWrites(kit);
    const write = <Name extends keyof typeof writes>(name: Name) => writes[name];
    return {
      phoneNumbers: {
        list: numbersList(kit),
        listByAgent: (agentId, params, cursor, request) => byAgent({ ...params, agentId }, cursor, request),
        get: (id, request) => oneAssignment(kit, { method: 'GET', path: path`/numbers/${id}` }, request, 'a phone number'),
        create: write('phoneNumbers.create'),
        update: write('phoneNumbers.update'),
        delete: write('phoneNumbers.delete'),
      },
      campaigns: {},
    };
  },
});
