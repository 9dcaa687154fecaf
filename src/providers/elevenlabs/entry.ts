import { createProviderClient } from '../../provider.js';
import type { SingleProviderOptions } from '../../provider.js';
// `voiceplane/elevenlabs`: the ElevenLabs Agents Platform client alone, for a service that uses no other platform.
import type { ElevenLabsClient, ElevenLabsClientOptions } from './client.js';
import { elevenLabsProvider } from './index.js';

/**
 * Creates an ElevenLabs client: the same client as `createClient({ provider: 'elevenlabs', ...options })`
 * from `voiceplane`, without the other platforms' adapters in the bundle. The key falls back to
 * `ELEVENLABS_API_KEY`.
 */
export function createElevenlabsClient(options: SingleProviderOptions<ElevenLabsClientOptions> = {}): ElevenLabsClient {
  return createProviderClient(elevenLabsProvider, 'createElevenlabsClient', options) as unknown as ElevenLabsClient;
}

export { elevenLabsBaseUrls } from './regions.js';
export type { ElevenLabsClient, ElevenLabsClientOptions } from './client.js';
export type { ElevenLabsCampaignListParams, ElevenLabsPhoneNumberListParams } from './list-params.js';
export * from '../../shared-exports.js';
