// `voiceplane/retell`: the Retell AI client alone, for a service that uses no other platform.
import { createProviderClient } from '../../provider.js';
import type { SingleProviderOptions } from '../../provider.js';
import type { RetellClient, RetellClientOptions } from './client.js';
import { retellProvider } from './index.js';

/**
 * Creates a Retell AI client: the same client as `createClient({ provider: 'retell', ...options })`
 * from `voiceplane`, without the other platforms' adapters in the bundle. The key falls back to
 * `RETELL_API_KEY`.
 */
export function createRetellClient(options: SingleProviderOptions<RetellClientOptions> = {}): RetellClient {
  return createProviderClient(retellProvider, 'createRetellClient', options) as unknown as RetellClient;
}

export type { RetellClient, RetellClientOptions } from './client.js';
export type { RetellPhoneNumberListParams } from './list-params.js';
export * from '../../shared-exports.js';
