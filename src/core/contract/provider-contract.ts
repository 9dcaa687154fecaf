import type { PageData } from '../pages/page.js';
import type { SignatureOf } from './operation-signatures.js';
import type { KindOf, OperationName, OperationOf, ResourceName } from './resource-table.js';

export { operationNames } from './resource-table.js';
export type { OperationName } from './resource-table.js';
import type { E164Formatter } from '../kit/e164.js';
import type { SandboxDouble } from '../sandbox/double.js';
import type { HttpRequest, HttpResponse, ReportedFailure } from '../transport/types.js';
import type {
  Campaign,
  CampaignListParams,
  CreateCampaignInput,
  CreatePhoneNumberInput,
  PhoneNumber,
  PhoneNumberListParams,
  RequestOptions,
  UpdatePhoneNumberInput,
} from '../types.js';

/**
 * The version of the provider contract this SDK implements. A provider written outside the tree
 * declares the version it targets (`specificationVersion`); a definition of another version is
 * refused by `createClient`, so a contract change never fails deep inside a request.
 */
export const providerContractVersion = 1;

/**
 * An option a provider takes beyond the common ones (e.g. generic's `organizationId`). `createClient`,
 * the hub, the command line and its config file all derive their handling from this one description.
 * Values are text.
 */
export interface OptionDescriptor {
  /** The option's name in `createClient({ ... })` and in the config file, e.g. `organizationId`. */
  readonly name: string;
  /** What the value is, in words, for messages: "organization id". */
  readonly label: string;
  /** One sentence for messages, the docs and `--help`: why the platform needs it. */
  readonly description: string;
  /** The environment variable read when the option is not given is `${environmentPrefix}_${environmentSuffix}`. */
  readonly environmentSuffix?: string;
  /** The command-line flag, without dashes, e.g. `organization-id`. */
  readonly cliFlag?: string;
  /** Whether the platform cannot be used without it; a missing one is an `InvalidRequestError` at `createClient`. */
  readonly required?: boolean;
  /** Whether the value is sent in a header, so that a value no header can carry is refused at `createClient`. */
  readonly inHeader?: boolean;
}

/** The provider's own options after `createClient` resolved them (given, else from the environment). */
export type ProviderOptionValues = Readonly<Record<string, string | undefined>>;

/** One problem a wire schema found: where (`path`) and what. */
export interface WireIssue {
  /** Where in the body, from its root. */
  readonly path: readonly PropertyKey[];
  /** What was wrong. */
  readonly message: string;
  /** The kind of problem, e.g. `invalid_type`. */
  readonly code?: string;
  /** The type that was expected, where the problem is a wrong type. */
  readonly expected?: string;
  /** The value found there. */
  readonly input?: unknown;
}

/** The outcome of a `WireSchema` check. */
export type WireResult<Value> =
  | {
      /** The body has the shape. */
      success: true;
      /** The checked fields. */
      data: Value;
    }
  | {
      /** The body lacks the shape. */
      success: false;
      /** What was wrong. */
      error: {
        /** Each problem found. */
        issues: readonly WireIssue[];
      };
    };

/**
 * A schema of the fields an adapter maps: any zod/mini schema fits. Declared here by its shape so that
 * no zod type reaches the public declarations.
 */
export interface WireSchema<Value> {
  /** Checks `data`; never throws. */
  safeParse(data: unknown, params?: WireCheckOptions): WireResult<Value>;
}

/** Options of a `WireSchema` check. */
export interface WireCheckOptions {
  /** Keep the offending value in each issue, so the message can say what was found. */
  reportInput?: boolean;
}

/** What a response body must look like: a schema (built on first use) and what the body is, for messages. */
export interface Expectation<Value> {
  /** Returns the schema; called at each use, so wrap the construction in `lazy` (kit/validate). */
  schema: () => WireSchema<Value>;
  /** What the body is, in words: "a page of phone numbers". */
  what: string;
  /**
   * The part of the body that is checked and given back as `raw`, where the object sits inside an
   * envelope the platform may or may not send. May throw a `ResponseValidationError`. Default: the body.
   */
  select?(body: unknown): unknown;
}

