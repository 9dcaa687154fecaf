import { ResponseValidationError } from '../../core/errors.js';
import { pageNumberPages } from '../../core/kit/pagination.js';
import { path } from '../../core/kit/path.js';
import { defineProvider, type ProviderKit } from '../../core/provider-contract.js';
import type { PhoneNumberListParams, RequestOptions } from '../../core/types.js';
import type { HttpRequest } from '../../core/transport/types.js';
import type { NumbersAssignmentClient, NumbersAssignmentClientOptions } from './client.js';
import { numbersAssignmentQuery } from './list-params.js';
import { mapNumbersAssignmentPhoneNumber } from './map-phone-number.js';
import { providerId } from './provider-id.js';
import type { NumbersAssignmentSeed } from './sandbox-seed.js';
import { assignmentExpectation, listExpectation, listItems, listPosition } from './wire.js';
import { defaultLimit, errorMessageOf, firstPage, maxLimit, unwrapEntity } from './wire-assumptions.js';
import { createBody, updateBody } from './write-body.js';

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

/** A request whose answer is one assignment, bare or enveloped, mapped. `outcome`: what an empty answer to a write means. */
async function oneAssignment(kit: ProviderKit, request: HttpRequest, options: RequestOptions, what: string, outcome?: string) {
  const { value, raw } = await kit.request(request, options, {
    ...assignmentExpectation(what),
    select: (body) => {
      if (outcome !== undefined) requireBody(body, outcome);
      return unwrapEntity(body);
    },
  });
  return mapNumbersAssignmentPhoneNumber(value, raw as Record<string, unknown>, await kit.e164Formatter());
}

/** The list parameters of `listByAgent`, with the agent whose numbers are listed. */
type AgentListParams = PhoneNumberListParams & { agentId: string };

/** The two list endpoints page alike; `/agents/{id}/numbers` documents no paging, so its answer is one page. */
const listOf = <Params extends PhoneNumberListParams>(
  kit: ProviderKit,
  operation: string,
  listPath: (params: Params) => string,
  oneAnswer: boolean,
) =>
  pageNumberPages(kit, {
    operation,
    request: (params: Params, page, limit) => ({
      method: 'GET',
      path: listPath(params),
      query: numbersAssignmentQuery(params, page, limit!, operation),
    }),
    size: { default: defaultLimit, max: maxLimit },
    firstPage,
    fullPageMeansMore: !oneAnswer,
    expect: listExpectation,
    items: listItems,
    position: listPosition,
    map: mapNumbersAssignmentPhoneNumber,
    readsNumbers: true,
  });

/** numbers-assignment: X-API-Key auth, page-number pages, ISO timestamps, one agent per number. */
export const numbersAssignmentProvider = defineProvider<
  'numbers-assignment',
  NumbersAssignmentClientOptions,
  NumbersAssignmentClient,
  NumbersAssignmentSeed
>({
  id: providerId,
  defaultBaseUrl: null,
  environmentPrefix: 'NUMBERS_ASSIGNMENT',
  authHeaders: (apiKey) => ({ 'x-api-key': apiKey }),
  errorDetail: errorMessageOf,
  sandbox: () => import('./sandbox.js').then((module) => module.numbersAssignmentSandbox),
  operations: (kit) => {
    const byAgent = listOf(kit, 'phoneNumbers.listByAgent', (params: AgentListParams) => path`/agents/${params.agentId}/numbers`, false);
    return {
      phoneNumbers: {
        list: listOf(kit, 'phoneNumbers.list', () => '/numbers', false),
        listByAgent: (agentId, params, cursor, request) => byAgent({ ...params, agentId }, cursor, request),
        get: (id, request) => oneAssignment(kit, { method: 'GET', path: path`/numbers/${id}` }, request, 'a phone number'),
        // POST is never retried by the transport: a second attempt could assign the number twice.
        create: (input, request) =>
          oneAssignment(
            kit,
            { method: 'POST', path: '/numbers', body: createBody(input) },
            request,
            'the created phone number',
            'the number was probably assigned: list the numbers to find it rather than creating it again.',
          ),
        update: (id, patch, request) =>
          oneAssignment(
            kit,
            { method: 'PUT', path: path`/numbers/${id}`, body: updateBody(patch) },
            request,
            'the updated phone number',
            `the change was probably applied: get('${id}') to read it.`,
          ),
        async delete(id, request) {
          // 200 with no content is documented, 204 accepted; a body, if any, carries nothing to return.
          await kit.send({ method: 'DELETE', path: path`/numbers/${id}` }, request);
        },
      },
      campaigns: {},
    };
  },
});
