import { checkCampaignInput } from '../../core/kit/campaign-input.js';
import { refuse } from '../../core/kit/refuse.js';
import { cursorPages } from '../../core/kit/pagination.js';
import { noteUncertainWrite } from '../../core/kit/write-outcome.js';
import type { ProviderKit, ProviderOperations } from '../../core/provider-contract.js';
import type { RequestOptions } from '../../core/types.js';
import { voxCampaignListings, voxCampaignQuery, type VoxCampaignListing, type VoxCampaignListParams } from './campaign-list-params.js';
import { chainListings } from '../../core/kit/chain-listings.js';
import { mapVoxCampaign } from './map-campaign.js';
import { mapVoxPhoneNumber } from './map-phone-number.js';
import * as z from 'zod/mini';
import { lazy } from '../../core/kit/validate.js';
import { path } from '../../core/kit/path.js';
import { voxCampaignSchema, voxPhoneNumberSchema } from './wire.js';
import { agentMappingSuffix, campaignsPath, lifecycleActions, voxCampaignRules } from './write-assumptions.js';
import { voxAgentMappingBody, voxCreateBody } from './write-body.js';

type RawRecord = Record<string, unknown>;

/** A page of the campaign list, as every v3 list answers (assumed for this list: see write-assumptions). */
const voxCampaignPageSchema = lazy(() =>
  z.object({
    items: z.array(voxCampaignSchema()),
    total_count: z.nullish(z.number()),
    next_cursor: z.nullish(z.string()),
  }),
);
type Campaigns = ProviderOperations<'vox'>['campaigns'];

/**
 * vox's campaign list and lifecycle: cursor pages, a create (after reading the from-number's digits),
 * and pause, resume, cancel, each one POST that is never retried.
 */
export function voxCampaignOperations(kit: ProviderKit): Required<Pick<Campaigns, 'list' | 'create' | 'pause' | 'resume' | 'cancel'>> {
  const lifecycle = (action: keyof typeof lifecycleActions) => async (id: string, request: RequestOptions) => {
    try {
      // vox answers with the campaign; the neutral lifecycle methods resolve with nothing.
      await kit.send({ method: 'POST', path: path`/v3/campaigns/${id}/${lifecycleActions[action]}` }, request);
    } catch (error) {
      throw noteUncertainWrite(error, action, `campaigns.get('${id}') shows the campaign's status`);
    }
  };
  return {
    // One status per request, as the numbers list: several statuses are one listing per status, chained.
    list: chainListings({
      operation: 'campaigns.list',
      provider: 'vox',
      parts: (params: VoxCampaignListParams) => voxCampaignListings(params),
      countOnly: (listing) => ({ ...listing, limit: 1 }),
      list: cursorPages(kit, {
        operation: 'campaigns.list',
        request: (listing: VoxCampaignListing, cursor) => ({ method: 'GET', path: campaignsPath, query: voxCampaignQuery(listing, cursor) }),
        expect: { schema: voxCampaignPageSchema, what: 'a page of campaigns' },
        items: (body) => body.items,
        map: (wire, raw) => mapVoxCampaign(wire, raw),
        next: (body) => ({ cursor: body.next_cursor ?? null, totalCount: body.total_count ?? null }),
      }),
    }),
    async create(input, request) {
      const checked = await checkCampaignInput(kit, input, voxCampaignRules);
      if (checked.fromNumberId === '.' || checked.fromNumberId === '..') {
        throw refuse('vox', 'campaigns.create', `fromNumberId "${checked.fromNumberId}" is not a valid id: it would change the request path.`);
      }
      // vox wants the caller number's domestic digits; the neutral input names the number by id.
      // An unknown id is this GET's NotFoundError, and no campaign is created.
      const from = await kit.request({ method: 'GET', path: path`/v3/organization-telephone-numbers/${checked.fromNumberId}` }, request, {
        schema: voxPhoneNumberSchema,
        what: 'the from-number of the campaign',
      });
      try {
        const { value, raw } = await kit.request({ method: 'POST', path: campaignsPath, body: voxCreateBody(checked, from.value.number) }, request, {
          schema: voxCampaignSchema,
          what: 'the created campaign',
        });
        return mapVoxCampaign(value, raw as RawRecord);
      } catch (error) {
        throw noteUncertainWrite(error, 'create', `campaigns.list() shows whether a campaign named "${checked.name}" exists`);
      }
    },
    pause: lifecycle('pause'),
    resume: lifecycle('resume'),
    cancel: lifecycle('cancel'),
  };
}

/** `phoneNumbers.update` on vox: the number's agent mapping, answered with the number. */
export function voxUpdateNumber(kit: ProviderKit): NonNullable<ProviderOperations<'vox'>['phoneNumbers']['update']> {
  return async (id, patch, request) => {
    const body = voxAgentMappingBody(patch);
    const { value, raw } = await kit.request(
      { method: 'PATCH', path: path`/v3/organization-telephone-numbers/${id}/${agentMappingSuffix}`, body },
      request,
      { schema: voxPhoneNumberSchema, what: 'the updated phone number' },
    );
    return mapVoxPhoneNumber(value, raw as RawRecord, await kit.e164Formatter());
  };
}
