import type { SignatureOf } from '../contract/operation-signatures.js';
import type { Checked, ProviderDefinition, ProviderOperations } from '../contract/provider-contract.js';
import type { KindOf, OperationName, OperationOf, ResourceName, ResourceOfOperation, ShortName } from '../contract/resource-table.js';
import type { Logger, LogLevel } from '../transport/logger.js';
import type { Fetch, FetchOptions } from '../transport/types.js';
import type { Limiter } from '../transport/limiter.js';
import type { CallSlots } from '../call-slots/call-slots.js';
import type { PagePromise } from '../pages/page-promise.js';
import type { APIPromise } from './api-promise.js';
import type { ListRequestOptions, RequestOptions } from '../types.js';

/** Options every provider takes. */
export interface CommonClientOptions {
  /** The platform API key. Falls back to the provider's environment variable (e.g. `VOX_API_KEY`), read at the first request. */
  apiKey?: string | undefined;
  /** The API address. Each provider has a default where the platform publishes one; plain http:// only on loopback. */
  baseUrl?: string | undefined;
  /** Time allowed for each attempt, in milliseconds. Default 30 000. */
  timeoutMs?: number | undefined;
  /** How often a failed idempotent request (GET, PUT, DELETE) is tried again. Default 2. */
  maxRetries?: number | undefined;
  /** The largest response body read, in bytes; a larger one is a `ResponseValidationError`. Default 10 MiB. */
  maxResponseBytes?: number | undefined;
  /**
   * A `fetch` to use instead of the global one, such as npm undici's `fetch`. It is called as
   * `fetch(url, init)`, never with a `Request` object.
   */
  fetch?: Fetch | undefined;
  /**
   * Fetch options merged into every request's init, such as `{ dispatcher: new ProxyAgent(url) }`
   * from undici. `method`, `body`, `headers`, `signal` and `redirect` are the SDK's and refused.
   */
  fetchOptions?: FetchOptions | undefined;
  /**
   * Extra headers sent with every request; a `User-Agent` here replaces the SDK's
   * (`voiceplane/<version> node/<version>`). The auth headers cannot be overridden here.
   */
  headers?: Record<string, string> | undefined;
  /**
   * Attempts started per second by this client, at most (retries included). Unlimited by default.
   * After a 429 the client runs slower for a while and recovers step by step.
   */
  requestsPerSecond?: number | undefined;
  /** Attempts in flight at once for this client, at most; the others wait their turn. Unlimited by default. */
  maxConcurrentRequests?: number | undefined;
  /**
   * What paces this client's attempts instead of `requestsPerSecond` and `maxConcurrentRequests`:
   * any object with `acquire`, `rateLimited` and `answered` (see `Limiter`), such as a limiter
   * shared by several processes. Each attempt, retries included, acquires a place before it is sent
   * and releases it once its answer was read; a 429 is reported with the wait before the next try.
   */
  limiter?: Limiter | undefined;
  /**
   * Calls in flight at once for this client, at most: `calls.create` waits while this many are in
   * flight. A call counts from its create until `calls.get` or `calls.list` shows it over, else for
   * an hour. Unlimited by default. To free places from webhook events, or to share the count across
   * processes, use `callSlots` instead (docs/scaling.md).
   */
  maxConcurrentCalls?: number | undefined;
  /**
   * What counts calls in flight instead of `maxConcurrentCalls`, such as `createRedisCallSlots(...)`
   * from `voiceplane/redis`, shared by every process of an account (see `CallSlots`).
   */
  callSlots?: CallSlots | undefined;
  /** Where to log attempts, retries and failures: `console` or any object with the same methods. None by default. */
  logger?: Logger | undefined;
  /**
   * How much to log. Default: the `VOICEPLANE_LOG` environment variable, else `'info'` when a
   * `logger` is given; a level without a `logger` logs to `console`.
   */
  logLevel?: LogLevel | undefined;
  /**
   * The country (ISO 3166-1 alpha-2, e.g. "KR") of numbers the platform gives without a country
   * code, for `PhoneNumber.e164`. Defaults: "KR" for vox, none elsewhere.
   */
  defaultCountry?: string | undefined;
}

/**
 * Options for `client.withOptions(...)`: any option of `createClient` but `provider` (the provider's
 * own options, such as `organizationId`, included). Each one given replaces the client's, `headers`
 * as a whole.
 */
export interface ClientOptionsOverride extends CommonClientOptions {
  /** A provider's own option (see its `createClient` options), checked as `createClient` checks it. */
  [option: string]: unknown;
}

/**
 * The list parameters a typed client takes per list operation, where a provider has filters of its own
 * (`{ 'phoneNumbers.list': VoxPhoneNumberListParams }`); the neutral ones elsewhere.
 */
export type ListParamsByOperation = Partial<Record<OperationName, object>>;

type ParamsFor<P extends string, Name extends OperationName, Params extends ListParamsByOperation> = Name extends keyof Params
  ? Params[Name]
  : SignatureOf<P, Name> extends { params: infer Neutral }
    ? Neutral
    : never;

/** One operation as a client method, by its kind in the table; request options last. */
export type ClientMethod<P extends string, Name extends OperationName, Params extends ListParamsByOperation = {}> = MethodOfKind<
  KindOf<Name>,
  SignatureOf<P, Name>,
  ParamsFor<P, Name, Params>
>;

