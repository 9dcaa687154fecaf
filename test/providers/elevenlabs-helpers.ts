import { resolveOptions } from '../../src/core/client/resolve-options.js';
import { createProviderKit } from '../../src/core/client/provider-kit.js';
import { Transport } from '../../src/core/transport/transport.js';
import type { ProviderKit } from '../../src/provider.js';
import { elevenLabsProvider } from '../../src/providers/elevenlabs/index.js';

/**
 * The kit an ElevenLabs client's operations are built over, as `createClient` builds it: for the
 * operations not yet wired into the client (calls, agents, campaigns.retry).
 */
export function elevenLabsKit(baseUrl: string, apiKey: string, options: Record<string, unknown> = {}): ProviderKit {
  const resolved = resolveOptions(elevenLabsProvider, { provider: 'elevenlabs', apiKey, baseUrl, ...options });
  const definition = elevenLabsProvider;
  const transport = new Transport({
    ...resolved,
    authHeaders: (key) => definition.authHeaders(key, resolved.providerOptions),
    errorDetail: (body) => definition.errorDetail(body),
    reportedFailure: definition.reportedFailure,
    concurrencyLimit: (body) => definition.concurrencyLimit!(body),
  });
  return createProviderKit(transport, resolved);
}
