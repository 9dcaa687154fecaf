import { NotFoundError, checkCallInput, checkCallWindow, inRequestedStatus, pageNumberPages, path, timeKeysetPages } from '../../provider.js';
import type { Agent, AgentListParams, Call, GetAgentOptions, ListOperation, PageData, ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import { vapiCallQuery, vapiCreateCallBody, type VapiCallListParams } from './calls-params.js';
import {
  vapiAssistantListSchema,
  vapiAssistantSchema,
  vapiCallListSchema,
  vapiCallSchema,
  vapiContactPageSchema,
  type VapiAssistantWire,
  type VapiCallWire,
} from './calls-wire.js';
import { mapVapiAgent } from './map-agent.js';
import { mapVapiCall } from './map-call.js';
import { pagePosition } from './wire.js';
import { callListLimit, contactListLimit, firstPage, type VapiId } from './wire-assumptions.js';

/** Vapi's call and agent operations, shaped as the provider's `operations` object takes them. */
export interface VapiCallOperations {
  /** Calls: one created, listed (by time, or a campaign's), one read. */
  calls: {
    /** `POST /call`: one outbound call. Never retried. */
    create(input: unknown, request: RequestOptions): Promise<Call<VapiId>>;
    /** One page of calls, newest first. */
    list: ListOperation<Call<VapiId>, VapiCallListParams>;
    /** `GET /call/{id}`, with its transcript. */
    get(id: string, request: RequestOptions): Promise<Call<VapiId>>;
  };
  /** Assistants. */
  agents: {
    /** One page of assistants, newest first. */
    list: ListOperation<Agent<VapiId>, AgentListParams>;
    /** `GET /assistant/{id}`; the prompt is on the assistant, so `withPrompt` costs nothing more. */
    get(id: string, options: GetAgentOptions, request: RequestOptions): Promise<Agent<VapiId>>;
  };
}

const call = { schema: vapiCallSchema, what: 'a call' };
const keyOf = (wire: { id: string; createdAt?: string | null | undefined }) => ({ id: wire.id, createdAt: wire.createdAt });

/** Vapi's calls and assistants over the kit: bare arrays paged by creation time, a campaign's calls through its contacts. */
export function vapiCallOperations(kit: ProviderKit): VapiCallOperations {
  const getCall = async (id: string, request: RequestOptions) => {
    const { value, raw } = await kit.request({ method: 'GET', path: path`/call/${id}` }, request, call);
    return mapVapiCall(value, raw as RawRecord);
  };

  const byTime = timeKeysetPages(kit, {
    operation: 'calls.list',
    request: (params: VapiCallListParams, atOrBefore, limit) => ({ method: 'GET', path: '/call', query: vapiCallQuery(params, atOrBefore, limit) }),
    size: callListLimit,
    expect: { schema: vapiCallListSchema, what: 'a list of calls' },
    items: (body) => body,
    key: keyOf,
    map: (wire: VapiCallWire, raw) => mapVapiCall(wire, raw),
    // Vapi's list has no status filter: the SDK applies it to each page.
    keep: inRequestedStatus,
  });

  // A campaign's contacts, each mapped to the id of its call (none until dialled).
  const contacts = pageNumberPages(kit, {
    operation: 'calls.list',
    request: (params: { campaignId: string; limit?: number | undefined }, page, limit) => ({
      method: 'GET',
      path: path`/v2/campaign/${params.campaignId}/contacts`,
      query: { page, limit },
    }),
    size: contactListLimit,
    firstPage,
    expect: { schema: vapiContactPageSchema, what: 'a page of campaign contacts' },
    items: (body) => body.results,
    position: (body) => pagePosition(body),
    map: (wire) => wire.callId ?? null,
  });

  /** A campaign's calls: a page of its contacts, then each dialled contact's call, read concurrently. */
  const byCampaign = async (params: VapiCallListParams & { campaignId: string }, cursor: string | null, request: RequestOptions): Promise<PageData<Call<VapiId>>> => {
    const page = await contacts({ campaignId: params.campaignId, limit: params.limit }, cursor, request);
    const calls = await Promise.all(
      page.items.map(async (id) => {
        if (id === null) return null;
        try {
          return await getCall(id, request);
        } catch (error) {
          // A call deleted since it was dialled is no longer one of the campaign's calls.
          if (error instanceof NotFoundError) return null;
          throw error;
        }
      }),
    );
    const items = calls.filter((found): found is Call<VapiId> => found !== null && matchesCampaignFilters(found, params));
    // The contacts' total counts contacts, dialled or not, not calls.
    return { items, received: page.received ?? page.items.length, nextCursor: page.nextCursor, totalCount: null };
  };

  return {
    calls: {
      // POST is never retried: a second attempt could place the same call twice.
      async create(input, request) {
        const checked = await checkCallInput(kit, input);
        const { value, raw } = await kit.request({ method: 'POST', path: '/call', body: vapiCreateCallBody(checked) }, request, {
          schema: vapiCallSchema,
          what: 'the created call',
        });
        return mapVapiCall(value, raw as RawRecord);
      },
      async list(params, cursor, request) {
        checkCallWindow(kit.provider, params);
        const { campaignId } = params;
        return campaignId !== undefined ? byCampaign({ ...params, campaignId }, cursor, request) : byTime(params, cursor, request);
      },
      get: getCall,
    },
    agents: {
      list: timeKeysetPages(kit, {
        operation: 'agents.list',
        request: (_params: AgentListParams, atOrBefore, limit) => ({ method: 'GET', path: '/assistant', query: { limit, createdAtLe: atOrBefore } }),
        size: callListLimit,
        expect: { schema: vapiAssistantListSchema, what: 'a list of assistants' },
        items: (body) => body,
        key: keyOf,
        map: (wire: VapiAssistantWire, raw) => mapVapiAgent(wire, raw),
      }),
      async get(id, _options, request) {
        const { value, raw } = await kit.request({ method: 'GET', path: path`/assistant/${id}` }, request, {
          schema: vapiAssistantSchema,
          what: 'an assistant',
        });
        return mapVapiAgent(value, raw as RawRecord);
      },
    },
  };
}

/** The filters `GET /v2/campaign/{id}/contacts` cannot apply, applied to each page: agent, status, creation time. */
function matchesCampaignFilters(found: Call<VapiId>, params: VapiCallListParams): boolean {
  if (params.agentId !== undefined && found.agentId !== params.agentId) return false;
  if (!inRequestedStatus(found, params)) return false;
  const created = found.createdAt?.getTime();
  if (params.startedAfter && (created === undefined || created < params.startedAfter.getTime())) return false;
  if (params.startedBefore && (created === undefined || created >= params.startedBefore.getTime())) return false;
  return true;
}
