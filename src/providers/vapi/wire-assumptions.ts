import { isPlainObject } from '../../provider.js';
import type { CallEndReason, CampaignStatus, MappedStatus, PhoneNumberStatus } from '../../provider.js';

/*
 * What this adapter assumes where Vapi's OpenAPI document is silent or loose. Every other file of the
 * adapter reads these values, so when the platform turns out different, this file is the one to
 * correct. "Documented" below means stated by the OpenAPI document; "assumed" means it is not.
 */

/** The provider id, in one place for messages and mapped values. */
export const providerId = 'vapi' as const;
export type VapiId = typeof providerId;

/**
 * Number status -> unified status (the values are documented; what they mean is assumed):
 * `activating` is on its way to service, `blocked` is out of service.
 */
export const phoneNumberStatuses: Readonly<Record<string, Exclude<PhoneNumberStatus, 'unknown'>>> = {
  active: 'active',
  activating: 'pending',
  blocked: 'inactive',
};

/** Assumed: a number without `status` (the field is optional) is in service. */
export const phoneNumberStatusWhenMissing: MappedStatus<PhoneNumberStatus> = { unified: 'active', raw: null };

/**
 * Campaign status -> unified status, for the statuses whose meaning does not depend on `endedReason`.
 * `ended` and `archived` are read with `endedStatus` (assumed: `archived` is an ended campaign moved
 * out of sight).
 */
export const campaignStatuses: Readonly<Record<string, Exclude<CampaignStatus, 'unknown'>>> = {
  scheduled: 'scheduled',
  'in-progress': 'running',
  cancelled: 'canceled',
};

/**
 * Documented (https://docs.vapi.ai/phone-calling): a free number from Vapi itself (`provider: "vapi"`)
 * takes inbound calls only; outbound calls need a number imported from a telephony provider.
 */
export const freeNumberProvider = 'vapi';

/** The two wire statuses of a campaign that stopped; their unified status comes from `endedReason`. */
export const endedCampaignStatuses: readonly string[] = ['ended', 'archived'];

/** Documented reasons end in `ended-by-user` when someone stopped the campaign, so it reads as canceled. */
export function endedStatus(endedReason: string | null | undefined): 'canceled' | 'completed' {
  return typeof endedReason === 'string' && endedReason.endsWith('ended-by-user') ? 'canceled' : 'completed';
}

/** Documented: `page` starts at 1, `limit` is 0..1000 and 100 by default. The SDK always sends the limit. */
export const firstPage = 1;
export const defaultLimit = 100;
export const maxLimit = 1000;

/** Documented in Vapi's campaign docs: at most 10 000 customers per campaign; more is refused, never split. */
export const maxRecipients = 10_000;
/** Documented: `maxConcurrency` has a minimum of 1. The upper bound is the organization's limit, which the platform enforces. */
export const concurrencyRange = { min: 1, max: Number.MAX_SAFE_INTEGER } as const;

/**
 * Decided (J): a number's (and a campaign's) `agentId` is what answers its calls: `assistantId`, else
 * `workflowId`, else `squadId`, as the wire holds exactly one of them. Only the assistant is an agent
 * `agents.get` reads (`GET /assistant/{id}`): for a number answered by a workflow or a squad,
 * `agents.get(agentId)` is a `NotFoundError`, and `raw` says which field it came from. Reading only
 * `assistantId` would show such a number as unlinked, which is worse; mapping workflows and squads as
 * agents (`GET /workflow/{id}`, `GET /squad/{id}`) is the way to close this gap.
 */
export const answeringAgentFields = ['assistantId', 'workflowId', 'squadId'] as const;

/**
 * Assumed: `null` clears an id field on PATCH. Vapi's document types `assistantId`, `workflowId`
 * and `squadId` as strings only, but Vapi's SDK maintainers point to `null` as the way to unlink
 * (server-sdk-typescript issue 8), and the platform validates with NestJS, whose optional fields take `null`.
 */
export const clearedValue = null;

/**
 * Assumed: errors are NestJS's default body `{ message: string | string[], error, statusCode }` (the
 * document declares no error schema). The message is `message` (a list joined with "; "), else `error`.
 */
export function vapiErrorDetail(body: unknown): string | null {
  if (!isPlainObject(body)) return null;
  const { message, error } = body;
  if (typeof message === 'string' && message.trim() !== '') return message.trim();
  if (Array.isArray(message)) {
    const parts = message.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    if (parts.length > 0) return parts.join('; ');
  }
  return typeof error === 'string' && error.trim() !== '' ? error.trim() : null;
}

/**
 * Assumed: Vapi's document declares no 429 body and no concurrency code (its concurrency limit shows
 * on a call as `endedReason: call.start.error-subscription-concurrency-limit-reached`). A 429 whose
 * message speaks of concurrency is read as "too many calls at once" (`ConcurrencyLimitError`), any
 * other 429 as a rate limit.
 */
export function isConcurrencyLimit(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const message = (body as { message?: unknown }).message;
  const texts = Array.isArray(message) ? message : [message];
  return texts.some((text) => typeof text === 'string' && /concurren/i.test(text));
}

// ---- Calls and agents ----------------------------------------------------------------------------

/** Documented: `GET /call` and `GET /assistant` take `limit` 0..1000, 100 by default; the SDK always sends it. */
export const callListLimit = { default: 100, max: 1000 } as const;

/** Documented: `GET /v2/campaign/{id}/contacts` takes `limit` 1..1000, 50 by default. */
export const contactListLimit = { default: 50, max: 1000 } as const;

