import { unsupportedOperation, unusableId } from '../kit/call-errors.js';
import { InvalidRequestError } from '../errors.js';
import { isPlainObject } from '../kit/is-plain-object.js';
import { idProblem } from '../kit/path.js';
import { fetchChainPage, type PageChain, type PageData } from '../pages/page.js';
import { PagePromise } from '../pages/page-promise.js';
import { providerContractVersion, type ProviderDefinition, type ProviderOperations } from '../contract/provider-contract.js';
import { operationNames, operationRow, resourceNames, resourceTable, type OperationName, type ResourceName } from '../contract/resource-table.js';
import { Transport } from '../transport/transport.js';
import type { HttpResponse } from '../transport/types.js';
import type { RequestOptions } from '../types.js';
import { checkListParams, checkRequestOptions, type ListRequestOptionsChecked } from './check-input.js';
import type { ClientOptionsOverride, CommonClientOptions, ClientWith } from './client-types.js';
import { apiPromise, type ResponseRecord, type ResponseReader } from './api-promise.js';
import { createProviderKit, forCall } from './provider-kit.js';
import { resolveOptions, type ResolvedOptions } from './resolve-options.js';
import { gateCallOperation, sharedCallSlots } from './call-slots-gate.js';

/** Builds the neutral client for one provider definition. Options are checked here, before any request. */
export function buildClient<P extends string>(
  definition: ProviderDefinition<P>,
  options: CommonClientOptions & Record<string, unknown>,
): AssembledClient<P> {
  if (definition.specificationVersion !== providerContractVersion) {
    throw new InvalidRequestError(
      `${definition.id}: the provider definition is written for contract version ${String(definition.specificationVersion)}, ` +
        `this SDK implements version ${providerContractVersion}; use a version of the provider made for this SDK.`,
      { provider: definition.id },
    );
  }
  const resolved = resolveOptions(definition, options);
  const transport = new Transport({
    // The resolved options name the transport's own (provider, baseUrl, apiKey, timeouts, pacer, log...) alike.
    ...resolved,
    authHeaders: (key) => definition.authHeaders(key, resolved.providerOptions),
    errorDetail: (body) => definition.errorDetail(body),
    reportedFailure: definition.reportedFailure,
    concurrencyLimit: definition.concurrencyLimit ? (body) => definition.concurrencyLimit!(body) : undefined,
    notFound: definition.notFound ? (status, body) => definition.notFound!(status, body) : undefined,
  });
  const operations = definition.operations(createProviderKit(transport, resolved));
  // A snapshot, so that a later change to the caller's objects reaches neither this client nor its copies.
  const snapshot = { ...copyOptions(options), ...sharedCallSlots(options, resolved.callSlots) };
  const withOptions = (changes: ClientOptionsOverride) => buildClient(definition, { ...snapshot, ...checkChanges(changes, definition.id) });
  return assembleClient(definition, operations, resolved, withOptions);
}

/** A copy of the options whose objects (headers, fetch options) are copies too. */
function copyOptions(options: CommonClientOptions & Record<string, unknown>): CommonClientOptions & Record<string, unknown> {
  const copy = { ...options };
  if (isPlainObject(options.headers)) copy.headers = { ...options.headers };
  if (isPlainObject(options.fetchOptions)) copy.fetchOptions = { ...options.fetchOptions };
  return copy;
}

/** The options `withOptions` changes: an object, and the same provider (a client does not change platform). */
function checkChanges(changes: unknown, provider: string): CommonClientOptions & Record<string, unknown> {
  if (!isPlainObject(changes)) {
    throw new InvalidRequestError(`${provider}: withOptions needs an object of the options to change, such as { timeoutMs: 5000 }.`, {
      provider,
    });
  }
  if (changes.provider !== undefined && changes.provider !== provider) {
    throw new InvalidRequestError(`${provider}: withOptions cannot change the provider; create a client for the other platform instead.`, {
      provider,
    });
  }
  const { provider: _same, ...rest } = changes;
  return copyOptions(rest);
}

