import { NotFoundError, ResponseValidationError, VoiceplaneError, checkCampaignInput, noteUncertainWrite, path } from '../../provider.js';
import type { OperationsByName, ProviderKit } from '../../provider.js';
import { getBatch, getInboundNumber, outboundOnly } from './reads.js';
import { createdExpectation } from './wire.js';
import { maxBatchLabelLength, maxRecipients, providerId } from './wire-assumptions.js';
import { batchBody, routeBody } from './write-body.js';

/** The operations of Bland that change something. */
export type BlandWrites = OperationsByName<'bland', 'phoneNumbers.update' | 'campaigns.create' | 'campaigns.cancel'>;

/** Bland's writes: a number's pathway, a batch create (read back after), a batch stop. */
export function blandWrites(kit: ProviderKit): BlandWrites {
  return {
    async 'phoneNumbers.update'(id, patch, request) {
      const body = routeBody(patch);
      try {
        // The answer is `{ status, message, updates }`, not the number: the number is read back.
        await kit.send({ method: 'POST', path: path`/v1/inbound/${id}`, body }, request);
      } catch (error) {
        // A 404 changed nothing. A number on the outbound list only (which phoneNumbers.list shows) has
        // no inbound settings: say so, rather than that a number the list shows does not exist.
        if (error instanceof NotFoundError && (await outboundOnly(kit, id, request))) {
          throw new NotFoundError(
            `${providerId}: phoneNumbers.update: ${id} is one of the account's outbound numbers only, and Bland sets ` +
              `an agent (pathway) on inbound numbers alone (POST /v1/inbound/{number} answered 404). Nothing was changed; ` +
              `to have an agent answer it, make it an inbound number in Bland first.`,
            { provider: providerId, status: error.status, requestId: error.requestId, body: error.body, cause: error },
          );
        }
        throw error;
      }
      return getInboundNumber(kit, id, request, 'the updated inbound number');
    },
    async 'campaigns.create'(input, request) {
      const checked = await checkCampaignInput(kit, input, { maxRecipients, concurrency: null, maxNameLength: maxBatchLabelLength });
      // A POST: the transport never retries it, so a lost answer cannot create the batch twice.
      const { value } = await kit.request({ method: 'POST', path: '/v2/batches/create', body: batchBody(checked) }, request, createdExpectation);
      const batchId = value.data.batch_id;
      if (batchId === '') {
        const error = new ResponseValidationError(
          `${providerId} answered the batch create with an empty batch_id, so the batch cannot be read back.`,
          { provider: providerId, issues: [{ path: 'data.batch_id', message: 'expected a non-empty string' }] },
        );
        throw noteUncertainWrite(error, 'batch create', `campaigns.list() shows whether a batch labelled "${checked.name}" exists`);
      }
      try {
        return await getBatch(kit, batchId, request);
      } catch (error) {
        throw new VoiceplaneError(
          `${providerId}: campaigns.create: the batch ${batchId} was created, but reading it back failed ` +
            `(${error instanceof Error ? error.message : String(error)}). Do not create it again: get('${batchId}') later, ` +
            `or cancel('${batchId}') to stop it. error.campaignId holds its id.`,
          { provider: providerId, cause: error, campaignId: batchId },
        );
      }
    },
    async 'campaigns.cancel'(id, request) {
      // The answer is `{ data: null, errors: null }`: nothing to return.
      await kit.send({ method: 'POST', path: path`/v2/batches/${id}/stop` }, request);
    },
  };
}
