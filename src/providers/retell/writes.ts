import { checkCampaignInput, noteUncertainWrite, path } from '../../provider.js';
import type { OperationsByName, ProviderKit, RawRecord } from '../../provider.js';
import { mapRetellBatchCall } from './map-campaign.js';
import { mapRetellPhoneNumber } from './map-phone-number.js';
import { retellBatchCallSchema, retellPhoneNumberSchema } from './wire.js';
import { retellBatchCallBody, retellUpdateBody } from './write-body.js';

/** The operations of Retell that change something. */
export type RetellWrites = OperationsByName<'retell', 'phoneNumbers.update' | 'phoneNumbers.delete' | 'campaigns.create'>;

/** Retell's writes: a number's agents and nickname, a number's removal, a batch call. */
export function retellWrites(kit: ProviderKit): RetellWrites {
  return {
    async 'phoneNumbers.update'(id, patch, request) {
      const body = retellUpdateBody(patch);
      try {
        // PATCH is never retried by the transport.
        const { value, raw } = await kit.request({ method: 'PATCH', path: path`/update-phone-number/${id}`, body }, request, {
          schema: retellPhoneNumberSchema,
          what: 'the updated phone number',
        });
        return mapRetellPhoneNumber(value, raw as RawRecord);
      } catch (error) {
        throw noteUncertainWrite(error, 'update', `phoneNumbers.get('${id}') shows the number's agent and nickname`);
      }
    },
    async 'phoneNumbers.delete'(id, request) {
      await kit.send({ method: 'DELETE', path: path`/delete-phone-number/${id}` }, request);
    },
    async 'campaigns.create'(input, request) {
      // Retell takes no concurrency for a batch: `reserved_concurrency` keeps capacity back for other calls.
      const checked = await checkCampaignInput(kit, input, { maxRecipients: null, concurrency: null });
      const body = retellBatchCallBody(checked);
      try {
        const { value, raw } = await kit.request({ method: 'POST', path: '/create-batch-call', body }, request, {
          schema: retellBatchCallSchema,
          what: 'the created batch call',
        });
        return mapRetellBatchCall(value, raw as RawRecord, Date.now());
      } catch (error) {
        // Retell has no endpoint to read batch calls back: its dashboard is the only place to look.
        throw noteUncertainWrite(error, 'create', `the Batch Call page of Retell's dashboard shows whether "${checked.name}" exists`);
      }
    },
  };
}
