import { checkCallInput, checkLimit, cursorPages, inRequestedStatus, noteUncertainWrite, path, refuse } from '../../provider.js';
import type { Agent, AgentListParams, Call, CreateCallInput, GetAgentOptions, ListOperation, ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import { checkVoxCallListParams, voxCallQuery, type VoxCallListParams } from './call-list-params.js';
import { agentsPath, callAgentVersion, callListMaxLimit, callsPath, domesticCountryCode } from './wire-assumptions.js';
import { voxAgentPageSchema, voxAgentSchema, voxCallPageSchema, voxCallSchema } from './call-wire.js';
import { mapVoxAgent } from './map-agent.js';
import { mapVoxCall } from './map-call.js';
import { voxPhoneNumberSchema } from './wire.js';

/** vox's call and agent operations, in the shape of the provider's `operations` (one spread wires them). */
export interface VoxCallOperations {
  /** The call operations vox offers. */
  calls: {
    /** One page of calls (`GET /v3/calls`). */
    list: ListOperation<Call<'vox'>, VoxCallListParams>;
    /** One call, with its transcript (`GET /v3/calls/{id}`). */
    get: (id: string, request: RequestOptions) => Promise<Call<'vox'>>;
    /** Places one call (`POST /v3/calls`); never retried. */
    create: (input: CreateCallInput, request: RequestOptions) => Promise<Call<'vox'>>;
  };
  /** The agent operations vox offers. */
  agents: {
    /** One page of agent summaries (`GET /v3/agents`). */
    list: ListOperation<Agent<'vox'>, AgentListParams>;
    /** One agent with its prompt, voice and model (`GET /v3/agents/{id}`); the prompt is on the agent, so `withPrompt` costs nothing more. */
    get: (id: string, options: GetAgentOptions, request: RequestOptions) => Promise<Agent<'vox'>>;
  };
}

/** The next cursor and total of a v3 page. */
const nextOf = <Body extends { next_cursor?: string | null | undefined; total_count?: number | null | undefined }>(body: Body) => ({
  cursor: body.next_cursor ?? null,
  totalCount: body.total_count ?? null,
});

/** vox's calls and agents over the client's kit: cursor pages of `{ items, total_count, next_cursor }`, unix-ms times. */
export function voxCallOperations(kit: ProviderKit): VoxCallOperations {
  return {
    calls: {
      list: cursorPages(kit, {
        operation: 'calls.list',
        request: (params: VoxCallListParams, cursor) => {
          checkVoxCallListParams(params);
          return { method: 'GET', path: callsPath, query: voxCallQuery(params, cursor) };
        },
        expect: { schema: voxCallPageSchema, what: 'a page of calls' },
        items: (body) => body.items,
        map: mapVoxCall,
        readsNumbers: true,
        // A unified status is not one vox status (an `ended` call may be not_connected): each page is filtered after mapping.
        keep: inRequestedStatus,
        next: nextOf,
      }),
      async get(id, request) {
        const { value, raw } = await kit.request({ method: 'GET', path: path`/v3/calls/${id}` }, request, { schema: voxCallSchema, what: 'a call' });
        return mapVoxCall(value, raw as RawRecord, await kit.e164Formatter());
      },
      async create(input, request) {
        const checked = await checkCallInput(kit, input);
        const to = domesticDigits(checked.toE164);
        // vox wants the caller number's domestic digits; the neutral input names the number by id.
        // An unknown id is this GET's NotFoundError, and no call is placed.
        const from = await kit.request({ method: 'GET', path: path`/v3/organization-telephone-numbers/${checked.fromNumberId}` }, request, {
          schema: voxPhoneNumberSchema,
          what: 'the from-number of the call',
        });
        const body: RawRecord = {
          from_number: from.value.number,
          to_number: to,
          agent: { agent_id: checked.agentId, agent_version: callAgentVersion },
        };
        if (checked.variables) body.dynamic_variables = checked.variables;
        if (checked.metadata) body.metadata = checked.metadata;
        try {
          const { value, raw } = await kit.request({ method: 'POST', path: callsPath, body }, request, { schema: voxCallSchema, what: 'the created call' });
          return mapVoxCall(value, raw as RawRecord, await kit.e164Formatter());
        } catch (error) {
          throw noteUncertainWrite(
            error,
            'call',
            `calls.list({ agentId: '${checked.agentId}', startedAfter }) shows whether a call to ${to} was placed (the call may already be dialling)`,
          );
        }
      },
    },
    agents: {
      list: cursorPages(kit, {
        operation: 'agents.list',
        request: (params: AgentListParams, cursor) => {
          checkLimit('vox', 'agents.list', params.limit, callListMaxLimit);
          return { method: 'GET', path: agentsPath, query: { limit: params.limit, cursor } };
        },
        expect: { schema: voxAgentPageSchema, what: 'a page of agents' },
        items: (body) => body.items,
        map: (wire, raw) => mapVoxAgent(wire, raw),
        next: nextOf,
      }),
      async get(id, _options, request) {
        const { value, raw } = await kit.request({ method: 'GET', path: path`/v3/agents/${id}` }, request, { schema: voxAgentSchema, what: 'an agent' });
        return mapVoxAgent(value, raw as RawRecord);
      },
    },
  };
}

/** An E.164 number in vox's domestic form (`+821012345678` -> `01012345678`); another country's number is refused. */
function domesticDigits(e164: string): string {
  if (!e164.startsWith(domesticCountryCode)) {
    throw refuse(
      'vox',
      'calls.create',
      `to ${e164} is not a Korean number; vox takes the number to call in Korean domestic digits (01012345678), so it cannot be dialled. Nothing was sent.`,
    );
  }
  return `0${e164.slice(domesticCountryCode.length)}`;
}
