/**
 * The provider-neutral model of calls and agents. Nothing here knows a platform: each adapter maps
 * its wire objects onto these types (design.md, "Calls and agents").
 */
import type { MappedStatus } from './types.js';

/**
 * A call's unified status. `completed`: connected, then ended (any hang-up, a transfer, a voicemail
 * reached); `not_connected`: ended without connecting (no answer, busy, declined, dial failed);
 * `failed`: ended by an error, or refused before dialling (limits, funds).
 */
export type CallStatus =
  | 'scheduled'
  | 'queued'
  | 'ringing'
  | 'in_progress'
  | 'completed'
  | 'not_connected'
  | 'failed'
  | 'canceled'
  | 'unknown';

/** Why a call ended, unified across platforms; `unknown` keeps the platform's value in `raw`. */
export type CallEndReason =
  | 'customer_hangup'
  | 'agent_hangup'
  | 'transferred'
  | 'voicemail'
  | 'no_answer'
  | 'busy'
  | 'declined'
  | 'dial_failed'
  | 'max_duration'
  | 'silence_timeout'
  | 'canceled'
  | 'concurrency_limit'
  | 'insufficient_funds'
  | 'error'
  | 'unknown';

/** One turn of a call's transcript. */
export interface Turn {
  /** Who spoke: the AI agent, the person called (or calling), a tool call or result, or anything else. */
  role: 'agent' | 'customer' | 'tool' | 'other';
  /** What was said (or, for a tool turn, what was called or returned). */
  text: string;
  /** When the turn started, in seconds from the call's start; `null` where the platform does not say. */
  startSeconds: number | null;
  /** When the turn ended, in seconds from the call's start; `null` where the platform does not say. */
  endSeconds: number | null;
}

/** What a call cost, as the platform reports it. */
export interface CallCost {
  /** The amount, in `unit`s (currency units, not cents). */
  amount: number;
  /** The ISO 4217 currency where `unit` is `currency` and the platform names it; else `null`. */
  currency: string | null;
  /** `currency` for money, `credits` for a platform's own credits, `unknown` where the platform does not say. */
  unit: 'currency' | 'credits' | 'unknown';
}

/** Where a call's recording can be fetched. */
export interface CallRecording {
  /** The recording's address. */
  url: string;
  /** Whether fetching it needs the platform's credentials; `null` where the platform does not say. */
  requiresAuth: boolean | null;
  /** When the address stops working, where the platform says. */
  expiresAt: Date | null;
}

/** One call on one platform, in the SDK's neutral shape; `P` is the platform's id. */
export interface Call<P extends string = string> {
  /** The platform the call ran on. */
  provider: P;
  /** The platform's id for the call (pass it to `calls.get`). */
  id: string;
  /** Whether the call came in, went out, or ran in a browser; `null` where the platform does not say. */
  direction: 'inbound' | 'outbound' | 'web' | null;
  /** The call's status, unified, with the platform's own value beside it. */
  status: MappedStatus<CallStatus>;
  /** Why the call ended, unified; `null` while the call is not over. */
  endReason: MappedStatus<CallEndReason> | null;
  /** The agent that handled the call (an id `agents.get` accepts, where that operation exists). */
  agentId: string | null;
  /** The campaign (batch) the call belongs to. */
  campaignId: string | null;
  /** The `PhoneNumber.id` of the platform number the call used. */
  phoneNumberId: string | null;
  /** The calling number, as the platform gives it. */
  from: string | null;
  /** The called number, as the platform gives it. */
  to: string | null;
  /** The other party's number (the customer's) in E.164, where it can be derived. */
  customerE164: string | null;
  /** When the call was created. */
  createdAt: Date | null;
  /** When the call connected (or started dialling, where the platform gives only that). */
  startedAt: Date | null;
  /** When the call ended. */
  endedAt: Date | null;
  /** The call's length in seconds: the platform's figure, else `endedAt - startedAt`. */
  durationSeconds: number | null;
  /** What the call cost; `null` where the platform gives no figure (never 0 for unknown). */
  cost: CallCost | null;
  /** The call's recording, where there is one. */
  recording: CallRecording | null;
  /** The transcript; `null` when this answer does not carry one (lists often omit it). */
  transcript: Turn[] | null;
  /** The platform's summary of the call. */
  summary: string | null;
  /** The dynamic variables the call was placed with. */
  variables: Record<string, unknown> | null;
  /** The wire object exactly as the platform sent it. */
  raw: Record<string, unknown>;
}

