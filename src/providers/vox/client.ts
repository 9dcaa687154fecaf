import type { CommonClientOptions, ProviderClient } from '../../core/client/client-types.js';
import type { VoxPhoneNumberListParams } from './list-params.js';
import type { VoxCampaignListParams } from './campaign-list-params.js';

/** Options of `createClient({ provider: 'vox', ... })`. The key falls back to `VOX_API_KEY`. */
export interface VoxClientOptions extends CommonClientOptions {
  /** The platform: `'vox'`. */
  provider: 'vox';
}

/** The campaign writes and number routing vox offers (no number create or delete). */
type VoxWrites = 'phoneNumbers.update' | 'campaigns.list' | 'campaigns.create' | 'campaigns.pause' | 'campaigns.resume' | 'campaigns.cancel';

/** A vox.ai client: only the operations vox offers can be called. */
export type VoxClient = ProviderClient<'vox', 'phoneNumbers.list' | 'phoneNumbers.get' | 'campaigns.get' | VoxWrites, VoxPhoneNumberListParams, VoxCampaignListParams>;