/** A checked answer: the fields the schema covers, beside the body exactly as received. */
export interface CheckedResponse<Value> {
  /** The validated fields. */
  value: Value;
  /** The parsed body (or the part `select` chose) as the platform sent it. */
  raw: unknown;
  /** The response's status and headers. */
  response: HttpResponse;
}

/** What a provider's operations use: the one transport, the resolved options and the number tools. */
export interface ProviderKit {
  /** The provider's id. */
  readonly provider: string;
  /** The provider's own options, resolved (see `OptionDescriptor`). */
  readonly options: ProviderOptionValues;
  /**
   * Sends a request through the client's transport (pacing, auth, retries, redaction, logging) and
   * checks the answer against `expect`: a body without the expected shape is a logged
   * `ResponseValidationError`. `expect` may depend on the body (a platform with two answer shapes).
   * `options` is the request options object the operation received, passed as it is, not a copy:
   * the client knows the call by it, so `withResponse()` shows this response and a failure is
   * logged under the operation's name.
   */
  request<Value>(
    request: HttpRequest,
    options: RequestOptions,
    expect: Expectation<Value> | ((body: unknown) => Expectation<Value>),
  ): Promise<CheckedResponse<Value>>;
  /** Sends a request whose answer carries nothing to read (a delete, a stop); `options` as for `request`. */
  send(request: HttpRequest, options: RequestOptions): Promise<HttpResponse>;
  /** The client's E.164 formatter; loads the phone-number metadata at its first use. */
  e164Formatter(): Promise<E164Formatter>;
  /** The country of national numbers: the client's `defaultCountry`, else the provider's. */
  readonly defaultCountry: string | null;
  /** The client's `timeoutMs`, for a call whose options give none. */
  readonly timeoutMs?: number;
}

/** Fetches one page of a list; `cursor` is `null` for the first page unless the caller passed one. */
export type ListOperation<T, Params> = (params: Params, cursor: string | null, request: RequestOptions) => Promise<PageData<T>>;

/** List parameters as an operation receives them: checked by the neutral rules, the provider's own filters beside. */
export type Checked<Params> = Params & Record<string, unknown>;

/** One provider function of an operation, by the operation's kind in the table (request options last). */
export type ProviderFunction<P extends string, Name extends OperationName> = ProviderFunctionOfKind<KindOf<Name>, SignatureOf<P, Name>>;

type ProviderFunctionOfKind<Kind, S> = S extends { item: infer Item; params: infer Params }
  ? Kind extends 'listBy'
    ? (ownerId: string, params: Checked<Params>, cursor: string | null, request: RequestOptions) => Promise<PageData<Item>>
    : ListOperation<Item, Checked<Params>>
  : S extends { input: infer Input; result: infer Result }
    ? Kind extends 'update'
      ? (id: string, patch: Input, request: RequestOptions) => Promise<Result>
      : (input: Input, request: RequestOptions) => Promise<Result>
    : S extends { extra: infer Extra; result: infer Result }
      ? (id: string, extra: Extra, request: RequestOptions) => Promise<Result>
      : S extends { result: infer Result }
        ? (id: string, request: RequestOptions) => Promise<Result>
        : never;

/**
 * What a provider implements, resource by resource from the table (`resource-table.ts`). Ids and
 * list parameters arrive already checked for the neutral rules (non-empty ids, known parameter
 * names, unified statuses); the provider checks its own ranges and maps. An operation, or a whole
 * resource, the platform lacks is simply absent.
 */
export type ProviderOperations<P extends string> = {
  readonly [R in ResourceName]?: { readonly [O in OperationOf<R>]?: ProviderFunction<P, `${R}.${O}` & OperationName> };
};