/** Where an agent's prompt lives when it is not on the agent object. */
export interface PromptReference {
  /** What holds the prompt: an LLM object (Retell), a versioned prompt (Vogent), a flow, a pathway (Bland). */
  kind: 'llm' | 'versioned_prompt' | 'flow' | 'pathway';
  /** The id of that object on the same platform. */
  id: string;
}

/** An AI agent (assistant) on one platform, in the SDK's neutral shape; `P` is the platform's id. */
export interface Agent<P extends string = string> {
  /** The platform the agent lives on. */
  provider: P;
  /** The platform's id for the agent (pass it to `agents.get`). */
  id: string;
  /** The agent's name. */
  name: string | null;
  /** The voice it speaks with. */
  voice: {
    /** Who makes the voice (`elevenlabs`, `cartesia`, ...), as the platform names it. */
    provider: string | null;
    /** The voice's id at that maker. */
    voiceId: string | null;
  } | null;
  /** The language model behind it. */
  model: {
    /** Who serves the model (`openai`, ...), as the platform names it. */
    provider: string | null;
    /** The model's name. */
    name: string | null;
  } | null;
  /** The system prompt, where the agent object holds it; else `null` (see `promptRef`). */
  prompt: string | null;
  /** Where the prompt lives when it is not on the agent; `agents.get(id, { withPrompt: true })` fetches it. */
  promptRef: PromptReference | null;
  /** The version this object describes, as a string. */
  version: string | null;
  /** When the agent was created. */
  createdAt: Date | null;
  /** When the agent last changed. */
  updatedAt: Date | null;
  /** The wire object exactly as the platform sent it. */
  raw: Record<string, unknown>;
}

/** Input of `calls.create`: one outbound call. */
export interface CreateCallInput {
  /** The agent that places the call. */
  agentId: string;
  /** `PhoneNumber.id` of the number the call comes from, on the same platform. */
  fromNumberId: string;
  /** The number to call: E.164, or national with the client's `defaultCountry`. */
  to: string;
  /** Values the agent's prompt can use for this call (platform "dynamic variables"). */
  variables?: Record<string, string> | undefined;
  /** Your own data, stored with the call where the platform keeps metadata. */
  metadata?: Record<string, string> | undefined;
}

/** Parameters of `calls.list`. */
export interface CallListParams {
  /** Items per page. Each platform has its own range; a value outside it is refused before any request. */
  limit?: number | undefined;
  /** The `nextCursor` of a previous page, passed back verbatim. */
  cursor?: string | undefined;
  /** Only calls handled by this agent. */
  agentId?: string | undefined;
  /** Only calls of this campaign (batch). */
  campaignId?: string | undefined;
  /** Only calls in this unified status (or any of these). */
  status?: CallStatus | readonly CallStatus[] | undefined;
  /** Only calls started at or after this instant. */
  startedAfter?: Date | undefined;
  /** Only calls started before this instant. */
  startedBefore?: Date | undefined;
}

/** Parameters of `agents.list`. */
export interface AgentListParams {
  /** Items per page. Each platform has its own range; a value outside it is refused before any request. */
  limit?: number | undefined;
  /** The `nextCursor` of a previous page, passed back verbatim. */
  cursor?: string | undefined;
}

/** Options of `agents.get`. */
export interface GetAgentOptions {
  /** Where the prompt lives outside the agent (`promptRef`), fetch it too (one more GET) and fill `prompt`. */
  withPrompt?: boolean | undefined;
}
