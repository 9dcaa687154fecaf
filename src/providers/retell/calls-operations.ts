import { checkCallInput, checkCallWindow, checkLimit, cursorPages, inRequestedStatus, path, startedInWindow } from '../../provider.js';
import type { Agent, AgentListParams, Call, GetAgentOptions, ListOperation, ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import { retellCallListBody, retellCreateCallBody, type RetellCallListParams } from './calls-params.js';
import { retellAgentPageSchema, retellAgentSchema, retellCallPageSchema, retellCallSchema, retellLlmSchema, type RetellAgentWire } from './calls-wire.js';
import { mapRetellAgent } from './map-agent.js';
import { mapRetellCall } from './map-call.js';
import { providerId, type RetellId } from './provider-id.js';
import { readSentAsPost } from './read-by-post.js';
import { callListLimit, nextPaginationKey } from './wire-assumptions.js';

/** Retell's call and agent operations, shaped as the provider's `operations` object takes them. */
export interface RetellCallOperations {
  /** Phone calls. */
  calls: {
    /** `POST /v2/create-phone-call`. Never retried. */
    create(input: unknown, request: RequestOptions): Promise<Call<RetellId>>;
    /** One page of calls, newest first (`POST /v3/list-calls`, a read retried like a GET); without transcripts. */
    list: ListOperation<Call<RetellId>, RetellCallListParams>;
    /** `GET /v2/get-call/{id}`, with its transcript; Retell's 422 "cannot find" is a `NotFoundError`. */
    get(id: string, request: RequestOptions): Promise<Call<RetellId>>;
  };
  /** Agents. */
  agents: {
    /** One page of agents (`POST /v2/list-agents`, a read retried like a GET). */
    list: ListOperation<Agent<RetellId>, AgentListParams>;
    /** `GET /get-agent/{id}`; with `withPrompt`, also `GET /get-retell-llm/{llm_id}` for the prompt and model. */
    get(id: string, options: GetAgentOptions, request: RequestOptions): Promise<Agent<RetellId>>;
  };
}

const call = { schema: retellCallSchema, what: 'a call' };


/** Retell's calls and agents over the kit. */
export function retellCallOperations(kit: ProviderKit): RetellCallOperations {
  const listPage = cursorPages(kit, {
    operation: 'calls.list',
    request: (params: RetellCallListParams, cursor) => readSentAsPost('/v3/list-calls', retellCallListBody(params, cursor)),
    expect: { schema: retellCallPageSchema, what: 'a page of calls' },
    items: (body) => body.items,
    map: (wire, raw) => mapRetellCall(wire, raw),
    // `ended` maps to several unified statuses by its reason: the status asked for is checked on each page.
    keep: inRequestedStatus,
    next: (body) => ({ cursor: nextPaginationKey(body), totalCount: null }),
  });

  return {
    calls: {
      // POST is never retried: a second attempt could place the same call twice.
      async create(input, request) {
        const checked = await checkCallInput(kit, input);
        const { value, raw } = await kit.request({ method: 'POST', path: '/v2/create-phone-call', body: retellCreateCallBody(checked) }, request, {
          schema: retellCallSchema,
          what: 'the created call',
        });
        return mapRetellCall(value, raw as RawRecord);
      },
      async list(params, cursor, request) {
        checkCallWindow(kit.provider, params);
        checkLimit(providerId, 'calls.list', params.limit, callListLimit.max);
        const page = await listPage(params, cursor, request);
        // The start-time range is sent, and checked again here whatever Retell's range includes at its ends.
        return { ...page, items: page.items.filter((found) => startedInWindow(found.startedAt, params)) };
      },
      async get(id, request) {
        const { value, raw } = await kit.request({ method: 'GET', path: path`/v2/get-call/${id}` }, request, call);
        return mapRetellCall(value, raw as RawRecord);
      },
    },
    agents: {
      list: cursorPages(kit, {
        operation: 'agents.list',
        request: (params: AgentListParams, cursor) => {
          checkLimit(providerId, 'agents.list', params.limit, callListLimit.max);
          return readSentAsPost('/v2/list-agents', {}, { limit: params.limit, pagination_key: cursor });
        },
        expect: { schema: retellAgentPageSchema, what: 'a page of agents' },
        items: (body) => body.items,
        map: (wire: RetellAgentWire, raw) => mapRetellAgent(wire, raw),
        next: (body) => ({ cursor: nextPaginationKey(body), totalCount: null }),
      }),
      async get(id, options, request) {
        const { value, raw } = await kit.request({ method: 'GET', path: path`/get-agent/${id}` }, request, {
          schema: retellAgentSchema,
          what: 'an agent',
        });
        const engine = value.response_engine;
        if (!options.withPrompt || engine?.type !== 'retell-llm' || !engine.llm_id) return mapRetellAgent(value, raw as RawRecord);
        // The prompt lives on the agent's Retell LLM, at the version the agent uses.
        const version = engine.version === null || engine.version === undefined ? undefined : String(engine.version);
        const llm = await kit.request({ method: 'GET', path: path`/get-retell-llm/${engine.llm_id}`, query: { version } }, request, {
          schema: retellLlmSchema,
          what: "the agent's Retell LLM",
        });
        return mapRetellAgent(value, raw as RawRecord, llm.value);
      },
    },
  };
}
