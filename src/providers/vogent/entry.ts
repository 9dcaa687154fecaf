// `voiceplane/vogent`: the Vogent client alone, for a service that uses no other platform.
import { createProviderClient } from '../../provider.js';
import type { SingleProviderOptions } from '../../provider.js';
import type { VogentClient, VogentClientOptions } from './client.js';
import { vogentProvider } from './index.js';

/**
 * Creates a Vogent client: the same client as `createClient({ provider: 'vogent', ...options })` from
 * `voiceplane`, without the other platforms' adapters in the bundle. The key falls back to `VOGENT_API_KEY`.
 */
export function createVogentClient(options: SingleProviderOptions<VogentClientOptions> = {}): VogentClient {
  return createProviderClient(vogentProvider, 'createVogentClient', options) as unknown as VogentClient;
}

export type { VogentClient, VogentClientOptions } from './client.js';
export type { VogentCampaignListParams, VogentPhoneNumberListParams } from './list-params.js';
export * from '../../shared-exports.js';
