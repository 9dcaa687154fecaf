// `voiceplane/vapi`: the Vapi client alone, for a service that uses no other platform.
import { createProviderClient } from '../../provider.js';
import type { SingleProviderOptions } from '../../provider.js';
import type { VapiClient, VapiClientOptions } from './client.js';
import { vapiProvider } from './index.js';

/**
 * Creates a Vapi client: the same client as `createClient({ provider: 'vapi', ...options })` from
 * `voiceplane`, without the other platforms' adapters in the bundle. The key falls back to `VAPI_API_KEY`.
 */
export function createVapiClient(options: SingleProviderOptions<VapiClientOptions> = {}): VapiClient {
  return createProviderClient(vapiProvider, 'createVapiClient', options) as unknown as VapiClient;
}

export type { VapiClient, VapiClientOptions } from './client.js';
export type { VapiCampaignListParams, VapiPhoneNumberListParams } from './list-params.js';
export * from '../../shared-exports.js';
