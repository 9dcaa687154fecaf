import { createClient, type Client, type ClientOptions, type ProviderId } from '../client.js';
import { normalizeCountry, parseAnyNumber } from '../core/kit/e164.js';
import { InvalidRequestError } from '../core/errors.js';
import type { OperationName } from '../core/provider-contract.js';
import type { PagePromise } from '../core/pages/page-promise.js';
import type { RequestOptions } from '../core/types.js';
import { providers } from '../providers/registry.js';
import { capItems, checkItemCap, splitHubParams } from './cap-items.js';
import { HubError, type HubFailure } from './hub-error.js';
import { mergeSources, type PageSource } from './merge-sources.js';
import type { Hub, HubListParams, HubOptions, HubPlatforms, HubResult } from './types.js';
import { describeValue } from '../core/describe-value.js';

const defaultConcurrency = 4;

/**
 * One view over several platforms: `createHub({ vox: {}, vogent: { apiKey } })`. Each platform takes
 * the options of `createClient` (keys from the environment where not given). An unknown platform
 * name is an `InvalidRequestError` naming it.
 */
export function createHub(platforms: HubPlatforms, options: HubOptions = {}): Hub {
  if (typeof platforms !== 'object' || platforms === null) {
    throw new InvalidRequestError(`createHub needs an object of platforms such as { vox: {}, vogent: { apiKey } }.`);
  }
  const known = Object.keys(providers);
  const ids = Object.keys(platforms) as ProviderId[];
  for (const id of ids) {
    if (!known.includes(id)) {
      throw new InvalidRequestError(`createHub: unknown platform "${id}"; use any of ${known.join(', ')}.`);
    }
  }
  if (ids.length === 0) throw new InvalidRequestError(`createHub: name at least one platform (${known.join(', ')}).`);
  const concurrency = options.concurrency ?? defaultConcurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidRequestError(`createHub: concurrency must be a whole number of 1 or more (got ${describeValue(concurrency)}).`);
  }
  const defaultCountry = normalizeCountry(options.defaultCountry, null);
  const clients = new Map<ProviderId, Client>(
    ids.map((id) => [id, createClient({ ...platforms[id], provider: id } as ClientOptions)]),
  );

  function gather<T>(
    operation: OperationName,
    list: (client: Client) => PagePromise<T>,
    cap: number | undefined,
  ): { iterate(failures: HubFailure[]): AsyncGenerator<T>; total: number } {
    const sources: PageSource<T>[] = [...clients]
      .filter(([, client]) => client.supports(operation))
      .map(([provider, client]) => ({ provider, pages: () => capItems(list(client).pages(), cap) }));
    return { iterate: (failures) => mergeSources(sources, concurrency, failures), total: sources.length };
  }

  function listing<T>(operation: OperationName, params: unknown, list: (client: Client, params: unknown) => PagePromise<T>) {
    const { platformParams, cap } = splitHubParams(params);
    const start = () => gather(operation, (client) => list(client, platformParams), checkItemCap(cap));
    return {
      async *iterate(): AsyncGenerator<T> {
        const failures: HubFailure[] = [];
        const { iterate, total } = start();
        yield* iterate(failures);
        if (failures.length > 0) throw new HubError(failures, total);
      },
      async collect(): Promise<HubResult<T>> {
        const failures: HubFailure[] = [];
        const items: T[] = [];
        for await (const item of start().iterate(failures)) items.push(item);
        return { items, errors: failures };
      },
    };
  }

  const numbers = (params?: HubListParams<string>, request?: RequestOptions) =>
    listing('phoneNumbers.list', params, (client, platformParams) => client.phoneNumbers.list(platformParams as never, request));
  const campaigns = (params?: HubListParams<string>, request?: RequestOptions) =>
    listing('campaigns.list', params, (client, platformParams) => client.campaigns.list(platformParams as never, request));

  return {
    providers: ids,
    client(provider) {
      const client = clients.get(provider);
      if (!client) throw new InvalidRequestError(`this hub holds no ${describeValue(provider)} client; it holds ${ids.join(', ')}.`);
      // The same object at run time; its type is the provider's own client.
      return client as never;
    },
    phoneNumbers: {
      list: (params, request) => numbers(params as never, request).iterate(),
      listAll: (params, request) => numbers(params as never, request).collect(),
      async findByNumber(number, request = {}) {
        const { defaultCountry: country, ...rest } = request;
        const e164 = await parseAnyNumber(number, normalizeCountry(country, null) ?? defaultCountry);
        const { items, errors } = await numbers(undefined, rest).collect();
        return { e164, matches: items.filter((item) => item.e164 === e164), errors };
      },
    },
    campaigns: {
      list: (params, request) => campaigns(params as never, request).iterate(),
      listAll: (params, request) => campaigns(params as never, request).collect(),
    },
  };
}
