import type { ClientFor, ClientOptionsFor, ProviderId } from '../client.js';
import type { HubFailure } from './hub-error.js';
import type { PhoneNumber, RequestOptions } from '../core/types.js';
import type { SignatureOf } from '../core/contract/operation-signatures.js';
import type { OperationName, OperationOf, ResourceName } from '../core/contract/resource-table.js';

/** The platforms of a hub, each with the options `createClient` takes for it (less `provider`). */
export type HubPlatforms = { [P in ProviderId]?: Omit<ClientOptionsFor<P>, 'provider'> };

/** Options of `createHub`. */
export interface HubOptions {
  /**
   * How many platforms are listed at once. Default 4. A listing merged newest first (calls) reads
   * every platform at once, as the next item can be on any of them; it still holds one page each.
   */
  concurrency?: number | undefined;
  /**
   * The country of national spellings given to `findByNumber` (e.g. "KR"), for every platform.
   * Default: none, and each platform reads a national spelling with its own default country (its
   * client's `defaultCountry`, else the platform's: KR for vox).
   */
  defaultCountry?: string | undefined;
}

/** Parameters of a hub list: the neutral ones, passed to every platform, and the hub's own cap. */
export interface HubListParams<Status extends string> {
  /** Page size asked of each platform (each platform's own range applies). */
  limit?: number | undefined;
  /** Only items in this unified status (or any of these), on every platform. */
  status?: Status | readonly Status[] | undefined;
  /**
   * The most items taken from any one platform (a whole number of 1 or more). A platform stops
   * being paged once it gave that many, so a listing of the first N items of each platform fetches
   * no page beyond what those N need. Default: no cap, every item of every platform.
   */
  maxItemsPerPlatform?: number | undefined;
}

/** Everything a hub call found, and the platforms that failed. */
export interface HubResult<T> {
  /** Every item found, platform after platform. */
  items: T[];
  /** The platforms that failed, each with its error. */
  errors: HubFailure[];
}

/** The numbers that match a `findByNumber`, and the platforms that could not be searched. */
export interface HubFindResult {
  /**
   * The number in E.164 form, as the search understood the input. Where a national spelling was read
   * with each platform's own country and the platforms read it differently (each was searched for its
   * own reading), the reading of the first match, else the first platform's (in the hub's order).
   */
  e164: string;
  /** Every match: `provider` says which platform, `agentId` which agent answers it. */
  matches: PhoneNumber<ProviderId>[];
  /** The platforms that could not be searched, each with its error. */
  errors: HubFailure[];
}

/** The hub's phone-number operations, over every platform it holds. */
export interface HubPhoneNumbers extends HubListing<'phoneNumbers'> {
  /**
   * Finds a number among every number of every platform (each in every status), whatever its
   * spelling (`+82 2-1234-5678`, `0212345678`, `821012345678`). A national spelling is read with the
   * call's or the hub's `defaultCountry`; without one, with each platform's own (vox: KR).
   */
  findByNumber(number: string, options?: RequestOptions & { defaultCountry?: string }): Promise<HubFindResult>;
  /**
   * Routes a number to an agent on whichever platform holds it, whatever its spelling: finds it
   * (`findByNumber`), then `phoneNumbers.update(id, { agentId })` there, and returns the routed number.
   * Changes nothing when the number is on no platform, on more than one (naming them), or when a
   * platform could not be searched.
   */
  route(number: string, agentId: string, options?: RequestOptions & { defaultCountry?: string }): Promise<PhoneNumber>;
}

/** A resource the hub lists across platforms: every resource of the table with a `list` operation. */
export type HubResourceName = { [R in ResourceName]: 'list' extends OperationOf<R> ? R : never }[ResourceName];

/** The `list` operation of a resource the hub lists: `'calls.list'` for `'calls'`. */
type ListOperationOf<R extends HubResourceName> = `${R}.list` & OperationName;

/** What the hub's listing of a resource yields: the neutral item, tagged with its platform (`provider`). */
export type HubItem<R extends HubResourceName> = ListSignature<R>['item'];

/** The neutral types of a resource's `list` operation. */
type ListSignature<R extends HubResourceName> = SignatureOf<ProviderId, ListOperationOf<R>> & { item: unknown; params: object };

/**
 * Parameters of a hub listing of a resource: the neutral list parameters (less `cursor`: each
 * platform is paged to its end), passed to every platform, and the hub's own cap.
 */
export type HubListParamsOf<R extends HubResourceName> = Omit<ListSignature<R>['params'], 'cursor'> & {
  /** The most items taken from any one platform, as in `HubListParams`. Default: no cap. */
  maxItemsPerPlatform?: number | undefined;
};

/**
 * The hub's listing of one resource, over every platform of the hub that lists it (the others are
 * skipped). Iteration yields what works, then throws a `HubError` listing the platforms that failed.
 * Calls come newest first across platforms (by `startedAt`, else `createdAt`); other resources
 * platform by platform as their pages arrive, order kept within each.
 */
export interface HubListing<R extends HubResourceName> {
  /** Every item on the platforms that list the resource; failures reported at the end as a `HubError`. */
  list(params?: HubListParamsOf<R>, options?: RequestOptions): AsyncIterable<HubItem<R>>;
  /** Like `list`, collected: `{ items, errors }`, never a `HubError`. */
  listAll(params?: HubListParamsOf<R>, options?: RequestOptions): Promise<HubResult<HubItem<R>>>;
}

/** The hub's campaign operations, over every platform that lists campaigns. */
export type HubCampaigns = HubListing<'campaigns'>;

/** The hub's call operations: every platform's calls, newest first, each tagged with its provider. */
export type HubCalls = HubListing<'calls'>;

/** The hub's agent operations, over every platform that lists agents. */
export type HubAgents = HubListing<'agents'>;

/** One member per resource the hub lists, derived from the resource table; phone numbers also find and route. */
export type HubResources = {
  readonly [R in HubResourceName]: R extends 'phoneNumbers' ? HubPhoneNumbers : HubListing<R>;
};

/** One view over several platforms (`createHub`): listing, finding and routing across them. */
export interface Hub extends HubResources {
  /** The platforms this hub holds, in the order given. */
  readonly providers: readonly ProviderId[];
  /** The client of one platform of the hub, typed to that platform: `hub.client('vox')` is a `VoxClient`. */
  client<P extends ProviderId>(provider: P): ClientFor<P>;
}
