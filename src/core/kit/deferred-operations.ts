import { VoiceplaneError } from '../errors.js';
import type { OperationName, ProviderKit, ProviderOperations } from '../provider-contract.js';

/** The function of one operation, as `ProviderOperations` declares it: `'campaigns.create'` gives the create. */
export type OperationFunction<P extends string, Name extends OperationName> = Name extends `${infer Resource}.${infer Operation}`
  ? Resource extends keyof ProviderOperations<P>
    ? Operation extends keyof ProviderOperations<P>[Resource]
      ? NonNullable<ProviderOperations<P>[Resource][Operation]>
      : never
    : never
  : never;

/** Some of a provider's operations, each under its name: `{ 'campaigns.create': ..., 'campaigns.pause': ... }`. */
export type OperationsByName<P extends string, Name extends OperationName> = { [Each in Name]: OperationFunction<P, Each> };

/**
 * Operations whose code loads at their first call instead of with the import: the writes, which most
 * clients (a listing, a lookup) never call. `load` imports the module that holds them with a dynamic
 * `import()`, which a bundler makes a chunk of its own, and builds them over the kit. Returns, for an
 * operation's name, a function that stands in for it: it waits for the module (loaded once per client),
 * then calls the operation with the same arguments. Every public operation returns a promise, so a
 * caller sees no difference beyond the first call's load. A load that fails is a `VoiceplaneError`, and
 * the next call tries again.
 */
export function deferredOperations<Operations extends object>(
  kit: ProviderKit,
  load: () => Promise<Operations>,
): <Name extends keyof Operations & string>(name: Name) => Operations[Name] {
  let loading: Promise<Operations> | undefined;
  const loaded = (name: string) =>
    (loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new VoiceplaneError(
        `${kit.provider}: ${name}: the code of this operation could not be loaded (${cause instanceof Error ? cause.message : String(cause)}); ` +
          'nothing was sent. Check that the voiceplane package is installed completely, then try again.',
        { provider: kit.provider, cause },
      );
    }));
  return (name) =>
    (async (...args: unknown[]) => ((await loaded(name))[name] as (...args: unknown[]) => Promise<unknown>)(...args)) as never;
}
