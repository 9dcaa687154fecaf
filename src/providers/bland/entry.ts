// `voiceplane/bland`: the Bland client alone, for a service that uses no other platform.
import { createProviderClient } from '../../provider.js';
import type { SingleProviderOptions } from '../../provider.js';
import type { BlandClient, BlandClientOptions } from './client.js';
import { blandProvider } from './index.js';

/**
 * Creates a Bland client: the same client as `createClient({ provider: 'bland', ...options })` from
 * `voiceplane`, without the other platforms' adapters in the bundle. The key falls back to `BLAND_API_KEY`.
 */
export function createBlandClient(options: SingleProviderOptions<BlandClientOptions> = {}): BlandClient {
  return createProviderClient(blandProvider, 'createBlandClient', options) as unknown as BlandClient;
}

export type { BlandClient, BlandClientOptions } from './client.js';
export type { BlandCampaignListParams, BlandPhoneNumberListParams } from './list-params.js';
export * from '../../shared-exports.js';
