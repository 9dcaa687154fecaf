import type { OperationName } from '../../core/provider-contract.js';
import type { CampaignsResource, CommonClientOptions, PhoneNumbersResource } from '../../core/client/client-types.js';
import type { VogentCampaignListParams, VogentPhoneNumberListParams } from './list-params.js';

/** Options of `createClient({ provider: 'vogent', ... })`. The key falls back to `VOGENT_API_KEY`. */
export interface VogentClientOptions extends CommonClientOptions {
  provider: 'vogent';
}

/**
 * A Vogent client: only the operations Vogent offers exist on it. `update` changes a number's
 * agent only; campaigns are Vogent's batch dial jobs.
 */
export interface VogentClient {
  readonly provider: 'vogent';
  supports(operation: OperationName): boolean;
  readonly phoneNumbers: Pick<
    PhoneNumbersResource<'vogent', VogentPhoneNumberListParams>,
    'list' | 'get' | 'update' | 'delete'
  >;
  readonly campaigns: Pick<CampaignsResource<'vogent', VogentCampaignListParams>, 'get' | 'list'>;
}
