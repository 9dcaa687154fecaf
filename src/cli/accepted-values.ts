import type { ProviderId } from '../index.js';
import { providers } from '../providers/registry.js';

/** Every provider the SDK speaks, from the registry, so a new adapter is on the command line at once. */
export const providerIds = Object.keys(providers) as ProviderId[];

export function isProviderId(value: string): value is ProviderId {
  return Object.hasOwn(providers, value);
}

/** The prefix of a provider's environment variables, e.g. `VOX` for `VOX_API_KEY`. */
export function environmentPrefixOf(provider: ProviderId): string {
  return providers[provider].environmentPrefix;
}

/** Whether the platform publishes an address of its own (else --base-url is required). */
export function hasDefaultBaseUrl(provider: ProviderId): boolean {
  return providers[provider].defaultBaseUrl !== null;
}

/** The unified statuses a filter or an update may name: the client's own lists, so both accept the same words. */
export { campaignStatuses, phoneNumberStatuses } from '../core/contract/statuses.js';
