import { checkCampaignInput, noteUncertainWrite, path } from '../../provider.js';
import type { OperationsByName, ProviderKit, RawRecord } from '../../provider.js';
import { mapElevenLabsBatchCall } from './map-campaign.js';
import { mapElevenLabsPhoneNumber } from './map-phone-number.js';
import { batchCallSchema, phoneNumberSchema } from './wire.js';
import { elevenLabsBatchCallBody, elevenLabsUpdateBody } from './write-body.js';

/** Documented: a batch's concurrency is at least 1; the plan's limit is the platform's to enforce. */
const concurrencyRange = { min: 1, max: Number.MAX_SAFE_INTEGER };

/** The operations of ElevenLabs that change something, `campaigns.retry` (ElevenLabs' own) included. */
export type ElevenLabsWrites = OperationsByName<
  'elevenlabs',
  'phoneNumbers.update' | 'phoneNumbers.delete' | 'campaigns.create' | 'campaigns.cancel' | 'campaigns.retry'
>;

/** ElevenLabs' writes: a number's agent and label, a number's removal, a batch call's submit, cancel and retry. */
export function elevenLabsWrites(kit: ProviderKit): ElevenLabsWrites {
  return {
    async 'phoneNumbers.update'(id, patch, request) {
      const body = elevenLabsUpdateBody(patch);
      try {
        // PATCH is never retried by the transport.
        const { value, raw } = await kit.request({ method: 'PATCH', path: path`/v1/convai/phone-numbers/${id}`, body }, request, {
          schema: phoneNumberSchema,
          what: 'the updated phone number',
        });
        return mapElevenLabsPhoneNumber(value, raw as RawRecord);
      } catch (error) {
        throw noteUncertainWrite(error, 'update', `phoneNumbers.get('${id}') shows the number's agent and label`);
      }
    },
    async 'phoneNumbers.delete'(id, request) {
      // ElevenLabs answers 200 with `{}`; the neutral delete resolves with nothing.
      await kit.send({ method: 'DELETE', path: path`/v1/convai/phone-numbers/${id}` }, request);
    },
    async 'campaigns.create'(input, request) {
      const checked = await checkCampaignInput(kit, input, { maxRecipients: null, concurrency: concurrencyRange });
      const body = elevenLabsBatchCallBody(checked);
      try {
        const { value, raw } = await kit.request({ method: 'POST', path: '/v1/convai/batch-calling/submit', body }, request, {
          schema: batchCallSchema,
          what: 'the submitted batch call',
        });
        return mapElevenLabsBatchCall(value, raw as RawRecord, Date.now());
      } catch (error) {
        throw noteUncertainWrite(error, 'batch submit', `campaigns.list() shows whether a batch named "${checked.name}" exists`);
      }
    },
    async 'campaigns.cancel'(id, request) {
      try {
        // "Cancel a running batch call and set all recipients to cancelled status"; answers the batch, not needed here.
        await kit.send({ method: 'POST', path: path`/v1/convai/batch-calling/${id}/cancel` }, request);
      } catch (error) {
        throw noteUncertainWrite(error, 'cancel', `campaigns.get('${id}') shows whether the batch is canceled`);
      }
    },
    async 'campaigns.retry'(id, request) {
      try {
        // "calling failed and no-response recipients again": a POST, never retried (a second one could call them twice).
        // ElevenLabs answers the batch; the neutral retry resolves with nothing (campaigns.get reads the batch).
        await kit.send({ method: 'POST', path: path`/v1/convai/batch-calling/${id}/retry` }, request);
      } catch (error) {
        throw noteUncertainWrite(error, 'retry', `campaigns.get('${id}') shows the batch's status and its retry_count in raw`);
      }
    },
  };
}
