import type { CallEndReason, CallStatus, CampaignStatus, MappedStatus, PhoneNumberStatus } from '../../provider.js';

/*
 * What this adapter assumes about ElevenLabs' Agents Platform where its OpenAPI document and SDK
 * are silent, and the judgement calls (J) that map its values onto the neutral ones. Every other
 * file of the adapter reads these values and rules, so when the platform turns out different, this
 * file is the one to correct. The numbers match the assumptions in docs/providers/elevenlabs.md.
 */

/** Documented: conversations and agents take `page_size` 1..100 (default 30). */
export const conversationPageSize = { default: undefined, max: 100 } as const;
/** Documented: the batch list takes `limit`, 100 by default; no maximum is stated, so none is enforced. */
export const batchPageSize = { default: undefined, max: Number.MAX_SAFE_INTEGER } as const;

/**
 * Assumption 3: the v2 number list's `page_size` range is not documented; the neutral `limit` is
 * sent as is and a refusal surfaces as the platform's 4xx.
 */
export const numberPageSize = { default: undefined, max: Number.MAX_SAFE_INTEGER } as const;

/**
 * Assumption 3: a deployment without `GET /v1/convai/v2/phone-numbers` answers 404; the v1 list (a
 * bare array of every number) is then read as one page. It takes only `provider` and `agent_id`.
 */
export const numberListFallbackFilters: readonly string[] = ['telephonyProvider', 'agentId'];

/** The next cursor of a `{ next_cursor | next_doc, has_more }` page: none when `has_more` is false or the cursor is missing. */
export function nextCursor(cursor: string | null | undefined, hasMore: boolean | null | undefined): string | null {
  return hasMore !== false && typeof cursor === 'string' && cursor !== '' ? cursor : null;
}

/** Documented: timestamps are unix seconds (`*_unix_secs`, `created_at_unix`, ...). */
export function dateFromUnixSeconds(seconds: number | null | undefined): Date | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Assumption 1: `scheduled_time_unix` is unix seconds, as its name and the documented
 * `call_start_after_unix` say; a start is sent rounded down to the second.
 */
export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** ElevenLabs reports no number status: every number it lists is in service. */
export const numberStatus: MappedStatus<PhoneNumberStatus> = { unified: 'active', raw: null };

/** An E.164 number: `+`, a non-zero digit, up to 15 digits. */
const e164Pattern = /^\+[1-9]\d{1,14}$/;

/** Whether a number as ElevenLabs gives it is E.164 (Twilio numbers are; SIP-trunk ones are as imported). */
export function isE164(number: string | null | undefined): number is string {
  return typeof number === 'string' && e164Pattern.test(number);
}

/** (J) A number is `pstn` when it is E.164, else `sip`: a `sip_trunk` number usually is a real DID. */
export function numberType(number: string): 'pstn' | 'sip' {
  return isE164(number) ? 'pstn' : 'sip';
}

/** Documented: batch call statuses; `pending` is read with `scheduled_time_unix` (assumption 6). */
const batchStatuses: Readonly<Record<string, Exclude<CampaignStatus, 'unknown'>>> = {
  pending: 'pending',
  in_progress: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'canceled',
};

/** The batch statuses after which nothing more happens, so `last_updated_at_unix` is when it finished. */
const terminalBatchStatuses: readonly string[] = ['completed', 'failed', 'cancelled'];

/**
 * Assumption 6 (J): ElevenLabs has no separate scheduled state: a `pending` batch whose
 * `scheduled_time_unix` lies after `nowMs` waits for its start (`scheduled`).
 */
export function batchStatus(status: string | null | undefined, scheduledUnix: number | null | undefined, nowMs: number): MappedStatus<CampaignStatus> {
  if (typeof status !== 'string') return { unified: 'unknown', raw: null };
  const unified = Object.hasOwn(batchStatuses, status) ? batchStatuses[status]! : 'unknown';
  if (unified === 'pending' && typeof scheduledUnix === 'number' && scheduledUnix * 1000 > nowMs) return { unified: 'scheduled', raw: status };
  return { unified, raw: status };
}