/** One platform: how to reach it, authenticate, read its errors, what it can do, and its sandbox double. */
export interface ProviderDefinition<P extends string = string, Operations extends ProviderOperations<P> = ProviderOperations<P>> {
  /** The version of the provider contract the definition is written for: `providerContractVersion`. */
  readonly specificationVersion: typeof providerContractVersion;
  /** The id `createClient({ provider })` takes: lower-case letters, digits and dashes. */
  readonly id: P;
  /** The platform's API address; `null` where it has none and `baseUrl` is required. */
  readonly defaultBaseUrl: string | null;
  /** Prefix of the environment variables read as fallbacks: `${prefix}_API_KEY`, `${prefix}_BASE_URL`. */
  readonly environmentPrefix: string;
  /** The country national numbers belong to when the client gives no `defaultCountry` (e.g. "KR"); `null` for none. */
  readonly defaultCountry?: string | null;
  /** Options this provider takes beyond the common ones. */
  readonly options?: readonly OptionDescriptor[];
  /** Names of the list parameters each list operation accepts beyond `limit`, `cursor` and `status`. */
  readonly listFilters?: Partial<Record<OperationName, readonly string[]>>;
  /** The headers that carry the key (and whatever else the platform's auth needs). */
  authHeaders(apiKey: string, options: ProviderOptionValues): Record<string, string>;
  /** Reads the platform's error envelope into one line; `null` when the body is not one. */
  errorDetail(body: unknown): string | null;
  /**
   * For a platform that can report a failure inside a 2xx answer (`{ success: false, ... }`): which
   * bodies are such a report. The transport raises them as an `APIError`, so no adapter does.
   */
  readonly reportedFailure?: ReportedFailure;
  /**
   * Whether a 429's body (key already removed) says "too many calls at once" rather than "too many
   * requests": such an answer is a `ConcurrencyLimitError`.
   */
  concurrencyLimit?(body: unknown): boolean;
  /**
   * For a platform that answers "no such object" with another status than 404 (Retell's 422 "Cannot
   * find requested asset"): whether an error answer (status, body with the key removed) means that.
   * It is then a `NotFoundError` with its own status kept, so callers catch one class on every platform.
   */
  notFound?(status: number, body: unknown): boolean;
  /** Builds the operations the platform offers over the client's kit. */
  operations(kit: ProviderKit): Operations;
  /**
   * The platform's sandbox double (its seed data and request handlers), loaded only by
   * `voiceplane/testing`: a dynamic import, so the SDK's bundles never carry it.
   */
  readonly sandbox?: () => Promise<SandboxDouble>;
}

/**
 * A provider definition that also carries, at the type level only, the options its `createClient`
 * takes. Its typed client is derived from what `operations` returns (see `ClientOf`). `types` is
 * never set at run time.
 */
export interface TypedProviderDefinition<
  P extends string,
  Operations extends ProviderOperations<P> = ProviderOperations<P>,
  Options = unknown,
  Seed = unknown,
> extends ProviderDefinition<P, Operations> {
  /** Types only, never set: the options `createClient` takes for this provider. */
  readonly types?: {
    /** The options of `createClient`. */
    options: Options;
  };
  readonly sandbox?: () => Promise<SandboxDouble<Seed>>;
}

/** Declares a provider whose `createClient` options are `Options`; see `defineProvider`. */
export type ProviderDeclaration<Options> = <const P extends string, Operations extends ProviderOperations<P>, Seed = unknown>(
  definition: TypedProviderDefinition<P, Operations, Options, Seed>,
) => TypedProviderDefinition<P, Operations, Options, Seed>;

/**
 * Declares a provider: checks its shape at compile time and returns it unchanged, its id, operations
 * and sandbox seed inferred, so that its typed client offers exactly the operations it returns. Pass
 * the result to `createClient({ provider: definition, ... })` to talk to a platform the SDK does not
 * ship. `defineProvider<MyOptions>()({ ... })` also types the options `createClient` takes for it.
 */
export function defineProvider<const P extends string, Operations extends ProviderOperations<P>, Seed = unknown>(
  definition: TypedProviderDefinition<P, Operations, unknown, Seed>,
): TypedProviderDefinition<P, Operations, unknown, Seed>;
export function defineProvider<Options>(): ProviderDeclaration<Options>;
export function defineProvider(definition?: unknown): unknown {
  return definition === undefined ? (given: unknown) => given : definition;
}
