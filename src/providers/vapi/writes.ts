import { checkCampaignInput, path, refuse } from '../../provider.js';
import type { OperationsByName, ProviderKit, RawRecord } from '../../provider.js';
import { mapVapiCampaign } from './map-campaign.js';
import { mapVapiPhoneNumber } from './map-phone-number.js';
import { campaignSchema, phoneNumberSchema } from './wire.js';
import { concurrencyRange, maxRecipients, providerId } from './wire-assumptions.js';
import { createBody, missingCreateFields, updateBody } from './write-body.js';

/** The operations of Vapi that change something. */
export type VapiWrites = OperationsByName<'vapi', 'phoneNumbers.update' | 'phoneNumbers.delete' | 'campaigns.create' | 'campaigns.cancel'>;

/** Vapi's writes: a number's change and removal, a campaign create and cancel. */
export function vapiWrites(kit: ProviderKit): VapiWrites {
  return {
    // PATCH is never retried by the transport.
    async 'phoneNumbers.update'(id, patch, request) {
      const body = updateBody(patch);
      const { value, raw } = await kit.request({ method: 'PATCH', path: path`/phone-number/${id}`, body }, request, {
        schema: phoneNumberSchema,
        what: 'the updated phone number',
      });
      return mapVapiPhoneNumber(value, raw as RawRecord);
    },
    async 'phoneNumbers.delete'(id, request) {
      // Vapi answers with the deleted number; the neutral delete resolves with nothing.
      await kit.send({ method: 'DELETE', path: path`/phone-number/${id}` }, request);
    },
    // POST is never retried: a second attempt could start the same campaign twice.
    async 'campaigns.create'(input, request) {
      const missing = missingCreateFields(input);
      if (missing.length > 0) {
        throw refuse(providerId, 'campaigns.create', `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required. Nothing was sent.`);
      }
      const checked = await checkCampaignInput(kit, input, { maxRecipients, concurrency: concurrencyRange });
      const { value, raw } = await kit.request({ method: 'POST', path: '/v2/campaign', body: createBody(checked) }, request, {
        schema: campaignSchema,
        what: 'the created campaign',
      });
      return mapVapiCampaign(value, raw as RawRecord);
    },
    async 'campaigns.cancel'(id, request) {
      // Vapi deletes the calls not yet placed and lets calls in progress finish.
      await kit.send({ method: 'PATCH', path: path`/v2/campaign/${id}`, body: { status: 'cancelled' } }, request);
    },
  };
}
