import type { CommonClientOptions, ProviderClient } from '../../core/client/client-types.js';
import type { VoxPhoneNumberListParams } from './list-params.js';

/** Options of `createClient({ provider: 'vox', ... })`. The key falls back to `VOX_API_KEY`. */
export interface VoxClientOptions extends CommonClientOptions {
  /** The platform: `'vox'`. */
  provider: 'vox';
}

/** A vox.ai client: only the operations vox offers can be called. */
export type VoxClient = ProviderClient<'vox', 'phoneNumbers.list' | 'phoneNumbers.get' | 'campaigns.get', VoxPhoneNumberListParams>;
