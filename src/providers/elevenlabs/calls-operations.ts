import { ResponseValidationError, checkCallInput, checkLimit, cursorPages, lookupWire, noteUncertainWrite, path, refuse } from '../../provider.js';
import type { Agent, AgentListParams, Call, CallListParams, Checked, CreateCallInput, GetAgentOptions, ListOperation, PageData, ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import { checkCampaignCallFilters, conversationQuery, refuseCallMetadata, requestedStatuses } from './call-params.js';
import { mapElevenLabsAgent, mapElevenLabsAgentSummary } from './map-agent.js';
import { mapElevenLabsConversation, mapElevenLabsConversationSummary, mapElevenLabsRecipientCall } from './map-call.js';
import { providerId, type ElevenLabsId } from './provider-id.js';
import { batchCallDetailSchema, phoneNumberSchema } from './wire.js';
import { agentPageSchema, agentSchema, conversationPageSchema, conversationSchema, outboundCallSchema } from './wire-calls.js';
import { conversationPageSize, nextCursor, outboundCallPaths, requestMarkerVariable } from './wire-assumptions.js';

/** ElevenLabs' call and agent operations, in the shape of a provider's `operations`. */
export interface ElevenLabsCallOperations {
  /** Conversations, ElevenLabs' calls. */
  calls: {
    /** Places one outbound call through the from-number's telephony provider; never retried. */
    create: (input: CreateCallInput, request: RequestOptions) => Promise<Call<ElevenLabsId>>;
    /** One page of conversations, or (with `campaignId`) the calls of one batch. */
    list: ListOperation<Call<ElevenLabsId>, Checked<CallListParams>>;
    /** One conversation with its transcript. */
    get: (id: string, request: RequestOptions) => Promise<Call<ElevenLabsId>>;
  };
  /** Agents. */
  agents: {
    /** One page of agents (name, voice; the prompt and model need `get`). */
    list: ListOperation<Agent<ElevenLabsId>, Checked<AgentListParams>>;
    /** One agent with prompt, voice and model. ElevenLabs holds the prompt on the agent, so `{ withPrompt }` changes nothing. */
    get: (id: string, options: GetAgentOptions, request: RequestOptions) => Promise<Agent<ElevenLabsId>>;
  };
}

const conversation = { schema: conversationSchema, what: 'a conversation' };

/** The calls and agents of ElevenLabs' Agents Platform over the client's kit. */
export function elevenLabsCallOperations(kit: ProviderKit): ElevenLabsCallOperations {
  const getCall = async (id: string, request: RequestOptions) => {
    const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/convai/conversations/${id}` }, request, conversation);
    return mapElevenLabsConversation(value, raw as RawRecord);
  };

  const listConversations = cursorPages(kit, {
    operation: 'calls.list',
    request: (params: Checked<CallListParams>, cursor) => ({ method: 'GET', path: '/v1/convai/conversations', query: conversationQuery(params, cursor) }),
    expect: { schema: conversationPageSchema, what: 'a page of conversations' },
    items: (body) => body.conversations,
    map: mapElevenLabsConversationSummary,
    // `exclude_statuses` cannot tell `done` calls that connected from those that did not: each page is checked too.
    keep: (call, params) => {
      const wanted = requestedStatuses(params.status);
      return wanted === null || wanted.includes(call.status.unified);
    },
    next: (body) => ({ cursor: nextCursor(body.next_cursor, body.has_more), totalCount: null }),
  });

  /** The calls of one batch: its recipients that have a conversation, as one page (assumption 10). */
  async function listBatchCalls(params: Checked<CallListParams>, request: RequestOptions): Promise<PageData<Call<ElevenLabsId>>> {
    checkCampaignCallFilters(params);
    const batchId = params.campaignId!;
    const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/convai/batch-calling/${batchId}` }, request, {
      schema: batchCallDetailSchema,
      what: 'a batch call',
    });
    const rawRecipients = ((raw as RawRecord).recipients ?? []) as RawRecord[];
    const phoneNumberId = (raw as RawRecord).phone_number_id;
    const batch = { id: value.id, agentId: value.agent_id ?? null, phoneNumberId: typeof phoneNumberId === 'string' ? phoneNumberId : null };
    const wanted = requestedStatuses(params.status);
    const recipients = value.recipients ?? [];
    const items: Call<ElevenLabsId>[] = [];
    recipients.forEach((recipient, index) => {
      const conversationId = recipient.conversation_id;
      if (typeof conversationId !== 'string' || conversationId === '') return;
      const call = mapElevenLabsRecipientCall({ ...recipient, conversation_id: conversationId }, rawRecipients[index] ?? {}, batch);
      if (wanted === null || wanted.includes(call.status.unified)) items.push(call);
    });
    return { items, received: recipients.length, nextCursor: null, totalCount: wanted === null ? items.length : null };
  }

  return {
    calls: {
      async create(input, request) {
        refuseCallMetadata(input);
        const checked = await checkCallInput(kit, input);
        // The outbound endpoint depends on the number's telephony provider: read the number first (a GET).
        const { value: number } = await kit.request({ method: 'GET', path: path`/v1/convai/phone-numbers/${checked.fromNumberId}` }, request, {
          schema: phoneNumberSchema,
          what: 'the from-number',
        });
        const outboundPath = lookupWire(outboundCallPaths, number.provider);
        if (outboundPath === null) {
          throw refuse(
            providerId,
            'calls.create',
            `the from-number ${checked.fromNumberId} is a ${number.provider ?? 'number without a telephony provider'}; ` +
              `the SDK places calls through Twilio and SIP-trunk numbers only. No call was placed.`,
          );
        }
        const marker = globalThis.crypto.randomUUID();
        const body = {
          agent_id: checked.agentId,
          agent_phone_number_id: checked.fromNumberId,
          to_number: checked.toE164,
          conversation_initiation_client_data: { dynamic_variables: { ...checked.variables, [requestMarkerVariable]: marker } },
        };
        let conversationId: string;
        try {
          // A POST: never retried, there is no idempotency key.
          const { value } = await kit.request({ method: 'POST', path: outboundPath, body }, request, {
            schema: outboundCallSchema,
            what: 'the outbound call answer',
          });
          if (typeof value.conversation_id !== 'string' || value.conversation_id === '') {
            throw new ResponseValidationError(
              `${providerId} accepted the outbound call but named no conversation_id${value.message ? ` ("${value.message}")` : ''}.`,
              { provider: providerId, issues: [{ path: 'conversation_id', message: 'missing' }] },
            );
          }
          conversationId = value.conversation_id;
        } catch (error) {
          throw noteUncertainWrite(
            error,
            'call',
            `ElevenLabs' conversation list filtered with dynamic_variable_params=${requestMarkerVariable}:eq:${marker} shows whether it was placed`,
          );
        }
        try {
          return await getCall(conversationId, request);
        } catch (error) {
          if (error instanceof Error) error.message += ` The call was placed (conversation ${conversationId}); calls.get('${conversationId}') reads it.`;
          throw error;
        }
      },
      list: (params, cursor, request) => (params.campaignId !== undefined ? listBatchCalls(params, request) : listConversations(params, cursor, request)),
      get: getCall,
    },
    agents: {
      list: cursorPages(kit, {
        operation: 'agents.list',
        request: (params: Checked<AgentListParams>, cursor) => {
          checkLimit(providerId, 'agents.list', params.limit, conversationPageSize.max);
          return { method: 'GET', path: '/v1/convai/agents', query: { page_size: params.limit, cursor } };
        },
        expect: { schema: agentPageSchema, what: 'a page of agents' },
        items: (body) => body.agents,
        map: mapElevenLabsAgentSummary,
        next: (body) => ({ cursor: nextCursor(body.next_cursor, body.has_more), totalCount: null }),
      }),
      async get(id, _options, request) {
        const { value, raw } = await kit.request({ method: 'GET', path: path`/v1/convai/agents/${id}` }, request, { schema: agentSchema, what: 'an agent' });
        return mapElevenLabsAgent(value, raw as RawRecord);
      },
    },
  };
}
