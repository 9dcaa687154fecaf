import { buildClient } from './core/client/assemble-client.js';
import type { CommonClientOptions, NeutralClient } from './core/client/client-types.js';
import type { ProviderDefinition } from './core/provider-contract.js';
import { describeValue } from './core/describe-value.js';
import { InvalidRequestError } from './core/errors.js';
import { providers } from './providers/registry.js';

type Registry = typeof providers;

/** The id of a platform: `createClient({ provider })`. */
export type ProviderId = keyof Registry;

type TypesOf<P extends ProviderId> = NonNullable<Registry[P]['types']>;

/** The options of `createClient` for one provider. */
export type ClientOptionsFor<P extends ProviderId> = TypesOf<P>['options'];

/** The options of `createClient`, for any provider. */
export type ClientOptions = { [P in ProviderId]: ClientOptionsFor<P> }[ProviderId];

/**
 * A client with every operation of the neutral API, whatever the provider: what a
 * provider-neutral service holds. An operation the provider lacks throws `UnsupportedOperationError`.
 */
export type Client = NeutralClient<ProviderId>;

/**
 * Any client, typed to its provider or neutral: what a function that takes "a client" should accept.
 * A typed client lacks, at compile time, the operations its provider does not offer, so it is not a
 * `Client`; every member of this union has `provider`, `supports()` and `phoneNumbers.list`.
 */
export type AnyClient = Client | { [P in ProviderId]: ClientFor<P> }[ProviderId];

/** The client `createClient` returns: typed to the provider when it is known at compile time. */
export type ClientFor<P extends ProviderId> = [ProviderId] extends [P] ? Client : TypesOf<P>['client'];

/**
 * Creates a client for one platform. Options are checked at once (an unknown provider or option,
 * a missing or plain-http `baseUrl`, a header a request cannot carry, an out-of-range `timeoutMs`
 * or `maxRetries`): each mistake is an `InvalidRequestError` before any request. The API key is
 * read and checked at the first request, from `apiKey` or the provider's environment variable.
 */
/**
 * Creates a client for a platform the SDK does not ship, from a definition made with `defineProvider`
 * (`voiceplane/provider`): the same checks, transport, pages and errors as a built-in provider.
 */
export function createClient<P extends string>(
  options: CommonClientOptions & Record<string, unknown> & { provider: ProviderDefinition<P> },
): NeutralClient<P>;
export function createClient<P extends ProviderId>(options: ClientOptionsFor<P> & { provider: P }): ClientFor<P>;
export function createClient(options: ClientOptions): Client;
export function createClient(options: ClientOptions | (CommonClientOptions & { provider: ProviderDefinition<string> })): NeutralClient<string> {
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
  return buildClient(definition, options as ClientOptions & Record<string, unknown>) as Client;
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
