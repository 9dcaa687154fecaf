// `voiceplane/generic`: the client for an X-API-Key platform alone, for a service that uses no other platform.
import { createProviderClient } from '../../provider.js';
import type { SingleProviderOptions } from '../../provider.js';
import type { GenericClient, GenericClientOptions } from './client.js';
import { genericProvider } from './index.js';

/**
 * Creates a client for a generic X-API-Key platform: the same client as
 * `createClient({ provider: 'generic', ...options })` from `voiceplane`, without the other platforms'
 * adapters in the bundle. `baseUrl` is required; the key falls back to `GENERIC_API_KEY`.
 */
export function createGenericClient(options: SingleProviderOptions<GenericClientOptions>): GenericClient {
  return createProviderClient(genericProvider, 'createGenericClient', options) as unknown as GenericClient;
}

export type { GenericClient, GenericClientOptions } from './client.js';
export type { GenericPhoneNumberListParams } from './list-params.js';
export * from '../../shared-exports.js';
