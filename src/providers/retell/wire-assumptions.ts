import type { CallEndReason, MappedStatus, PhoneNumberStatus } from '../../provider.js';
import { retellErrorDetail } from './wire.js';

/*
 * What this adapter assumes about Retell's wire where its API reference is silent. Every other file
 * of the adapter reads these values and rules, so when Retell turns out different, this file is the
 * one to correct. The numbers match the assumptions listed in docs/providers/retell.md.
 */

/** Documented: `limit` defaults to 50 and takes at most 1000. */
export const listLimit = { default: 50, max: 1000 } as const;

/**
 * Assumption 1: `pagination_key` is opaque and sent back verbatim; a page is the last one when
 * `has_more` is false, or when it comes without a `pagination_key` to continue from.
 */
export function nextPaginationKey(page: { has_more: boolean; pagination_key?: string | null | undefined }): string | null {
  return page.has_more && typeof page.pagination_key === 'string' && page.pagination_key !== '' ? page.pagination_key : null;
}

/** One entry of a weighted agent list, as far as the mapping reads it. */
export interface WeightedAgent {
  agent_id: string;
  weight?: number | null | undefined;
}

/**
 * Assumptions 3 and 4: the agent of a weighted list is the one with the highest weight, the first
 * listed on a tie; an empty list means no agent; an absent or null list falls back to the
 * deprecated single-agent field an older answer may still carry.
 */
export function leadingAgent(list: readonly WeightedAgent[] | null | undefined, deprecatedAgentId: string | null | undefined): string | null {
  if (list === null || list === undefined) return deprecatedAgentId ?? null;
  let leader: WeightedAgent | undefined;
  for (const entry of list) {
    // A strict comparison keeps the first of equal weights; a missing weight counts as none.
    if (leader === undefined || (entry.weight ?? 0) > (leader.weight ?? 0)) leader = entry;
  }
  return leader?.agent_id ?? null;
}

/**
 * Assumptions 5 and 6: routing a number to one agent replaces the weighted list with that agent at
 * weight 1 and no `agent_version` (Retell's default version); `null` unbinds every inbound agent.
 */
export function inboundAgentsFor(agentId: string | null): { agent_id: string; weight: number }[] | null {
  return agentId === null ? null : [{ agent_id: agentId, weight: 1 }];
}

/** Assumption 7: Retell reports no number status; every number it lists is in service. */
export const numberStatus: MappedStatus<PhoneNumberStatus> = { unified: 'active', raw: null };

/**
 * Assumption 8: a 422 whose message says Retell "cannot find requested asset" means the addressed
 * object does not exist (Retell declares no 404 on its number paths).
 */
export function isAssetNotFound(status: number, body: unknown): boolean {
  if (status !== 422) return false;
  const message = retellErrorDetail(body);
  return message !== null && /cannot find requested asset/i.test(message);
}

/**
 * Assumption 9: Retell reports no batch call status. A batch whose `scheduled_timestamp` lies after
 * the answer's arrival waits for its start (`scheduled`); otherwise it is sending (`pending`).
 */
export function batchCallStatus(scheduledTimestamp: number | null | undefined, arrivedAt: number): MappedStatus<'scheduled' | 'pending'> {
  const scheduled = typeof scheduledTimestamp === 'number' && scheduledTimestamp > arrivedAt;
  return { unified: scheduled ? 'scheduled' : 'pending', raw: null };
}

// ---- Calls and agents ----------------------------------------------------------------------------

/** Documented: `limit` of `/v3/list-calls` and `/v2/list-agents` defaults to 50 and takes at most 1000. */
export const callListLimit = { default: 50, max: 1000 } as const;

/**
 * `call_status` -> unified, for the statuses whose meaning does not depend on the end reason.
 * Judgement: `registered` ("call id issued, starting to make a call") is queued.
 */