type MethodOfKind<Kind, S, Params> = S extends { item: infer Item }
  ? Kind extends 'listBy'
    ? (ownerId: string, params?: Params, options?: ListRequestOptions) => PagePromise<Item>
    : (params?: Params, options?: ListRequestOptions) => PagePromise<Item>
  : S extends { input: infer Input; result: infer Result }
    ? Kind extends 'update'
      ? (id: string, patch: Input, options?: RequestOptions) => APIPromise<Result>
      : (input: Input, options?: RequestOptions) => APIPromise<Result>
    : S extends { extra: infer Extra; result: infer Result }
      ? (id: string, extra?: Extra, options?: RequestOptions) => APIPromise<Result>
      : S extends { result: infer Result }
        ? (id: string, options?: RequestOptions) => APIPromise<Result>
        : never;

/** The operations `Offered` names of one resource, each required. */
type OfferedMembers<P extends string, R extends ResourceName, Offered extends OperationName, Params extends ListParamsByOperation> = {
  readonly [O in OperationOf<R> as `${R}.${O}` extends Offered ? O : never]: ClientMethod<P, `${R}.${O}` & OperationName, Params>;
};

/** The operations `Offered` does not name, each optional. */
type OtherMembers<P extends string, R extends ResourceName, Offered extends OperationName, Params extends ListParamsByOperation> = {
  readonly [O in OperationOf<R> as `${R}.${O}` extends Offered ? never : O]?: ClientMethod<P, `${R}.${O}` & OperationName, Params>;
};

/**
 * What `client.supports(operation)` proves when it answers `true`: the operation's method is there.
 * `if (client.supports('phoneNumbers.delete')) await client.phoneNumbers.delete(id)` type-checks.
 */
export type Supporting<Name extends OperationName, P extends string = string> = {
  readonly [R in ResourceOfOperation<Name>]: {
    readonly [O in ShortName<Name & `${R}.${string}`>]: ClientMethod<P, `${R}.${O}` & OperationName>;
  };
};

/** What every client has beside its resources. */
interface ClientBase<P extends string, Self> {
  /** The provider this client talks to. */
  readonly provider: P;
  /** Whether this provider offers an operation; `true` makes its method a required member of the client's type. */
  supports<Name extends OperationName>(operation: Name): this is Supporting<Name, P>;
  /**
   * A new client with some options changed (timeouts, headers, logger, ...) and every other one as
   * given to this client; the two share nothing that changes (rate limits, pending requests).
   */
  withOptions(options: ClientOptionsOverride): Self;
}

/**
 * A client of the neutral API. The operations in `Offered` are required members; the others are
 * optional (present at run time, where calling one the provider lacks throws
 * `UnsupportedOperationError` before any request, and `supports()` narrows the type). Every resource
 * object is always there. `Client` (no `Offered`) is what any client is assignable to;
 * `Client<'phoneNumbers.list' | 'phoneNumbers.get'>` is a client that can list and get numbers.
 */
export type ClientWith<Offered extends OperationName = never, P extends string = string, Params extends ListParamsByOperation = {}> = ClientBase<
  P,
  ClientWith<Offered, P, Params>
> & {
  readonly [R in ResourceName]: OfferedMembers<P, R, Offered, Params> & OtherMembers<P, R, Offered, Params>;
};

/**
 * A client typed to what one provider offers: only the operations in `Offered` exist on it (an
 * operation the provider lacks is a compile error, not a run-time surprise), with the provider's own
 * list parameters. Every resource object is there, empty where the provider offers none of it.
 */
export type ProviderClient<P extends string, Offered extends OperationName, Params extends ListParamsByOperation = {}> = ClientBase<
  P,
  ProviderClient<P, Offered, Params>
> & {
  readonly [R in ResourceName]: OfferedMembers<P, R, Offered, Params>;
};

/** The operations a provider's `operations()` returns, as names: `'phoneNumbers.list' | ...`. */
export type OfferedBy<Operations> = {
  [R in ResourceName]: R extends keyof Operations
    ? {
        [O in keyof NonNullable<Operations[R]> & string]-?: undefined extends NonNullable<Operations[R]>[O] ? never : `${R}.${O}`;
      }[keyof NonNullable<Operations[R]> & string]
    : never;
}[ResourceName] &
  OperationName;

/** The list parameters a provider's list operations take, where they differ from `Checked<neutral>`. */
export type ParamsBy<Operations> = {
  [Name in OfferedBy<Operations> as ListParamsOf<Operations, Name> extends never ? never : Name]: ListParamsOf<Operations, Name>;
};

type ListParamsOf<Operations, Name extends OperationName> = KindOf<Name> extends 'list' | 'listBy'
  ? Name extends `${infer R}.${infer O}`
    ? R extends keyof Operations
      ? O extends keyof NonNullable<Operations[R]>
        ? NonNullable<NonNullable<Operations[R]>[O]> extends (...args: infer A) => unknown
          ? StripChecked<KindOf<Name> extends 'listBy' ? A[1] : A[0]>
          : never
        : never
      : never
    : never
  : never;

/** `Checked<X>` is what an operation receives; a caller passes `X`. */
type StripChecked<T> = T extends Checked<infer Inner> ? (Checked<Inner> extends T ? Inner : T) : T;

/** The operations of a provider definition. */
type OperationsOf<Definition> = Definition extends ProviderDefinition<string, infer Operations> ? Operations : ProviderOperations<string>;

/** The typed client of a provider definition: the operations its `operations()` returns, with their list parameters. */
export type ClientOf<Definition extends ProviderDefinition<string, any>> = {} extends OperationsOf<Definition>
  ? // A definition typed only as `ProviderDefinition` says nothing of its operations: every one is optional.
    ClientWith<never, Definition['id']>
  : ProviderClient<Definition['id'], OfferedBy<OperationsOf<Definition>>, ParamsBy<OperationsOf<Definition>>>;
