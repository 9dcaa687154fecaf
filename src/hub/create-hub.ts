import { createClient, type Client, type ClientOptions, type ProviderId } from '../client.js';
import { normalizeCountry, parseAnyNumber } from '../core/kit/e164.js';
import { InvalidRequestError } from '../core/errors.js';
import { operationRow, resourceNames, resourceTable, type OperationName } from '../core/contract/resource-table.js';
import type { PagePromise } from '../core/pages/page-promise.js';
import type { PhoneNumber, RequestOptions } from '../core/types.js';
import { providers } from '../providers/registry.js';
import { capItems, checkItemCap, splitHubParams } from './cap-items.js';
import { HubError, type HubFailure } from './hub-error.js';
import { mergeSources, type PageSource } from './merge-sources.js';
import { routeNumber } from './route-number.js';
import { mergeNewestFirst, timeBy } from './merge-newest-first.js';
import type { Hub, HubListing, HubOptions, HubPlatforms, HubResourceName, HubResources, HubResult } from './types.js';
import { describeValue } from '../core/kit/describe-value.js';
import { linkedSignal } from './linked-signal.js';

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
  // Every operation is there at run time; the hub asks `supports()` before it calls one.
  const clients = new Map<ProviderId, Client<OperationName>>(
    ids.map((id) => [id, createClient({ ...platforms[id], provider: id } as ClientOptions) as Client<OperationName>]),
  );
  // Each platform's own reading of a national spelling: its client's defaultCountry, else the platform's (vox: KR).
  const platformCountries = new Map<ProviderId, string | null>(
    ids.map((id) => [id, normalizeCountry((platforms[id] as { defaultCountry?: unknown }).defaultCountry, id) ?? providers[id].defaultCountry ?? null]),
  );

  function gather<T>(
    operation: OperationName,
    list: (client: Client<OperationName>) => PagePromise<T>,
    cap: number | undefined,
  ): { iterate(failures: HubFailure[]): AsyncGenerator<T>; total: number } {
    const sources: PageSource<T>[] = [...clients]
      .filter(([, client]) => client.supports(operation))
      .map(([provider, client]) => ({ provider, pages: () => capItems(list(client).pages(), cap) }));
    // A list dated by the table (calls) is merged newest first, which needs every platform's current page at once.
    const order = operationRow(operation).newestFirstBy;
    return {
      iterate: (failures) => (order ? mergeNewestFirst(sources, timeBy(order), failures) : mergeSources(sources, concurrency, failures)),
      total: sources.length,
    };
  }

  /**
   * One hub listing. Leaving it early (a `break`) aborts the pages still in flight on every
   * platform through a signal of the hub's own, joined to the caller's: returning from a platform's
   * iterator alone would wait for its current page, up to its timeout.
   */
  function listing<T>(
    operation: OperationName,
    params: unknown,
    request: unknown,
    list: (client: Client<OperationName>, params: unknown, request: unknown) => PagePromise<T>,
  ) {
    const { platformParams, cap } = splitHubParams(params);
    const run = async function* (failures: HubFailure[]): AsyncGenerator<T, number> {
      const stop = linkedSignal(request);
      try {
        const { iterate, total } = gather(operation, (client) => list(client, platformParams, stop.request), checkItemCap(cap));
        yield* iterate(failures);
        return total;
      } finally {
        stop.abort();
      }
    };
    return {
      async *iterate(): AsyncGenerator<T> {
        const failures: HubFailure[] = [];
        const total = yield* run(failures);
        if (failures.length > 0) throw new HubError(failures, total);
      },
      /** Every item, or only those `keep` accepts: the others are let go as they stream by. */
      async collect(keep?: (item: T) => boolean): Promise<HubResult<T>> {
        const failures: HubFailure[] = [];
        const items: T[] = [];
        for await (const item of run(failures)) if (keep === undefined || keep(item)) items.push(item);
        return { items, errors: failures };
      },
    };
  }

  /** The hub's listing of one resource: its `list` over every platform that offers it. */
  const listingOf = (resource: HubResourceName) => (params?: unknown, request?: unknown) =>
    listing(`${resource}.list` as OperationName, params, request, (client, platformParams, options) =>
      (client[resource].list as (params: unknown, options: unknown) => PagePromise<unknown>)(platformParams, options as RequestOptions),
    );
  // One member per resource of the table that has a `list` operation.
  const listings = Object.fromEntries(
    hubResources().map((resource) => {
      const run = listingOf(resource);
      const member: HubListing<HubResourceName> = {
        list: (params, request) => run(params, request).iterate() as never,
        listAll: (params, request) => run(params, request).collect() as never,
      };
      return [resource, member];
    }),
  ) as unknown as HubResources;
  const numbers = listingOf('phoneNumbers') as (
    params?: unknown,
    request?: unknown,
  ) => { collect(keep?: (item: PhoneNumber<ProviderId>) => boolean): Promise<HubResult<PhoneNumber<ProviderId>>> };

  const hub: Hub = {
    providers: ids,
    client(provider) {
      const client = clients.get(provider);
      if (!client) throw new InvalidRequestError(`this hub holds no ${describeValue(provider)} client; it holds ${ids.join(', ')}.`);
      // The same object at run time; its type is the provider's own client.
      return client as never;
    },
    ...listings,
    phoneNumbers: {
      ...listings.phoneNumbers,
      route: (number, agentId, request) =>
        routeNumber((wanted, options) => hub.phoneNumbers.findByNumber(wanted, options), (id) => clients.get(id)!, ids, number, agentId, request),
      async findByNumber(number, request) {
        // `null` is taken as no options, as every client call takes it.
        const { defaultCountry: country, ...rest } = request ?? {};
        const given = normalizeCountry(country, null) ?? defaultCountry;
        const readings = given === null ? await readOnEachPlatform(number, platformCountries) : null;
        const e164 = readings === null ? await parseAnyNumber(number, given) : readings.values().next().value!;
        const wanted = (provider: ProviderId) => (readings === null ? e164 : readings.get(provider));
        // Only the matches are kept while the numbers stream: an account of a million numbers is not held.
        const { items: matches, errors } = await numbers(undefined, rest).collect(
          (item) => item.e164 !== null && item.e164 === wanted(item.provider),
        );
        // Where platforms read a national spelling differently, the reading that found the number is the answer.
        return { e164: matches[0]?.e164 ?? e164, matches, errors };
      },
    },
  };
  return hub;
}

/** The resources of the table that have a `list` operation, in the table's order. */
function hubResources(): HubResourceName[] {
  return resourceNames.filter((resource) => 'list' in resourceTable[resource].operations) as HubResourceName[];
}

/**
 * Reads a number the way each platform would, with its own default country: a national spelling
 * then finds the number on the platform whose country it belongs to. The readings of the platforms
 * that can read it, in the hub's order; none at all is the `InvalidRequestError` naming the input.
 */
async function readOnEachPlatform(number: string, countries: ReadonlyMap<ProviderId, string | null>): Promise<Map<ProviderId, string>> {
  const byCountry = new Map<string | null, Promise<string | null>>();
  const readings = new Map<ProviderId, string>();
  let failure: unknown;
  for (const [provider, country] of countries) {
    if (!byCountry.has(country)) {
      byCountry.set(
        country,
        parseAnyNumber(number, country).catch((error: unknown) => {
          failure = error;
          return null;
        }),
      );
    }
    const reading = await byCountry.get(country)!;
    if (reading !== null) readings.set(provider, reading);
  }
  if (readings.size === 0) throw failure;
  return readings;
}