export const callStatuses: Readonly<Record<string, 'queued' | 'not_connected' | 'in_progress' | 'completed' | 'failed'>> = {
  registered: 'queued',
  not_connected: 'not_connected',
  ongoing: 'in_progress',
  ended: 'completed',
  error: 'failed',
};

// An `ended` call's unified status follows from its unified end reason, by the kit's `endedCallStatus`
// (as on Vapi and vox): a call that never connected (a failed, unanswered, busy, declined or invalid
// dial, a number flagged as spam) is `not_connected`, one stopped through the API `canceled`, one
// ended by an error, missing payment or a concurrency limit `failed`.

/**
 * `disconnection_reason` -> unified end reason. Judgements, each marked: a take-over and a bridged
 * transfer are transfers; an IVR reached is a voicemail (a machine answered); a call marked as spam
 * was declined; telephony permission or availability failures and a registered call that timed out
 * are failed dials; inactivity is the silence timeout; `manual_stopped` (stopped through the API)
 * is canceled; `scam_detected` is an error; `transfer_cancelled` is unknown (who hung up is not said).
 */
export const endReasons: Readonly<Record<string, CallEndReason>> = {
  user_hangup: 'customer_hangup',
  agent_hangup: 'agent_hangup',
  call_transfer: 'transferred',
  transfer_bridged: 'transferred', // judgement
  call_take_over: 'transferred', // judgement
  voicemail_reached: 'voicemail',
  ivr_reached: 'voicemail', // judgement
  dial_no_answer: 'no_answer',
  dial_busy: 'busy',
  user_declined: 'declined',
  marked_as_spam: 'declined', // judgement
  dial_failed: 'dial_failed',
  invalid_destination: 'dial_failed',
  sip_routing_error: 'dial_failed',
  telephony_provider_permission_denied: 'dial_failed', // judgement
  telephony_provider_unavailable: 'dial_failed', // judgement
  registered_call_timeout: 'dial_failed', // judgement
  max_duration_reached: 'max_duration',
  inactivity: 'silence_timeout', // judgement
  manual_stopped: 'canceled', // judgement
  concurrency_limit_reached: 'concurrency_limit',
  no_concurrency_fallback: 'concurrency_limit',
  no_valid_payment: 'insufficient_funds',
  error_llm_websocket_open: 'error',
  error_llm_websocket_lost_connection: 'error',
  error_llm_websocket_runtime: 'error',
  error_llm_websocket_corrupt_payload: 'error',
  error_no_audio_received: 'error',
  error_asr: 'error',
  error_retell: 'error',
  error_unknown: 'error',
  error_user_not_joined: 'error',
  scam_detected: 'error', // judgement
  transfer_cancelled: 'unknown', // judgement
};

/**
 * Documented: every amount of `call_cost` is in cents. Judgement: the currency (not stated) is the
 * US dollar.
 */
export const costCurrency = 'USD';
export const centsPerUnit = 100;

/** Transcript roles: `agent` is the agent, `user` the customer; `transfer_target` (the party a call was handed to) and any new role are `other`. */
export const turnRoles: Readonly<Record<string, 'agent' | 'customer' | 'other'>> = {
  agent: 'agent',
  user: 'customer',
  transfer_target: 'other',
};

/**
 * Judgement: `recording_url` needs no key (the docs show plain storage URLs). When the agent opts in
 * to signed URLs they expire after 24 h, but the call does not say so: `expiresAt` stays null.
 */
export const recordingRequiresAuth = false;

/**
 * Judgement: Retell's phone-call ids of our numbers are the E.164 numbers themselves, so a call's
 * `phoneNumberId` is its `from_number` when it went out and its `to_number` when it came in.
 */
export const numberIdIsTheNumber = true;

/** Where an agent's prompt lives, by `response_engine.type`: on a Retell LLM, in a conversation flow, or outside Retell (custom LLM). */
export const promptHolders: Readonly<Record<string, 'llm' | 'flow'>> = {
  'retell-llm': 'llm',
  'conversation-flow': 'flow',
};
