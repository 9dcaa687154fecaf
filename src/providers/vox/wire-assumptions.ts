/*
 * What the vox adapter assumes about vox's write endpoints where vox's own pages are silent or
 * known only second-hand (a third party's notes on vox's openapi.json). Every other file of the
 * adapter reads these names and values, so a correction is one edit here. Each entry says how sure
 * it is: [doc] documented on a vox page, [2nd] second-hand, [assumed] nothing found says so.
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