/** A list operation as the dispatch calls it. */
type ListFetch = (params: Record<string, unknown>, cursor: string | null, request: RequestOptions) => Promise<PageData<unknown>>;

/** What `buildClient` returns: every operation there at run time (one the provider lacks rejects). */
export type AssembledClient<P extends string> = ClientWith<OperationName, P>;

/** The operations a provider offers, read off what its `operations` returned. */
function offeredOperations(operations: ProviderOperations<string>): Set<OperationName> {
  return new Set(
    operationNames.filter((name) => {
      const [resource, operation] = name.split('.') as [ResourceName, string];
      return typeof (operations[resource] as Record<string, unknown> | undefined)?.[operation] === 'function';
    }),
  );
}

/**
 * The neutral client over a provider's operations: every operation exists; one the provider lacks
 * rejects with `UnsupportedOperationError` before any request. Every check happens inside the
 * returned promise, so a mistake is always a rejection, never a synchronous throw.
 */
function assembleClient<P extends string>(
  definition: ProviderDefinition<P>,
  operations: ProviderOperations<P>,
  resolved: ResolvedOptions,
  withOptions: AssembledClient<P>['withOptions'],
): AssembledClient<P> {
  const provider = definition.id;
  const supported = offeredOperations(operations);

  const unsupported = (operation: OperationName) => unsupportedOperation(provider, operation, supported);
  /** Refuses an id that would address something else once put into a path, before any request. */
  const checkId = async (id: unknown, what: string) => {
    const problem = idProblem(id);
    if (problem) {
      throw unusableId(problem, id, what, provider);
    }
  };

  const single = <T>(operation: OperationName, run: (request: RequestOptions) => Promise<T>, options: unknown) =>
    apiPromise(
      async (record) => {
        if (!supported.has(operation)) throw await unsupported(operation);
        return run(forCall(await checkRequestOptions(options, provider), operation, record));
      },
      readResponse,
      provider,
    );

  /** An operation on one object by id: the id is checked (non-empty, not a path step) before the call. */
  const byId = <T>(operation: OperationName, what: string, id: string, call: (request: RequestOptions) => Promise<T>, options: unknown) =>
    single(operation, async (request) => (await checkId(id, what), call(request)), options);

  const list = <T, Params>(
    operation: OperationName,
    fetch: ((params: Params, cursor: string | null, request: RequestOptions) => Promise<PageData<T>>) | undefined,
    params: unknown,
    options: unknown,
    check: () => Promise<void> | void = () => {},
  ) =>
    new PagePromise<T>(async () => {
      if (!fetch) throw await unsupported(operation);
      await check();
      const checked = await checkListParams(params, operation, provider, definition.listFilters?.[operation] ?? []);
      const request: ListRequestOptionsChecked = await checkRequestOptions(options, provider, true);
      const chain: PageChain<T> = {
        provider,
        prefetch: request.prefetch ?? 0,
        fetchPage: async (cursor, signal) => {
          const record: ResponseRecord = { last: undefined };
          const combined = signal ? combineSignals(request.signal, signal) : undefined;
          try {
            const options = forCall(combined ? { ...request, signal: combined.signal } : request, operation, record);
            const data = await fetch(checked as Params, cursor, options);
            // The paging kinds name the response the page came from; a page an adapter builds by hand
            // (from several requests) shows the last one's.
            return data.requestId !== undefined ? data : { ...data, requestId: record.last?.requestId ?? null };
          } finally {
            combined?.dispose();
          }
        },
      };
      return fetchChainPage(chain, checked.cursor ?? null, 0);
    });

  /** One client method per operation of the table, dispatched by its kind. */
  const method = (name: OperationName): ((...args: never[]) => unknown) => {
    const [resource, short] = name.split('.') as [ResourceName, string];
    const row = operationRow(name);
    const noun = resourceTable[resource].noun;
    const what = `${noun} id`;
    // Looked up at each call: the provider's object is built once, its members never change.
    const offered = () => (operations[resource] as Record<string, ((...args: never[]) => Promise<unknown>) | undefined> | undefined)?.[short];
    const run = gateCallOperation(resolved.callSlots, name, provider, (...args: unknown[]) => (offered() as unknown as (...args: unknown[]) => Promise<unknown>)(...args));
    switch (row.kind) {
      case 'list':
        return ((params: unknown, options: unknown) =>
          list(name, (offered() && run) as ListFetch | undefined, params, options)) as never;
      case 'listBy': {
        const owner = row.owner ?? 'owner id';
        return ((ownerId: string, params: unknown, options: unknown) => {
          const fetch = offered();
          return list(
            name,
            fetch && ((checked: Record<string, unknown>, cursor: string | null, request: RequestOptions) => run(ownerId, checked, cursor, request) as Promise<PageData<unknown>>),
            params,
            options,
            () => checkId(ownerId, owner),
          );
        }) as never;
      }
      case 'byId':
        return ((id: string, options: unknown) => byId(name, what, id, (request) => run(id, request), options)) as never;
      case 'byIdWith':
        return ((id: string, extra: unknown, options: unknown) => {
          const sent = asCalledWith(extra ?? {});
          return byId(name, what, id, (request) => run(id, sent, request), options);
        }) as never;
      case 'create':
        return ((input: unknown, options: unknown) => {
          const sent = asCalledWith(input);
          return single(name, (request) => run(sent, request), options);
        }) as never;
      case 'update':
        return ((id: string, patch: unknown, options: unknown) => {
          const sent = asCalledWith(patch);
          return byId(name, what, id, (request) => run(id, sent, request), options);
        }) as never;
    }
  };

  const client = {
    provider,
    supports: (operation: OperationName) => supported.has(operation),
    withOptions,
    ...Object.fromEntries(
      resourceNames.map((resource) => [
        resource,
        Object.fromEntries(
          Object.keys(resourceTable[resource].operations).map((short) => [short, method(`${resource}.${short}` as OperationName)]),
        ),
      ]),
    ),
  } as unknown as AssembledClient<P>;
  const description = { provider, baseUrl: resolved.baseUrl };
  Object.defineProperty(client, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `VoiceplaneClient ${JSON.stringify(description)}`,
  });
  Object.defineProperty(client, 'toJSON', { value: () => description });
  return client;
}

