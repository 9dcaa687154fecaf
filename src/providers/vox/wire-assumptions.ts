import type { CallEndReason, CallStatus } from '../../provider.js';

/*
 * What the vox adapter assumes where vox's own pages are silent, cut off in the copies read, or
 * known only second-hand (a third party's notes on vox's openapi.json): the write endpoints first,
 * then calls and agents. Every other file of the adapter reads these names and values, so a
 * correction is one edit here. Each entry says how sure it is: [doc] documented on a vox page, [2nd]
 * second-hand, [assumed] nothing found says so.
 */

/** [doc] campaigns live under this path; [2nd] the list is `GET` on it, the create `POST`. */
export const campaignsPath = '/v3/campaigns';

/**
 * [2nd] `POST /v3/campaigns/{id}/<action>` pauses, resumes, cancels. [assumed] with no body at all.
 * [assumed] A state that does not allow the action answers 409 (`INVALID_STATE`): a `ConflictError`.
 */
export const lifecycleActions = { pause: 'pause', resume: 'resume', cancel: 'cancel' } as const;

/** [doc] the agent-mapping endpoint of a number, after the number's own path. */
export const agentMappingSuffix = 'agent';

/**
 * [assumed] The agent version sent with every agent reference: the neutral API names no version;
 * the legacy v2 create defaulted to `production`, and `current` is the editable draft.
 */
export const agentVersion = 'production';

/**
 * Body field names of `POST /v3/campaigns`. `name`, `agent`, `tasks`, `scheduled_at` [doc];
 * `from_number` and `concurrency` [assumed] (the create page's excerpt hides them; the campaign
 * object uses these names).
 */
export const createField = {
  name: 'name',
  agent: 'agent',
  fromNumber: 'from_number',
  tasks: 'tasks',
  scheduledAt: 'scheduled_at',
  concurrency: 'concurrency',
} as const;

/** [assumed] Task fields, named as in vox's `CreateCallRequest` [2nd]. */
export const taskField = { toNumber: 'to_number', variables: 'dynamic_variables' } as const;

/**
 * [2nd] `PATCH .../agent` takes `{ inbound_agent, outbound_agent }`. The neutral `agentId` is the
 * inbound agent (the one that answers calls); the outbound agent is never sent, so it is kept.
 */
export const agentMappingField = 'inbound_agent';

/**
 * Limits of a create: name 1..255 and concurrency 1..100 [doc]; recipients per create: vox documents
 * no cap (`tasks` >= 1) [assumed none]; a too-large body is vox's own 4xx, never a silent cut.
 */
export const voxCampaignRules = { maxRecipients: null, concurrency: { min: 1, max: 100 }, maxNameLength: 255 } as const;

/** [assumed] The campaign list pages like every v3 list: `limit` 1..100, `cursor`, `{ items, total_count, next_cursor }`. */
export const campaignListMaxLimit = 100;

// [assumed] The campaign list takes one `status` per request, like the numbers list: several statuses
// are chained listings (voxCampaignListings in campaign-list-params.ts).

// Calls and agents. [doc] documented, [2nd] second-hand, [assumed] nothing found says so, (J) a
// judgement call: vox does not say which unified value its value means, so we chose (the mapping
// tables of docs/calls.md mark each one).

/** [doc] `GET /v3/calls` (list), `GET /v3/calls/{id}` (get), `POST /v3/calls` (create). */
export const callsPath = '/v3/calls';
/** [doc] `GET /v3/agents` (list of summaries), `GET /v3/agents/{id}` (one agent with `data`). */
export const agentsPath = '/v3/agents';

/** [doc] Every v3 list takes `limit` 1..100. */
export const callListMaxLimit = 100;

/**
 * [assumed] The start-time filter's parameter names (cut off in the stored copy of the list page):
 * unix milliseconds like every v3 `_at`, `start_at_gte` inclusive and `start_at_lt` exclusive.
 */
export const startTimeParameter = { after: 'start_at_gte', before: 'start_at_lt' } as const;

