import { CampaignStartError, checkCampaignInput, noteUncertainWrite, path, refuse } from '../../provider.js';
import type { CheckedCampaignInput, OperationsByName, ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import { mapVogentCampaign } from './map-campaign.js';
import { mapVogentPhoneNumber } from './map-phone-number.js';
import { vogentUpdateBody } from './update-body.js';
import { vogentBatchDialJobSchema, vogentPhoneNumberSchema } from './wire.js';
import { alwaysSendInputs, defaultMaxConcurrentDials, jobsPath, vogentCampaignRules } from './wire-assumptions.js';

/** The operations of Vogent that change something. */
export type VogentWrites = OperationsByName<
  'vogent',
  'phoneNumbers.update' | 'phoneNumbers.delete' | 'campaigns.create' | 'campaigns.pause' | 'campaigns.resume'
>;

/** The body of `POST /batch_dial_jobs` for a checked input; `schedule` is never sent (no neutral form). */
export function vogentCreateBody(input: CheckedCampaignInput): Record<string, unknown> {
  return {
    name: input.name,
    callAgentId: input.agentId,
    maxConcurrentDials: input.concurrency ?? defaultMaxConcurrentDials,
    rows: input.recipients.map((recipient) => ({
      toNumber: recipient.e164,
      ...(alwaysSendInputs || Object.keys(recipient.variables).length > 0 ? { inputs: recipient.variables } : {}),
    })),
    fromPhoneNumberIds: [input.fromNumberId],
  };
}

/**
 * Vogent's writes: a number's agent and its removal; a campaign create that starts the job it created
 * (Vogent creates jobs stopped), pause and resume through the one `/paused` endpoint. Vogent has no
 * way to stop a job for good, so there is no cancel. Every campaign request here is a POST: never retried.
 */
export function vogentWrites(kit: ProviderKit): VogentWrites {
  const job = (what: string) => ({ schema: vogentBatchDialJobSchema, what });
  const setPaused = (id: string, paused: boolean, request: RequestOptions) =>
    kit.request({ method: 'POST', path: path`/batch_dial_jobs/${id}/paused`, body: { paused } }, request, job('the batch dial job'));

  const lifecycle = (paused: boolean) => async (id: string, request: RequestOptions) => {
    try {
      await setPaused(id, paused, request);
    } catch (error) {
      throw noteUncertainWrite(error, paused ? 'pause' : 'resume', `campaigns.get('${id}') shows the job's status`);
    }
  };

  return {
    async 'phoneNumbers.update'(id, patch, request) {
      const body = vogentUpdateBody(patch);
      const { value, raw } = await kit.request({ method: 'PUT', path: path`/phone_numbers/${id}`, body }, request, {
        schema: vogentPhoneNumberSchema,
        what: 'the updated phone number',
      });
      return mapVogentPhoneNumber(value, raw as RawRecord, await kit.e164Formatter());
    },
    async 'phoneNumbers.delete'(id, request) {
      // Vogent answers with the deleted number; the neutral delete resolves with nothing.
      await kit.send({ method: 'DELETE', path: path`/phone_numbers/${id}` }, request);
    },
    async 'campaigns.create'(input, request) {
      const checked = await checkCampaignInput(kit, input, vogentCampaignRules);
      if (checked.scheduledAt !== null) {
        throw refuse(
          'vogent',
          'campaigns.create',
          'Vogent has no start time for a batch dial job (only weekly calling windows), so scheduledAt cannot be honoured; ' +
            'leave it out to start now, or create the campaign at the time it should start. Nothing was sent.',
        );
      }
      if (checked.fromNumberId === '.' || checked.fromNumberId === '..') {
        throw refuse('vogent', 'campaigns.create', `fromNumberId "${checked.fromNumberId}" is not a valid id: it would change the request path.`);
      }
      let created;
      try {
        created = await kit.request({ method: 'POST', path: jobsPath, body: vogentCreateBody(checked) }, request, job('the created batch dial job'));
      } catch (error) {
        throw noteUncertainWrite(error, 'create', `campaigns.list({ status: 'draft' }) shows whether a job named "${checked.name}" exists`);
      }
      const id = created.value.id;
      try {
        const started = await setPaused(id, false, request);
        return mapVogentCampaign(started.value, started.raw as RawRecord);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CampaignStartError(
          `vogent created batch dial job ${id} ("${checked.name}") but could not start it: ${reason} ` +
            `The job exists and places no call until started: start it with campaigns.resume('${id}') ` +
            `(campaigns.get('${id}') shows whether it started after all), and do not create it again.`,
          { provider: 'vogent', campaignId: id, cause: error },
        );
      }
    },
    'campaigns.pause': lifecycle(true),
    'campaigns.resume': lifecycle(false),
  };
}