/** (J) `finishedAt` is `last_updated_at_unix` once the batch is in a terminal status, else unknown. */
export function batchFinishedAt(status: string | null | undefined, lastUpdatedUnix: number | null | undefined): Date | null {
  return typeof status === 'string' && terminalBatchStatuses.includes(status) ? dateFromUnixSeconds(lastUpdatedUnix) : null;
}

/** (J) A batch's failed calls are its recipients in status `failed` (only the batch get lists them). */
export const failedRecipientStatus = 'failed';

/** Documented conversation statuses. */
export const conversationStatuses: readonly string[] = ['initiated', 'in-progress', 'processing', 'done', 'failed'];

/**
 * Conversation status -> unified (J): `initiated` is queued (it might be ringing); `processing` is
 * over (the analysis is still running), so completed; `done` is completed, or not_connected when
 * the phone call's `call_result` says it never connected.
 */
const conversationStatusTable: Readonly<Record<string, CallStatus>> = {
  initiated: 'queued',
  'in-progress': 'in_progress',
  processing: 'completed',
  done: 'completed',
  failed: 'failed',
};

/** The `call_result` values of a call that never connected. */
const notConnectedResults: readonly string[] = ['busy', 'no_answer', 'failed'];

/** The unified statuses each wire status can map to, for the `exclude_statuses` complement. */
export function unifiedStatusesOf(wire: string): readonly CallStatus[] {
  if (wire === 'done') return ['completed', 'not_connected'];
  return Object.hasOwn(conversationStatusTable, wire) ? [conversationStatusTable[wire]!] : ['unknown'];
}

/** A conversation's unified status, from its status and (on `calls.get`) its phone call's `call_result`. */
export function conversationStatus(status: string | null | undefined, callResult: string | null | undefined): MappedStatus<CallStatus> {
  if (typeof status !== 'string') return { unified: 'unknown', raw: null };
  if (!Object.hasOwn(conversationStatusTable, status)) return { unified: 'unknown', raw: status };
  if (status === 'done' && typeof callResult === 'string' && notConnectedResults.includes(callResult)) {
    return { unified: 'not_connected', raw: status };
  }
  return { unified: conversationStatusTable[status]!, raw: status };
}

/** The statuses of a conversation that is over, whose end reason can be told. */
export const endedConversationStatuses: readonly string[] = ['processing', 'done', 'failed'];

/** `phone_call.call_result` (sdk) -> end reason, where the result alone says it. */
const callResultReasons: Readonly<Record<string, CallEndReason>> = {
  voicemail: 'voicemail',
  busy: 'busy',
  no_answer: 'no_answer',
  failed: 'dial_failed',
};

/**
 * (J, assumed) `termination_reason` is free text with no documented vocabulary: these substrings,
 * tried in order on its lower-cased text, classify it until real values are collected. Anything
 * else is `unknown`, its text kept in `raw`.
 */
const terminationPatterns: readonly (readonly [RegExp, CallEndReason])[] = [
  [/voicemail/, 'voicemail'],
  [/transfer/, 'transferred'],
  [/max(imum)?[ _-]?duration|duration limit|time limit/, 'max_duration'],
  [/silence|inactiv|no input|timed? ?out/, 'silence_timeout'],
  [/end_call|agent ended|ended by (the )?agent|agent hung/, 'agent_hangup'],
  [/client disconnected|user ended|remote party|caller hung|customer hung|user hung|hung up/, 'customer_hangup'],
  [/cancel/, 'canceled'],
];

/**
 * Why a conversation ended: `null` while it is not over; an error (`metadata.error`) is `error`; a
 * `call_result` other than `answered` says it (voicemail, busy, no_answer, failed); else the
 * `termination_reason` text is classified by `terminationPatterns`.
 */
export function conversationEndReason(ending: {
  status: string | null | undefined;
  callResult: string | null | undefined;
  terminationReason: string | null | undefined;
  hasError: boolean;
}): MappedStatus<CallEndReason> | null {
  if (typeof ending.status !== 'string' || !endedConversationStatuses.includes(ending.status)) return null;
  const text = typeof ending.terminationReason === 'string' && ending.terminationReason.trim() !== '' ? ending.terminationReason : null;
  const result = ending.callResult;
  if (typeof result === 'string' && Object.hasOwn(callResultReasons, result)) return { unified: callResultReasons[result]!, raw: text ?? result };
  if (ending.hasError) return { unified: 'error', raw: text };
  if (text === null) return { unified: 'unknown', raw: null };
  const lower = text.toLowerCase();
  for (const [pattern, reason] of terminationPatterns) if (pattern.test(lower)) return { unified: reason, raw: text };
  return { unified: 'unknown', raw: text };
}