/**
 * [doc] v3 statuses; `registered` and `ringing` are v2's. (J) `registered` -> queued. `ended` is
 * refined by the end reason (see `voxEndReasons`).
 */
export const voxCallStatuses: Readonly<Record<string, Exclude<CallStatus, 'unknown'>>> = {
  queued: 'queued',
  registered: 'queued',
  ringing: 'ringing',
  ongoing: 'in_progress',
  ended: 'completed',
  error: 'failed',
  canceled: 'canceled',
  not_connected: 'not_connected',
};

// (J) An `ended` call's status follows from its end reason, by the kit's `endedCallStatus` (as on
// Retell and Vapi): `completed` unless the reason says it never connected (no answer, busy, declined,
// dial failed: `not_connected`) or that it was refused or broken (limits, funds, an error: `failed`,
// as design.md defines the two). A voicemail reached is `completed`, its end reason `voicemail`:
// never a plain success.

/**
 * [doc] v3 `disconnection_reason` (16; `daily_call_limit_reached` [2nd], cut off in the copy).
 * (J) `inactivity` -> silence_timeout; `daily_call_limit_reached` -> concurrency_limit;
 * `orphaned_no_agent_pickup` -> error.
 */
export const voxEndReasons: Readonly<Record<string, Exclude<CallEndReason, 'unknown'>>> = {
  user_hangup: 'customer_hangup',
  agent_hangup: 'agent_hangup',
  call_transfer: 'transferred',
  voicemail_reached: 'voicemail',
  dial_no_answer: 'no_answer',
  dial_busy: 'busy',
  dial_declined: 'declined',
  dial_failed: 'dial_failed',
  max_duration_reached: 'max_duration',
  inactivity: 'silence_timeout',
  concurrency_limit_reached: 'concurrency_limit',
  daily_call_limit_reached: 'concurrency_limit',
  insufficient_balance: 'insufficient_funds',
  error_voxai: 'error',
  flow_error: 'error',
  orphaned_no_agent_pickup: 'error',
};

/** Statuses of a call that is over: only these carry an end reason (`null` before). */
export const endedStatuses: ReadonlySet<string> = new Set(['ended', 'error', 'canceled', 'not_connected']);

/**
 * (J) `call_cost.total_cost` is a text whose unit is undocumented (v2 reported credits; v3 says
 * nothing, and no currency is named): `{ amount, currency: null, unit: 'unknown' }`.
 */
export const costUnit = 'unknown' as const;

/**
 * [assumed] A v3 transcript item keeps v2's `{ role, content, start_at, end_at }`. (J) Its
 * `start_at` / `end_at` are unix milliseconds like every v3 `_at` (the v3 contract rule), so a
 * turn's seconds are counted from the call's `start_at`. `agent` [doc v2], `user` [assumed].
 */
export const voxTurnRoles: Readonly<Record<string, 'agent' | 'customer'>> = { agent: 'agent', user: 'customer' };

/**
 * (J) `call_type` -> direction: `inbound`, `outbound`, `web` as named; `api` (placed through this
 * API) dials out; `phone` does not say which way (null).
 */
export const voxDirections: Readonly<Record<string, 'inbound' | 'outbound' | 'web'>> = {
  inbound: 'inbound',
  outbound: 'outbound',
  web: 'web',
  api: 'outbound',
};

/** [doc] Whether a recording URL needs credentials is not said: `requiresAuth: null`. */
export const recordingRequiresAuth = null;

/**
 * (J) An agent's `version`: the get's `version` where vox echoes it, else the summary's
 * `production_version`. `agents.get` sends no `version` query (vox's default is undocumented).
 */
export const agentVersionFields = ['version', 'production_version'] as const;

/** [assumed] `POST /v3/calls` names the agent as the campaign create does: version `production` (`agentVersion` above). */
export const callAgentVersion = agentVersion;

/**
 * [doc] `to_number` and `from_number` of `POST /v3/calls` are domestic digits without hyphens
 * (`01012345678`). (J) A number given in E.164 is written back in Korean domestic form (`+82`
 * becomes a leading `0`); a number of another country has no domestic form and is refused.
 */
export const domesticCountryCode = '+82';
