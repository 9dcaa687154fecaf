import type { ProviderDefinition } from '../contract/provider-contract.js';
import { buildClient, type AssembledClient } from './assemble-client.js';
import type { CommonClientOptions } from './client-types.js';
import { describeValue } from '../kit/describe-value.js';
import { InvalidRequestError } from '../errors.js';

/**
 * The options of a one-provider factory such as `createVoxClient`: those of
 * `createClient({ provider, ... })`, where `provider` may be left out.
 */
export type SingleProviderOptions<
  Options extends {
    /** The provider the options are for. */
    provider: string;
  },
> = Omit<Options, 'provider'> & {
  /** May be left out; when given, it must name this factory's provider. */
  provider?: Options['provider'];
};

/**
 * Builds a client for one provider from that provider's own entry point (`voiceplane/vox`, ...),
 * so that a service using one platform bundles that adapter alone and not the registry of all.
 * Checks the same options as `createClient`; a `provider` naming another platform is refused.
 */
export function createProviderClient<P extends string>(
  definition: ProviderDefinition<P>,
  factoryName: string,
  options: unknown,
): AssembledClient<P> {
  const provider = definition.id;
  const given = options ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new InvalidRequestError(`${factoryName} needs an options object such as { apiKey }.`, { provider });
  }
  const named = (given as { provider?: unknown }).provider;
  if (named !== undefined && named !== provider) {
    throw new InvalidRequestError(
      `${factoryName} makes ${provider} clients only (got provider ${describeValue(named)}). ` +
        `Import the factory of that platform's own entry point, or createClient from 'voiceplane'.`,
      { provider },
    );
  }
  return buildClient(definition, { ...(given as CommonClientOptions & Record<string, unknown>), provider });
}