/**
 * Assumption 2 (J): `metadata.cost_fiat` is USD (the SDK says so); without it, `metadata.cost` is
 * in ElevenLabs credits (its unit is not stated). Neither: no cost, never 0.
 */
export function conversationCost(costFiat: number | null | undefined, cost: number | null | undefined) {
  if (typeof costFiat === 'number' && Number.isFinite(costFiat)) return { amount: costFiat, currency: 'USD', unit: 'currency' as const };
  if (typeof cost === 'number' && Number.isFinite(cost)) return { amount: cost, currency: null, unit: 'credits' as const };
  return null;
}

/**
 * Documented: the recording is `GET /v1/convai/conversations/{id}/audio`, which needs the API key:
 * the neutral recording is that path on the client's base URL, `requiresAuth: true`.
 */
export function recordingPath(conversationId: string): string {
  return `/v1/convai/conversations/${encodeURIComponent(conversationId)}/audio`;
}

/**
 * Batch recipient status -> unified call status (J), for `calls.list({ campaignId })`, which reads
 * the batch's recipients (assumption 10): `dispatched` and `initiated` are queued, `voicemail`
 * reached a voicemail, so completed.
 */
export const recipientStatuses: Readonly<Record<string, CallStatus>> = {
  pending: 'queued',
  dispatched: 'queued',
  initiated: 'queued',
  in_progress: 'in_progress',
  completed: 'completed',
  voicemail: 'completed',
  failed: 'failed',
  cancelled: 'canceled',
};

/**
 * Assumption 5: outbound calls go to the endpoint of the from-number's telephony provider; there is
 * no provider-neutral one. Exotel's endpoint was not examined, so an Exotel number is refused.
 */
export const outboundCallPaths: Readonly<Record<string, string>> = {
  twilio: '/v1/convai/twilio/outbound-call',
  sip_trunk: '/v1/convai/sip-trunk/outbound-call',
};

/** Assumption 5: a 2xx answer with `success: false` (the spec allows it) is a failure. */
export function isReportedFailure(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { success?: unknown }).success === false;
}

/**
 * Assumption 8: the marker dynamic variable sent with every outbound call, so that a call whose
 * answer was lost can be found with `dynamic_variable_params=<name>:eq:<value>`.
 */
export const requestMarkerVariable = 'vp_request_id';

/**
 * Assumption 7: errors other than 422 carry `detail: { status, message }` (second-hand); a 422 is
 * `detail: [{ loc, msg, type }]`; an outbound-call failure in a 2xx carries `message`.
 */
export function elevenLabsErrorDetail(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const detail = (body as { detail?: unknown }).detail;
  const clean = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  if (typeof detail === 'string') return clean(detail);
  if (Array.isArray(detail)) {
    const messages = detail.map((item) => clean((item as { msg?: unknown } | null)?.msg)).filter((text) => text !== null);
    if (messages.length > 0) return messages.join('; ');
  } else if (typeof detail === 'object' && detail !== null) {
    const message = clean((detail as { message?: unknown }).message);
    if (message) return message;
  }
  return clean((body as { message?: unknown }).message);
}

/**
 * Documented: a 429 with `detail.status` `too_many_concurrent_requests` is the plan's concurrency
 * limit (do not retry fast); `system_busy` is a plain rate limit, retried with backoff.
 */
export function isConcurrencyLimit(body: unknown): boolean {
  const detail = typeof body === 'object' && body !== null ? (body as { detail?: unknown }).detail : undefined;
  return typeof detail === 'object' && detail !== null && (detail as { status?: unknown }).status === 'too_many_concurrent_requests';
}

/** Documented: the docs and the SDK refuse a webhook signed more than 30 minutes ago. */
export const webhookPastToleranceMs = 30 * 60 * 1000;
/** Assumption 9: a webhook signed more than 5 minutes in the future is refused too (neither the docs nor the SDK check it). */
export const webhookFutureToleranceMs = 5 * 60 * 1000;
