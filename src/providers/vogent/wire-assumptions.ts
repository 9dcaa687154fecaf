/*
 * What the Vogent adapter assumes about Vogent's batch dial job writes where Vogent's reference is
 * silent. [doc]: Vogent's API reference (create-a-new-batch-dial-job, set-batch-dial-job-paused);
 * [assumed]: nothing found says so. Every other file reads these, so a correction is one edit here.
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
