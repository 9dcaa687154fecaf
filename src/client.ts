import { buildClient, type AssembledClient } from './core/client/assemble-client.js';
import type { ClientOf, CommonClientOptions, ClientWith } from './core/client/client-types.js';
import type { OperationName } from './core/contract/resource-table.js';
import type { ProviderDefinition } from './core/contract/provider-contract.js';
import { describeValue } from './core/kit/describe-value.js';
import { InvalidRequestError } from './core/errors.js';
import { providers } from './providers/registry.js';

type Registry = typeof providers;

/** The id of a platform: `createClient({ provider })`. */
export type ProviderId = keyof Registry;

type Definition<P extends ProviderId> = Registry[P];

/** The options of `createClient` for one provider. */
export type ClientOptionsFor<P extends ProviderId> = NonNullable<Definition<P>['types']>['options'];

/** The options of `createClient`, for any provider. */
export type ClientOptions = { [P in ProviderId]: ClientOptionsFor<P> }[ProviderId];

/**
 * A client of the neutral API, whatever the provider: what a provider-neutral service holds, and
 * what every client (typed to its provider or not) is assignable to. The operations in `Offered`
 * are required members, the others optional: `client.supports(operation)` makes one required, and
 * calling one the provider lacks throws `UnsupportedOperationError` before any request.
 * `Client<'phoneNumbers.list' | 'phoneNumbers.get'>` is any client that lists and gets numbers.
 */
export type Client<Offered extends OperationName = never> = ClientWith<Offered, ProviderId>;

/** The client `createClient` returns: typed to the provider when it is known at compile time. */
export type ClientFor<P extends ProviderId> = [ProviderId] extends [P] ? Client : ClientOf<Definition<P>>;

/**
 * Creates a client for one platform: `createClient({ provider: 'vox', apiKey })`, typed to what that
 * platform offers. Options are checked at once (an unknown provider or option, a missing or
 * plain-http `baseUrl`, a header a request cannot carry, an out-of-range `timeoutMs` or
 * `maxRetries`): each mistake is an `InvalidRequestError` before any request. The API key is read
 * and checked at the first request, from `apiKey` or the provider's environment variable. For a
 * platform the SDK does not ship, pass a definition made with `defineProvider`
 * (`voiceplane/provider`) as `provider`: the same checks, transport, pages and errors.
 */
export function createClient<const Definition extends ProviderDefinition<string, any>>(
  options: CommonClientOptions & Record<string, unknown> & { provider: Definition },
): ClientOf<Definition>;
export function createClient<P extends ProviderId>(options: ClientOptionsFor<P> & { provider: P }): ClientFor<P>;
export function createClient(options: ClientOptions): Client;
export function createClient(options: ClientOptions | (CommonClientOptions & { provider: ProviderDefinition<string> })): unknown {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidRequestError(
      `createClient needs an options object such as { provider: 'vox', apiKey }. Providers: ${Object.keys(providers).join(', ')}.`,
    );
  }
  const id = (options as { provider?: unknown }).provider;
  if (isDefinition(id)) {
    const { provider: _definition, ...rest } = options as unknown as Record<string, unknown>;
    return buildClient(id, { ...rest, provider: id.id } as CommonClientOptions & Record<string, unknown>);
  }
  if (typeof id !== 'string' || !Object.hasOwn(providers, id)) {
    throw new InvalidRequestError(
      `createClient: unknown provider ${describeValue(id)}; use one of ${Object.keys(providers).join(', ')}.`,
    );
  }
  const definition = providers[id as ProviderId];
  return buildClient(definition, options as ClientOptions & Record<string, unknown>);
}

/** Whether `provider` is a provider definition rather than a built-in provider's id. */
function isDefinition(value: unknown): value is ProviderDefinition<string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProviderDefinition<string>).id === 'string' &&
    typeof (value as ProviderDefinition<string>).operations === 'function'
  );
}
