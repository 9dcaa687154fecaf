import type { OperationName } from '../provider-contract.js';
import type { Logger, LogLevel } from '../transport/logger.js';
import type { Fetch, FetchOptions } from '../transport/types.js';
import type { Limiter } from '../transport/limiter.js';
import type { PagePromise } from '../pages/page-promise.js';
import type { APIPromise } from './api-promise.js';
import type {
  Campaign,
  CampaignListParams,
  CreateCampaignInput,
  CreatePhoneNumberInput,
  ListRequestOptions,
  PhoneNumber,
  PhoneNumberListParams,
  RequestOptions,
  UpdatePhoneNumberInput,
} from '../types.js';

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

/** The phone-number operations of a client. */
export interface PhoneNumbersResource<P extends string, ListParams = PhoneNumberListParams> {
  /** A page of numbers; `for await` over the result for every number, page after page. */
  list(params?: ListParams, options?: ListRequestOptions): PagePromise<PhoneNumber<P>>;
  /** One number by its platform id. */
  get(id: string, options?: RequestOptions): APIPromise<PhoneNumber<P>>;
  /** Adds a number and links it to an agent. Never retried, so that nothing is bought or assigned twice. */
  create(input: CreatePhoneNumberInput, options?: RequestOptions): APIPromise<PhoneNumber<P>>;
  /** Changes a number; an omitted field is kept, `agentId: null` unlinks the agent. */
  update(id: string, patch: UpdatePhoneNumberInput, options?: RequestOptions): APIPromise<PhoneNumber<P>>;
  /** Removes a number. */
  delete(id: string, options?: RequestOptions): APIPromise<void>;
  /** The numbers linked to one agent. */
  listByAgent(agentId: string, params?: ListParams, options?: ListRequestOptions): PagePromise<PhoneNumber<P>>;
}

/** The campaign operations of a client. */
export interface CampaignsResource<P extends string, ListParams = CampaignListParams> {
  /** One campaign by its platform id. */
  get(id: string, options?: RequestOptions): APIPromise<Campaign<P>>;
  /** A page of campaigns; `for await` over the result for every campaign. */
  list(params?: ListParams, options?: ListRequestOptions): PagePromise<Campaign<P>>;
  /**
   * Creates a campaign that runs by itself at `scheduledAt` (or now) and returns it as the platform
   * reports it. Never retried: a create whose answer was lost may have taken effect.
   */
  create(input: CreateCampaignInput, options?: RequestOptions): APIPromise<Campaign<P>>;
  /** Pauses a running campaign; `resume` continues it. */
  pause(id: string, options?: RequestOptions): APIPromise<void>;
  /** Continues a paused campaign. */
  resume(id: string, options?: RequestOptions): APIPromise<void>;
  /** Stops a campaign for good: no further calls are placed. */
  cancel(id: string, options?: RequestOptions): APIPromise<void>;
}

/** A client with every operation of the neutral API; one the provider lacks throws `UnsupportedOperationError`. */
export interface NeutralClient<P extends string> {
  /** The provider this client talks to. */
  readonly provider: P;
  /** Whether this provider offers an operation. */
  supports(operation: OperationName): boolean;
  /**
   * A new client with some options changed (timeouts, headers, logger, ...) and every other one as
   * given to this client; the two share nothing that changes (rate limits, pending requests).
   */
  withOptions(options: ClientOptionsOverride): NeutralClient<P>;
  /** Phone numbers: list, get, create, update (routing), delete, listByAgent. */
  readonly phoneNumbers: PhoneNumbersResource<P>;
  /** Campaigns: list, get, create, pause, resume, cancel. */
  readonly campaigns: CampaignsResource<P>;
}

type Names<Offered extends string, Prefix extends string> = Offered extends `${Prefix}.${infer Name}` ? Name : never;

/**
 * A client typed to what one provider offers: only the operations in `Offered` exist on it (an
 * operation the provider lacks is a compile error, not a run-time surprise), with the provider's own
 * list parameters. A resource with no offered operation is absent.
 */
export type ProviderClient<
  P extends string,
  Offered extends OperationName,
  PhoneNumberParams = PhoneNumberListParams,
  CampaignParams = CampaignListParams,
> = {
  /** The provider this client talks to. */
  readonly provider: P;
  /** Whether this provider offers an operation. */
  supports(operation: OperationName): boolean;
  /** A new client with some options changed and every other one kept; see `NeutralClient.withOptions`. */
  withOptions(options: ClientOptionsOverride): ProviderClient<P, Offered, PhoneNumberParams, CampaignParams>;
  /** Phone numbers: the operations this provider offers. */
  readonly phoneNumbers: Pick<PhoneNumbersResource<P, PhoneNumberParams>, Names<Offered, 'phoneNumbers'> & keyof PhoneNumbersResource<P>>;
} & ([Names<Offered, 'campaigns'>] extends [never]
  ? unknown
  : {
      /** Campaigns: the operations this provider offers. */
      readonly campaigns: Pick<CampaignsResource<P, CampaignParams>, Names<Offered, 'campaigns'> & keyof CampaignsResource<P>>;
    });
