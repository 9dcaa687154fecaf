import type { CommonClientOptions, ProviderClient } from '../../core/client/client-types.js';
import type { VogentCampaignListParams, VogentPhoneNumberListParams } from './list-params.js';

/** Options of `createClient({ provider: 'vogent', ... })`. The key falls back to `VOGENT_API_KEY`. */
export interface VogentClientOptions extends CommonClientOptions {
  /** The platform: `'vogent'`. */
  provider: 'vogent';
}

/**
 * A Vogent client: only the operations Vogent offers can be called. `update` changes a number's
 * agent only; campaigns are Vogent's batch dial jobs, which it cannot cancel.
 */
export type VogentClient =
  ProviderClient<
    'vogent',
    | 'phoneNumbers.list' | 'phoneNumbers.get' | 'phoneNumbers.update' | 'phoneNumbers.delete' | 'campaigns.get' | 'campaigns.list'
    | 'campaigns.create' | 'campaigns.pause' | 'campaigns.resume',
    VogentPhoneNumberListParams,
    VogentCampaignListParams
  >;
