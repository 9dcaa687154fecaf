import { checkCampaignInput, noteUncertainWrite, path, refuse } from '../../provider.js';
import type { OperationsByName, ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import { mapVoxCampaign } from './map-campaign.js';
import { mapVoxPhoneNumber } from './map-phone-number.js';
import { voxCampaignSchema, voxPhoneNumberSchema } from './wire.js';
import { agentMappingSuffix, campaignsPath, lifecycleActions, voxCampaignRules } from './wire-assumptions.js';
import { voxAgentMappingBody, voxCreateBody, voxRecipientNumbers } from './write-body.js';

/** The operations of vox that change something. */
export type VoxWrites = OperationsByName<'vox', 'phoneNumbers.update' | 'campaigns.create' | 'campaigns.pause' | 'campaigns.resume' | 'campaigns.cancel'>;

/**
 * vox's writes: a campaign create (after reading the from-number's digits); pause, resume, cancel,
 * each one POST that is never retried; and a number's agent mapping.
 */
export function voxWrites(kit: ProviderKit): VoxWrites {
  const lifecycle = (action: keyof typeof lifecycleActions) => async (id: string, request: RequestOptions) => {
    try {
      // vox answers with the campaign; the neutral lifecycle methods resolve with nothing.
      await kit.send({ method: 'POST', path: path`/v3/campaigns/${id}/${lifecycleActions[action]}` }, request);
    } catch (error) {
      throw noteUncertainWrite(error, action, `campaigns.get('${id}') shows the campaign's status`);
    }
  };
  return {
    async 'campaigns.create'(input, request) {
      const checked = await checkCampaignInput(kit, input, voxCampaignRules);
      if (checked.fromNumberId === '.' || checked.fromNumberId === '..') {
        throw refuse('vox', 'campaigns.create', `fromNumberId "${checked.fromNumberId}" is not a valid id: it would change the request path.`);
      }
      const toNumbers = voxRecipientNumbers(checked);
      // vox wants the caller number's domestic digits; the neutral input names the number by id.
      // An unknown id is this GET's NotFoundError, and no campaign is created.
      const from = await kit.request({ method: 'GET', path: path`/v3/organization-telephone-numbers/${checked.fromNumberId}` }, request, {
        schema: voxPhoneNumberSchema,
        what: 'the from-number of the campaign',
      });
      try {
        const { value, raw } = await kit.request({ method: 'POST', path: campaignsPath, body: voxCreateBody(checked, from.value.number, toNumbers) }, request, {
          schema: voxCampaignSchema,
          what: 'the created campaign',
        });
        return mapVoxCampaign(value, raw as RawRecord);
      } catch (error) {
        throw noteUncertainWrite(error, 'create', `campaigns.list() shows whether a campaign named "${checked.name}" exists`);
      }
    },
    'campaigns.pause': lifecycle('pause'),
    'campaigns.resume': lifecycle('resume'),
    'campaigns.cancel': lifecycle('cancel'),
    // The number's agent mapping, answered with the number.
    async 'phoneNumbers.update'(id, patch, request) {
      const body = voxAgentMappingBody(patch);
      const { value, raw } = await kit.request(
        { method: 'PATCH', path: path`/v3/organization-telephone-numbers/${id}/${agentMappingSuffix}`, body },
        request,
        { schema: voxPhoneNumberSchema, what: 'the updated phone number' },
      );
      return mapVoxPhoneNumber(value, raw as RawRecord, await kit.e164Formatter());
    },
  };
}