/**
 * A write's input as it is when the call is made. The write goes out a few awaits later (its checks,
 * its lazily loaded chunk), and what is sent must be what the caller passed, not what a reused object
 * holds by then. Plain data is copied; a value `structuredClone` cannot copy (a function inside, a
 * class instance, or one at the top) is passed as it is, for the write's own checks to accept or refuse as before.
 */
function asCalledWith<Input>(input: Input): Input {
  const prototype = isPlainObject(input) ? Object.getPrototypeOf(input) : undefined;
  if (prototype !== Object.prototype && prototype !== null) return input;
  try {
    return structuredClone(input);
  } catch {
    return input;
  }
}

/** Reads a recorded response for the caller: a readable copy, and the request id the transport read (secrets removed). */
function readResponse(response: HttpResponse): ReturnType<ResponseReader> {
  return {
    response: response.raw ? response.raw() : new Response(null, { status: response.status, headers: response.headers }),
    requestId: response.requestId,
  };
}

/**
 * One signal that aborts when either does, and a way to let go of both (AbortSignal.any is missing
 * from early Node 20 releases, and its listeners would outlive a long iteration).
 */
function combineSignals(first: AbortSignal | undefined, second: AbortSignal): { signal: AbortSignal; dispose(): void } {
  if (!first) return { signal: second, dispose: () => {} };
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (first.aborted || second.aborted) controller.abort();
  first.addEventListener('abort', abort, { once: true });
  second.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      first.removeEventListener('abort', abort);
      second.removeEventListener('abort', abort);
    },
  };
}