/**
 * Assumed: `GET /call` and `GET /assistant` answer newest first (no `sortOrder` is declared), so the
 * next page is the items created at or before the oldest one seen (the time keyset kind); the SDK
 * sends `createdAtLe` and leaves out the ids already listed at that instant.
 */
export const keysetBound = 'createdAtLe';

/**
 * Call status -> unified, for the statuses whose meaning does not depend on `endedReason`.
 * Judgement: `forwarding` (the call is being transferred) is still in progress.
 */
export const callStatuses: Readonly<Record<string, 'scheduled' | 'queued' | 'ringing' | 'in_progress' | 'unknown'>> = {
  scheduled: 'scheduled',
  queued: 'queued',
  ringing: 'ringing',
  'in-progress': 'in_progress',
  forwarding: 'in_progress',
  'not-found': 'unknown',
  'deletion-failed': 'unknown',
};

// An `ended` call's unified status follows from its unified end reason, by the kit's `endedCallStatus` (as on Retell and vox).

type ReasonTest = string | RegExp;

/**
 * Vapi's `endedReason` (an enum of some 600 values) by family, checked in this order; the first match
 * wins and a value no row matches is `unknown` (raw kept). Judgements, each marked: the daily outbound
 * limit is a concurrency limit; a frozen subscription or a missing wallet is missing funds; a busy or
 * unanswered forwarding target is `busy` / `no_answer` (it could be read as an error); the provider's
 * "completed" / "disconnected" reports are the customer hanging up.
 */
export const endedReasonFamilies: readonly (readonly [CallEndReason, readonly ReasonTest[]])[] = [
  ['concurrency_limit', ['call.start.error-subscription-concurrency-limit-reached', /vapi-number-outbound-daily-limit$/ /* judgement */]],
  [
    'insufficient_funds',
    [/subscription-insufficient-credits$/, /subscription-frozen$/ /* judgement */, /subscription-wallet-does-not-exist$/ /* judgement */],
  ],
  ['canceled', ['manually-canceled', 'scheduled-call-deleted', 'call-deleted']],
  ['busy', ['customer-busy', 'call.forwarding.operator-busy' /* judgement */]],
  ['no_answer', ['customer-did-not-answer', 'call.forwarding.no-answer' /* judgement */]],
  ['voicemail', ['voicemail']],
  ['declined', ['vonage-rejected']],
  [
    'dial_failed',
    [
      'twilio-failed-to-connect-call',
      'vonage-failed-to-connect-call',
      'twilio-reported-customer-misdialed',
      /-sip-outbound-call-failed-to-connect$/,
      /outbound-sip-[45]\d\d/,
      /transport-never-connected$/,
    ],
  ],
  [
    'customer_hangup',
    [
      /^customer-ended-call/,
      /-caller-hungup-before-call-connect$/,
      /* judgement: */ /twilio-completed-call$/,
      /sip-completed-call$/,
      'vonage-disconnected',
      'vonage-completed',
    ],
  ],
  ['agent_hangup', [/^assistant-ended-call/, 'assistant-said-end-call-phrase']],
  ['transferred', ['assistant-forwarded-call', /^call\.[^.]+\.hook-executed-transfer$/]],
  ['max_duration', ['exceeded-max-duration']],
  ['silence_timeout', ['silence-timed-out']],
  [
    'error',
    [
      /^pipeline-error-/,
      /^call\.[^.]+\.error-/,
      /^assistant-request-/,
      /^assistant-not-/,
      /^call-start-error-/,
      'assistant-join-timed-out',
      'worker-shutdown',
      /^phone-call-provider-/,
      'customer-did-not-give-microphone-permission',
    ],
  ],
];

/** The unified end reason of a Vapi `endedReason` (see `endedReasonFamilies`). */
export function classifyEndedReason(reason: string): CallEndReason {
  for (const [unified, tests] of endedReasonFamilies) {
    if (tests.some((test) => (typeof test === 'string' ? test === reason : test.test(reason)))) return unified;
  }
  return 'unknown';
}

/** Vapi call `type` -> direction (documented values). */
export const callDirections: Readonly<Record<string, 'inbound' | 'outbound' | 'web'>> = {
  inboundPhoneCall: 'inbound',
  outboundPhoneCall: 'outbound',
  webCall: 'web',
  'vapi.websocketCall': 'web',
};

/**
 * Transcript roles (assumed from the message schemas' names: `role` is a free string): `bot` is the
 * agent, `user` the customer, `tool_calls` and `tool_call_result` are tool turns, `system` (the
 * prompt) is not a turn and is left out; any other role is `other`, never dropped.
 */
export const turnRoles: Readonly<Record<string, 'agent' | 'customer' | 'tool' | null>> = {
  bot: 'agent',
  user: 'customer',
  tool_calls: 'tool',
  tool_call_result: 'tool',
  system: null,
};

/** Documented: `cost` is in US dollars. */
export const costCurrency = 'USD';

/**
 * Judgement: the prompt of an assistant is its `model.messages` of role `system`, joined by a blank
 * line (the document does not say how several system messages combine).
 */
export const promptSeparator = '\n\n';

/**
 * Judgement: a call's recording is the presigned mono URL (no key needed, expiring at
 * `presignedUrlsExpiresAt`) where there is one, else the stable `recordingUrl`, whose need for a
 * key the document leaves open (`requiresAuth: null`). The download path `GET /call/{id}/mono-recording`
 * (bearer auth, answering a 302) is not named: the mapping has no base URL to put in front of it.
 */
export const recordingWithoutPresignedUrl = { requiresAuth: null } as const;
