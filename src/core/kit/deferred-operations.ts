import { installAdvice, loadFailureText } from '../chunk-load-failure.js';
import { APIConnectionTimeoutError, VoiceplaneError } from '../errors.js';
import type { OperationName, ProviderFunction, ProviderKit } from '../contract/provider-contract.js';
import { onAbort } from '../transport/abort-listeners.js';
import { abortError, checkTimeout } from '../transport/transport-errors.js';
import type { RequestOptions } from '../types.js';

/** The function of one operation, as `ProviderOperations` declares it: `'campaigns.create'` gives the create. */
export type OperationFunction<P extends string, Name extends OperationName> = ProviderFunction<P, Name>;

/** Some of a provider's operations, each under its name: `{ 'campaigns.create': ..., 'campaigns.pause': ... }`. */
export type OperationsByName<P extends string, Name extends OperationName> = { [Each in Name]: OperationFunction<P, Each> };

/**
 * Operations whose code loads at their first call instead of with the import: the writes, which most
 * clients (a listing, a lookup) never call. `load` imports the module that holds them with a dynamic
 * `import()`, which a bundler makes a chunk of its own, and builds them over the kit. Returns, for an
 * operation's name, a function that stands in for it: it waits for the module (loaded once per client),
 * then calls the operation with the same arguments, the request options last as every operation takes
 * them. Every public operation returns a promise, so a caller sees no difference beyond the first
 * call's load, and that load is bounded as a request is: the call's signal aborts it (an
 * `APIUserAbortError`) and its `timeoutMs` (else the client's) limits it (an
 * `APIConnectionTimeoutError`), with nothing sent either way. A load that fails is a
 * `VoiceplaneError` naming the operation called, and the next call tries again.
 */
export function deferredOperations<Operations extends object>(
  kit: ProviderKit,
  load: () => Promise<Operations>,
): <Name extends keyof Operations & string>(name: Name) => Operations[Name] {
  const { provider } = kit;
  // Shared by the calls made while it loads; each call words a failure under its own operation's name.
  let loading: Promise<Operations> | undefined;
  return (name) =>
    (async (...args: unknown[]) => {
      let operations: Operations;
      try {
        loading ??= load().catch((cause: unknown) => {
          loading = undefined;
          throw cause;
        });
        operations = await withinRequest(loading, provider, name, args[args.length - 1] as RequestOptions | undefined, kit.timeoutMs);
      } catch (cause) {
        if (cause instanceof VoiceplaneError) throw cause;
        throw new VoiceplaneError(
          `${provider}: ${name}: the code of this operation could not be loaded (${loadFailureText(cause)}); ` +
            `nothing was sent. ${installAdvice}, then try again.`,
          { provider, cause },
        );
      }
      return (operations[name] as (...args: unknown[]) => Promise<unknown>)(...args);
    }) as never;
}

/**
 * `loading`, unless the call's signal aborts or its timeout passes first. The load itself goes on, for
 * the calls that follow; this call only stops waiting for it, and removes its timer and listener.
 */
function withinRequest<T>(
  loading: Promise<T>,
  provider: string,
  name: string,
  request: RequestOptions | undefined,
  clientTimeoutMs: number | undefined,
): Promise<T> {
  const signal = request?.signal;
  const timeoutMs = request?.timeoutMs ?? clientTimeoutMs;
  // The transport's own check, made before the timer is set: a bad value is refused as it would be at sending.
  if (timeoutMs !== undefined) checkTimeout(timeoutMs, provider);
  if (signal?.aborted) throw abortError(provider, signal);
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      stopListening();
    };
    const fail = (error: VoiceplaneError) => {
      stop();
      reject(error);
    };
    const stopListening = onAbort(signal, () => fail(abortError(provider, signal!)));
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(
            () =>
              fail(
                new APIConnectionTimeoutError(
                  `${provider}: ${name}: the code of this operation did not load within ${timeoutMs} ms; nothing was sent. ` +
                    'Try again, or raise timeoutMs.',
                  { provider },
                ),
              ),
            timeoutMs,
          );
    loading.then(resolve, reject).then(stop);
  });
}
