import { ResponseValidationError, checkCallInput, checkCallWindow, cursorPages, inRequestedStatus, isPlainObject, noteUncertainWrite, offsetPages, path, refuser } from '../../provider.js';
import type { Agent, AgentListParams, Call, CallListParams, CreateCallInput, Expectation, GetAgentOptions, ListOperation, ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import {
  blandCallCreatedSchema,
  blandCallPageSchema,
  blandCallSchema,
  blandLegacyBatchSchema,
  blandPathwayListSchema,
  blandPathwaySchema,
  type BlandPathwayWire,
} from './call-wire.js';
import { mapBlandPathway } from './map-agent.js';
import { mapBlandCall } from './map-call.js';
import { callPageSize, pathwayListKeys, providerId } from './wire-assumptions.js';

/** Bland's call and agent (pathway) operations, in the shape of the provider's `operations` (one spread wires them). */
export interface BlandCallOperations {
  /** The call operations Bland offers. */
  calls: {
    /** One page of calls (`GET /v1/calls`), or a batch's calls (`GET /v1/batches/{id}`) with `campaignId`. */
    list: ListOperation<Call<'bland'>, CallListParams>;
    /** One call, with its transcript (`GET /v1/calls/{id}`). */
    get: (id: string, request: RequestOptions) => Promise<Call<'bland'>>;
    /** Places one call (`POST /v1/calls`, then reads it back); never retried. */
    create: (input: CreateCallInput, request: RequestOptions) => Promise<Call<'bland'>>;
  };
  /** Pathways as agents. */
  agents: {
    /** Every pathway, in one page (`GET /v1/pathway`). */
    list: ListOperation<Agent<'bland'>, AgentListParams>;
    /** One pathway (`GET /v1/pathway/{id}`); its prompts are in its nodes, so `withPrompt` costs nothing more. */
    get: (id: string, options: GetAgentOptions, request: RequestOptions) => Promise<Agent<'bland'>>;
  };
}

/** Refuses a listing Bland cannot answer, before any request. */
function checkListParams(params: CallListParams): void {
  const fail = refuser(providerId, 'calls.list');
  checkCallWindow(providerId, params);
  if (params.agentId !== undefined) {
    throw fail("Bland's call list has no agent (pathway) filter and its items do not name their pathway, so agentId cannot be applied; leave it out. Nothing was sent.");
  }
  if (params.startedAfter !== undefined || params.startedBefore !== undefined) {
    throw fail("Bland's call list has no date filter and its items carry no start time, so startedAfter/startedBefore cannot be applied; leave them out. Nothing was sent.");
  }
}

/** The pathway list, whose shape Bland does not document: an array, or one under a known key. */
const pathwayListExpectation: Expectation<BlandPathwayWire[]> = {
  schema: blandPathwayListSchema,
  what: 'the list of pathways',
  select: (answer) => {
    if (Array.isArray(answer) || !isPlainObject(answer)) return answer;
    const key = pathwayListKeys.find((name) => Array.isArray(answer[name]));
    return key === undefined ? answer : answer[key];
  },
};

function pathwayId(wire: BlandPathwayWire): string {
  const id = wire.id ?? wire.pathway_id;
  if (typeof id === 'string' && id !== '') return id;
  throw new ResponseValidationError(
    'bland sent a pathway without an id (neither id nor pathway_id) in the list of pathways. The platform may have changed its API; report it.',
    { provider: providerId, issues: [{ path: 'id', message: 'expected string, got nothing' }] },
  );
}

/** Bland's calls and pathways over the client's kit: offset pages of `{ count, calls }`, ISO times. */
export function blandCallOperations(kit: ProviderKit): BlandCallOperations {
  const accountCalls = offsetPages(kit, {
    operation: 'calls.list',
    request: (_params: CallListParams, offset, limit) => ({ method: 'GET', path: '/v1/calls', query: { from: offset, limit } }),
    size: callPageSize,
    expect: { schema: blandCallPageSchema, what: 'a page of calls' },
    items: (body) => body.calls,
    map: mapBlandCall,
    readsNumbers: true,
    // Bland takes no status: each page is filtered after mapping (the total is then null).
    keep: inRequestedStatus,
    total: (body) => body.count ?? null,
  });
  const batchCalls = cursorPages(kit, {
    operation: 'calls.list',
    request: (params: CallListParams) => ({ method: 'GET', path: path`/v1/batches/${params.campaignId!}` }),
    expect: { schema: blandLegacyBatchSchema, what: "a batch's calls" },
    items: (body) => body.call_data,
    map: mapBlandCall,
    readsNumbers: true,
    keep: inRequestedStatus,
    next: (body) => ({ cursor: null, totalCount: body.call_data.length }),
  });
  const getCall = async (id: string, request: RequestOptions, what: string) => {
    const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/calls/${id}` }, request, { schema: blandCallSchema, what });
    return mapBlandCall(value, raw as RawRecord, await kit.e164Formatter());
  };
  return {
    calls: {
      async list(params, cursor, request) {
        checkListParams(params);
        return params.campaignId === undefined ? accountCalls(params, cursor, request) : batchCalls(params, cursor, request);
      },
      get: (id, request) => getCall(id, request, 'a call'),
      async create(input, request) {
        const checked = await checkCallInput(kit, input);
        // Bland addresses its numbers by their E.164 number: the id is the caller number itself.
        const body: RawRecord = { phone_number: checked.toE164, pathway_id: checked.agentId, from: checked.fromNumberId };
        if (checked.variables) body.request_data = checked.variables;
        if (checked.metadata) body.metadata = checked.metadata;
        let callId: string;
        try {
          const created = await kit.request({ method: 'POST', path: '/v1/calls', body }, request, { schema: blandCallCreatedSchema, what: 'the created call' });
          callId = created.value.call_id;
        } catch (error) {
          throw noteUncertainWrite(error, 'call', `calls.list() (newest first) shows whether a call to ${checked.toE164} was placed (the call may already be dialling)`);
        }
        try {
          return await getCall(callId, request, 'the created call');
        } catch (error) {
          if (error instanceof Error) {
            error.message += ` The call was created (id ${callId}) and may be dialling: read it with calls.get('${callId}'), and do not create it again.`;
          }
          throw error;
        }
      },
    },
    agents: {
      list: cursorPages(kit, {
        operation: 'agents.list',
        request: () => ({ method: 'GET', path: '/v1/pathway' }),
        expect: pathwayListExpectation,
        items: (body) => body,
        map: (wire, raw) => mapBlandPathway(wire, raw, pathwayId(wire)),
        next: () => ({ cursor: null, totalCount: null }),
      }),
      async get(id, _options, request) {
        const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/pathway/${id}` }, request, { schema: blandPathwaySchema, what: 'a pathway' });
        return mapBlandPathway(value, raw as RawRecord, id);
      },
    },
  };
}
