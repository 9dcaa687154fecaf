import type { CallEndReason, CallStatus } from '../../core/call-types.js';

/*
 * What the Bland adapter assumes about calls and pathways (Bland's agents) where its reference pages
 * are silent; the numbers and batches have theirs in wire-assumptions.ts. [doc] documented,
 * [2nd] second-hand, [assumed] nothing found says so, (J) a judgement call: Bland does not say which
 * unified value its value means, so we chose. A correction is one edit here.
 */

/**
 * `queue_status` (incomplete [doc]): `queued`, and `new` [2nd] -> queued; `complete`/`completed` ->
 * completed; a value ending in `_error` [2nd] -> failed.
 */
export const blandQueueStatuses: Readonly<Record<string, Exclude<CallStatus, 'unknown'>>> = {
  new: 'queued',
  queued: 'queued',
  complete: 'completed',
  completed: 'completed',
};
export const errorStatusSuffix = '_error';

/** (J) `completed: false` with a queue status not in the table: the call is under way. */
export const unfinishedStatus: CallStatus = 'in_progress';

/**
 * `answered_by`: `human`, `voicemail` seen [doc]. (J) values naming no answer (`no-answer`,
 * `no_answer`, `unanswered`) -> no_answer; the real vocabulary is unknown.
 */
export const answeredByReasons: Readonly<Record<string, CallEndReason>> = {
  voicemail: 'voicemail',
  'no-answer': 'no_answer',
  no_answer: 'no_answer',
  unanswered: 'no_answer',
};

/** `call_ended_by`: `ASSISTANT` seen [doc], `USER` [assumed]. */
export const endedByReasons: Readonly<Record<string, CallEndReason>> = { USER: 'customer_hangup', ASSISTANT: 'agent_hangup' };

/**
 * The end reason is derived, in this order: `error_message` set -> error; `answered_by` (voicemail,
 * no answer); `transferred_to` set -> transferred (J); `call_ended_by`; else unknown. (J) A call
 * ended by an error is `failed`; one never answered is `not_connected`.
 */
export const statusByEndReason: Partial<Readonly<Record<CallEndReason, CallStatus>>> = {
  error: 'failed',
  no_answer: 'not_connected',
  busy: 'not_connected',
};

/** (J) `price` is a number in an unstated currency: USD. */
export const priceCurrency = 'USD';

/** [doc] `call_length` is in minutes; `corrected_duration` (text) in seconds, used when present. */
export const secondsPerMinute = 60;

/**
 * [doc] `end_at` is the max-duration cutoff, not the end. (J) endedAt = `started_at` + the duration.
 */
export const endFromDuration = true;

/**
 * [doc] `transcripts[].user`: `assistant` -> agent, `user` -> customer, `agent-action` -> tool,
 * (J) `robot` -> other; anything else -> other. (J) A turn starts at `created_at - started_at`; its end is not given.
 */
export const blandTurnRoles: Readonly<Record<string, 'agent' | 'customer' | 'tool' | 'other'>> = {
  assistant: 'agent',
  user: 'customer',
  'agent-action': 'tool',
  robot: 'other',
};

/** [doc] Whether `recording_url` needs the key is not said: `requiresAuth: null`. */
export const recordingRequiresAuth = null;

/**
 * (J) The variables a call was placed with are its `request_data` (what `POST /v1/calls` took);
 * `variables` also holds Bland's own values. [assumed] The call echoes `pathway_id` (the agent).
 * (J) The platform number of an outbound call is `from`, of an inbound one `to` (Bland numbers are
 * addressed by their E.164 number).
 */
export const variablesField = 'request_data';

/**
 * `GET /v1/calls`: [doc] `from` is an index (inclusive) and `limit` defaults to 1000 (maximum
 * unknown); [assumed] the SDK sends 100 unless asked and takes at most 1000. No agent, batch, status
 * or date filter is documented: status is applied to each page (a list item has what it needs);
 * agentId and the time window are refused (a list item has no pathway nor start time).
 */
export const callPageSize = { default: 100, max: 1000 } as const;

/**
 * [assumed] `calls.list({ campaignId })` reads the legacy `GET /v1/batches/{id}`, whose `call_data[]`
 * holds each call in full: one page.
 */
export const legacyBatchPath = '/v1/batches';

/**
 * `GET /v1/pathway` ("Get All Pathways"): the list shape and the id field are unknown. (J) An
 * array, or one under `pathways` or `data`; each item's id is `id`, else `pathway_id`. One page.
 */
export const pathwayListKeys = ['pathways', 'data'] as const;

/**
 * [assumed] The neutral `prompt` of a pathway is its start node's `globalPrompt`, else any node's,
 * else null; `promptRef` is the pathway itself (its nodes hold the prompts).
 */
export const promptKind = 'pathway' as const;
