import type { CallEndReason, CallStatus } from '../../provider.js';

/*
 * What the Vogent adapter assumes where Vogent's reference is silent: batch dial job writes first,
 * then dials (Vogent's calls) and agents. [doc]: Vogent's API reference (create-a-new-batch-dial-job,
 * set-batch-dial-job-paused; create-a-new-dial, get-dial, list-batch-dials, dial-statuses, versioned
 * prompts); [assumed]: nothing found says so. Every other file reads these, so a correction is one
 * edit here.
 */

/**
 * [doc] Jobs are created with `POST /batch_dial_jobs` and stay `INIT` until started;
 * `POST /batch_dial_jobs/{id}/paused` with `{ paused }` starts, pauses and resumes them.
 */
export const jobsPath = '/batch_dial_jobs';

/** [assumed] `maxConcurrentDials` is required; without a neutral `concurrency`, one call at a time is the safe default. */
export const defaultMaxConcurrentDials = 1;

/**
 * [assumed] Every row carries `inputs`, `{}` for a recipient without variables (the reference does
 * not say which row field is optional). Recipients go in E.164, as Vogent lists its own numbers.
 */
export const alwaysSendInputs = true;

/**
 * Limits of a create. Vogent documents no cap on `rows` and no upper bound on `maxConcurrentDials`
 * [assumed none]: only its lower bound 1 is checked here; Vogent's own 400/422 judges the rest.
 */
export const vogentCampaignRules = { maxRecipients: null, concurrency: { min: 1, max: Number.MAX_SAFE_INTEGER } } as const;

// Calls and agents. [doc] documented, [2nd] second-hand, [assumed] nothing found says so, (J) a
// judgement call: Vogent does not say which unified value its value means, so we chose (the mapping
// tables of docs/calls.md mark each one).

/** [doc] `POST /dials` answers `{ dialToken, sessionId, dialId }` only: the dial is read back with `GET /dials/{id}` [assumed]. */
export const dialsPath = '/dials';

/**
 * [doc] Dial statuses. `busy`, `no-answer`, `failed` are used "only for phone calls and indicate
 * errors that caused the call not to be picked up": all three are `not_connected` ((J) for `failed`).
 */
export const vogentDialStatuses: Readonly<Record<string, Exclude<CallStatus, 'unknown'>>> = {
  queued: 'queued',
  ringing: 'ringing',
  'in-progress': 'in_progress',
  completed: 'completed',
  busy: 'not_connected',
  'no-answer': 'not_connected',
  failed: 'not_connected',
  canceled: 'canceled',
};

/** The end reason a final status implies. (J) `failed` -> dial_failed; `completed` reports no hang-up side -> unknown. */
export const endReasonByStatus: Readonly<Record<string, CallEndReason>> = {
  completed: 'unknown',
  busy: 'busy',
  'no-answer': 'no_answer',
  failed: 'dial_failed',
  canceled: 'canceled',
};

/**
 * `systemResultType`: only `BUSY` is documented. (J) A value naming a voicemail or an answering
 * machine is `voicemail` (values unknown); it refines a `completed` dial's end reason.
 */
export function endReasonOfResult(result: string | null | undefined): CallEndReason | null {
  if (typeof result !== 'string') return null;
  if (result.toUpperCase() === 'BUSY') return 'busy';
  return /voicemail|machine/i.test(result) ? 'voicemail' : null;
}

/** [doc] Transcript speakers; a `detailType: "function"` item is a tool turn whatever its speaker. */
export const vogentSpeakers: Readonly<Record<string, 'agent' | 'customer'>> = { AI: 'agent', HUMAN: 'customer' };
export const functionDetailType = 'function';

/** [doc] "Be sure to include an API key in the header to access the recording". */
export const recordingRequiresAuth = true;

/** [doc] No cost field: `cost` is null, never 0. */
export const dialCost = null;

/**
 * (J) A dial names no direction: `null`. The customer is `toNumber` (E.164 [doc]); the platform
 * number is `fromNumberId`, a `PhoneNumber.id`.
 */
export const dialDirection = null;

/**
 * [doc] No account-wide dial list: only `GET /batch_dial_jobs/{id}/dials` (completed dials of one job).
 * Max page size [doc] unknown: the caller's `limit` is sent as given. (J) The neutral `status`,
 * `agentId` and time window are pure predicates on each mapped dial (list items are full dials), so
 * they are applied to each page; Vogent gives no total anyway.
 */
export const jobDialsPath = (jobId: string) => ['/batch_dial_jobs', jobId, 'dials'] as const;

/** [doc] The prompt lives in a versioned prompt: the agent's `defaultVersionedPromptId`. */
export const promptKind = 'versioned_prompt' as const;

/**
 * [2nd] `GET /agents` and [unknown] a get-one endpoint: neither is offered until a source confirms
 * it, so `agents.list` and `agents.get` are absent on Vogent.
 */
export const agentsOffered = false;

/** [doc] The create body names no metadata field: a `metadata` is refused rather than dropped. */
export const takesMetadata = false;
