// `voiceplane/vox`: the vox.ai client alone, for a service that uses no other platform.
import { createProviderClient } from '../../provider.js';
import type { SingleProviderOptions } from '../../provider.js';
import type { VoxClient, VoxClientOptions } from './client.js';
import { voxProvider } from './index.js';

/**
 * Creates a vox.ai client: the same client as `createClient({ provider: 'vox', ...options })` from
 * `voiceplane`, without the other platforms' adapters in the bundle. The key falls back to `VOX_API_KEY`.
 */
export function createVoxClient(options: SingleProviderOptions<VoxClientOptions> = {}): VoxClient {
  return createProviderClient(voxProvider, 'createVoxClient', options) as unknown as VoxClient;
}

export type { VoxClient, VoxClientOptions } from './client.js';
export type { VoxPhoneNumberListParams } from './list-params.js';
export type { VoxCampaignListParams } from './campaign-list-params.js';
export * from '../../shared-exports.js';
