import { isPlainObject } from '../../provider.js';
import type { CallEndReason, CallStatus, CampaignStatus } from '../../provider.js';

/*
 * What this adapter assumes about Bland where its reference pages are silent or unclear: numbers and
 * batches first, then calls and pathways (Bland's agents). Every other file of the adapter reads
 * these names, values and rules, so a correction is one edit here. Each entry says whether it is
 * documented or assumed.
 */

/** The provider id, for messages and mapped values. */
export const providerId = 'bland' as const;
export type BlandId = typeof providerId;

/**
 * The E.164 number a number in a path names: `+14155550101`, `14155550101` and `4155550101` all name
 * +14155550101 (documented: with `+`, or without the prefix, US assumed when there is no country code).
 */
export function pathNumber(given: string): string {
  const digits = given.replace(/^\+/, '');
  return given.startsWith('+') ? given : digits.length === 10 ? `+1${digits}` : `+${digits}`;
}

/**
 * Assumed: the batch label's body field is `label` (the create page describes a label of at most 60
 * characters, documented, but its field name is not visible; the older batch API called it `label`).
 * It comes back as the batch's `description` (documented).
 */
export const batchLabelField = 'label';
/** Documented: at most 60 characters; a longer name is refused, never truncated. */
export const maxBatchLabelLength = 60;

/**
 * Assumed: a batch's calls use the pathway as their agent (`global.pathway_id`), come from
 * `global.from`, and a recipient's variables are its call object's `request_data` (all three are
 * `/v1/calls` properties, which the global object and each call object follow).
 */
export const globalField = { agentId: 'pathway_id', fromNumber: 'from', startTime: 'start_time' } as const;
export const recipientVariablesField = 'request_data';

/** Documented: no concurrency for a batch, so a `concurrency` is refused. Assumed: no recipient cap. */
export const maxRecipients: number | null = null;

/**
 * Assumed: `take` has a server default we do not know, so every request sends it (the neutral
 * `limit`, 100 when omitted); the SDK's own cap is 1000. The order of batches is stable between pages.
 */
export const batchPageSize = { default: 100, max: 1000 } as const;

/**
 * Assumed: a batch may one day carry a `status` with the status-webhook values (documented for the
 * webhook only); without one the status is `{ unified: 'unknown', raw: null }`.
 */
export const batchStatuses: Readonly<Record<string, Exclude<CampaignStatus, 'unknown'>>> = {
  validating: 'pending',
  dispatching: 'running',
  in_progress: 'running',
  in_progress_chunked: 'running',
  waiting_for_scheduled_calls: 'scheduled',
  completed: 'completed',
  completed_partial: 'completed',
  failed: 'failed',
};

/**
 * Decided (J): a number's `agentId` is what answers it: the persona it is attached to (`persona_id`,
 * second-hand) before its pathway, since an attached persona takes the calls. Bland's agents are its
 * pathways (`agents.get` is `GET /v1/pathway/{id}`; the persona endpoints are second-hand, so not
 * offered): for a number attached to a persona, `agents.get(agentId)` is a `NotFoundError`, and
 * `raw.persona_id` marks it. A number routed by its pathway has an `agentId` that `agents.get` reads.
 */
export const agentFields = ['persona_id', 'pathway_id'] as const;

/** Documented: `{ "pathway_id": null }` (or an empty text) clears the number's pathway. */
export const pathwayCleared = null;

/** Assumed: every number Bland lists is in service and is a phone line. */
export const numberStatus = 'active' as const;
export const numberType = 'pstn' as const;

/**
 * `start_time` as Bland writes it: `YYYY-MM-DD H:mm:ss` with an optional offset (documented: UTC when
 * the offset is omitted; the docs' own example has a one-digit hour). `T` is accepted as well.
 */
const startTimePattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2})?)?$/i;

/** Reads a `start_time`; `null` when missing or not one (the text stays in `raw`). */
export function parseStartTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = startTimePattern.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '', , sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return null;
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  if (utc.getUTCDate() !== d || utc.getUTCMonth() !== mo - 1) return null;
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  return new Date(utc.getTime() - offset * 60_000);
}

/** Assumed: a `scheduledAt` is sent in UTC with an explicit `+00:00` and read as that instant. */
export function formatStartTime(moment: Date): string {
  return `${moment.toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}

/** `base_prompt` is the batch's `global` properties as a JSON text (documented); anything else reads as `{}`. */
export function parseGlobal(basePrompt: unknown): Record<string, unknown> {
  // An object where the text is documented is read as it stands rather than dropped.
  if (isPlainObject(basePrompt)) return basePrompt;
  if (typeof basePrompt !== 'string') return {};
  try {
    const value = JSON.parse(basePrompt) as unknown;
    return isPlainObject(value) ? value : {};
  } catch {
    return {};
  }
}

/**
 * Documented envelopes of a failure: v1 `{ "status": "error", "message" }`, v2 `{ "data": null,
 * "errors": [{ "error": "CODE", "message" }] }`. The line is `errors[0]`'s code and message, else `message`.
 */
export function blandErrorDetail(body: unknown): string | null {
  if (!isPlainObject(body)) return null;
  const { errors, message } = body;
  if (Array.isArray(errors) && isPlainObject(errors[0])) {
    const { error, message: text } = errors[0];
    const line = [error, text].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(': ');
    if (line !== '') return line;
  }
  return typeof message === 'string' && message.trim() !== '' ? message : null;
}

/**
 * Assumed: a 2xx body in either failure envelope is a failure all the same (`status: "error"`, or a
 * non-empty `errors`), so a write Bland refused is never reported as done.
 */
export function isBlandFailure(body: unknown): boolean {
  if (!isPlainObject(body)) return false;
  return body.status === 'error' || (Array.isArray(body.errors) && body.errors.length > 0);
}

// Calls and agents. [doc] documented, [2nd] second-hand, [assumed] nothing found says so, (J) a
// judgement call: Bland does not say which unified value its value means, so we chose (the mapping
// tables of docs/calls.md mark each one).

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
