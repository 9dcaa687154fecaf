import type { E164Formatter } from './kit/e164.js';
import type { ReportedFailure, Transport } from './transport/transport.js';
import type { PageData } from './pages/page.js';
import type {
  Campaign,
  CampaignListParams,
  CreatePhoneNumberInput,
  PhoneNumber,
  PhoneNumberListParams,
  RequestOptions,
  UpdatePhoneNumberInput,
} from './types.js';

/** Every operation of the neutral API, as `client.supports(...)` names it. */
export type OperationName =
  | 'phoneNumbers.list'
  | 'phoneNumbers.get'
  | 'phoneNumbers.create'
  | 'phoneNumbers.update'
  | 'phoneNumbers.delete'
  | 'phoneNumbers.listByAgent'
  | 'campaigns.get'
  | 'campaigns.list';

export const operationNames: readonly OperationName[] = [
  'phoneNumbers.list',
  'phoneNumbers.get',
  'phoneNumbers.create',
  'phoneNumbers.update',
  'phoneNumbers.delete',
  'phoneNumbers.listByAgent',
  'campaigns.get',
  'campaigns.list',
];

/** Fetches one page of a list; `cursor` is `null` for the first page unless the caller passed one. */
export type ListOperation<T, Params> = (
  params: Params,
  cursor: string | null,
  request: RequestOptions,
) => Promise<PageData<T>>;

/**
 * What an adapter implements. Ids and list parameters arrive already checked for the neutral
 * rules (non-empty ids, known parameter names); the adapter checks its own ranges and maps.
 * An operation the platform lacks is simply absent.
 */
export interface AdapterOperations<P extends string> {
  phoneNumbers: {
    list?: ListOperation<PhoneNumber<P>, PhoneNumberListParams & Record<string, unknown>>;
    get?: (id: string, request: RequestOptions) => Promise<PhoneNumber<P>>;
    create?: (input: CreatePhoneNumberInput, request: RequestOptions) => Promise<PhoneNumber<P>>;
    update?: (id: string, patch: UpdatePhoneNumberInput, request: RequestOptions) => Promise<PhoneNumber<P>>;
    delete?: (id: string, request: RequestOptions) => Promise<void>;
    listByAgent?: (
      agentId: string,
      params: PhoneNumberListParams & Record<string, unknown>,
      cursor: string | null,
      request: RequestOptions,
    ) => Promise<PageData<PhoneNumber<P>>>;
  };
  campaigns: {
    get?: (id: string, request: RequestOptions) => Promise<Campaign<P>>;
    list?: ListOperation<Campaign<P>, CampaignListParams & Record<string, unknown>>;
  };
}

/** What an adapter's mapping uses to derive `PhoneNumber.e164`. */
export interface NumberTools {
  /** The client's E.164 formatter; loads the phone-number metadata at its first use. */
  e164Formatter(): Promise<E164Formatter>;
}

/** The options every adapter sees, after the common ones were checked and defaulted. */
export interface AdapterSettings {
  /** Options beyond the common ones (e.g. `organizationId`), as the caller gave them. */
  options: Record<string, unknown>;
  /** The process environment, for fallbacks. */
  environment: Record<string, string | undefined>;
}

/** One platform: how to reach it, authenticate, read its errors, and what it can do. */
export interface ProviderDefinition<P extends string, Context = unknown> {
  readonly id: P;
  /** The platform's API address; `null` where it has none and `baseUrl` is required. */
  readonly defaultBaseUrl: string | null;
  /** Prefix of the environment variables read as fallbacks: `${prefix}_API_KEY`, `${prefix}_BASE_URL`. */
  readonly environmentPrefix: string;
  /** The country national numbers belong to when the client gives no `defaultCountry` (e.g. "KR"); `null` for none. */
  readonly defaultCountry?: string | null;
  /** Names of the list parameters each list operation accepts beyond `limit`, `cursor` and `status`. */
  readonly listFilters: Partial<Record<OperationName, readonly string[]>>;
  /** Options this provider takes beyond the common ones. */
  readonly extraOptions: readonly string[];
  /** Checks the provider's own options and returns what its operations need. Throws `InvalidRequestError`. */
  context(settings: AdapterSettings): Context;
  authHeaders(apiKey: string, context: Context): Record<string, string>;
  /** Reads the platform's error envelope into one line; `null` when the body is not one. */
  errorDetail(body: unknown): string | null;
  /**
   * For a platform that can report a failure inside a 2xx answer (`{ success: false, ... }`): which
   * bodies are such a report. The transport raises them as an `APIError` (`status` the 2xx sent,
   * `errorDetail` for the message), redacted and logged like an error status, so no adapter does.
   */
  readonly reportedFailure?: ReportedFailure;
  operations(transport: Transport, context: Context, numbers: NumberTools): AdapterOperations<P>;
}

/**
 * A provider definition that also carries, at the type level only, the options its `createClient`
 * takes and the typed client it returns. `types` is never set at run time.
 */
export interface TypedProviderDefinition<P extends string, Options, Client, Context = unknown>
  extends ProviderDefinition<P, Context> {
  readonly types?: { options: Options; client: Client };
}
