import { InvalidRequestError } from '../core/errors.js';
import type { ProviderDefinition } from '../core/contract/provider-contract.js';
import type { SandboxPlatform } from '../core/sandbox/double.js';
import { loadDouble, registryDefinitions, seedCopy } from './doubles.js';
import { createFaults, type Faults } from './faults.js';
import type { FaultOptions, SandboxClientOptions, SandboxControls, SandboxCoreOptions, SandboxProvider, SandboxRequest } from './types.js';

/** The one request-handling core: the HTTP server and the msw handlers both hand it Fetch requests. */
export interface SandboxCore extends SandboxControls {
  /** The platforms served, in order. */
  readonly providers: readonly string[];
  /** Resolves once every platform's double is loaded; a request waits for it too. */
  readonly ready: Promise<void>;
  /** Answers a request for one platform; `path` is the request's path under that platform's base URL. */
  handle(provider: string, request: Request, path: string): Promise<Response>;
  /**
   * Reads a path of one platform's double as its GET answers it (or, with `body`, as its POST of that
   * JSON body answers it: Retell reads by POST), without credentials or a trace in `requests`.
   */
  read(provider: string, path: string, body?: unknown): Promise<Response>;
}

/** Told of every answer the doubles give (the webhook sender follows the calls they place). */
export type AnswerObserver = (provider: string, method: string, path: string, answer: Response) => void;

const defaultOrganizationId = 'org_sandbox';

function checkedText(value: unknown, name: string): string {
  // A header value must be printable ASCII: anything else could never be sent by a client.
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
    throw new InvalidRequestError(`sandbox: ${name} must be a non-empty text of printable characters without spaces.`);
  }
  return value;
}

function checkedDefinitions(given: SandboxCoreOptions['providers']): readonly ProviderDefinition<string>[] {
  if (given === undefined) return registryDefinitions;
  if (!Array.isArray(given) || given.length === 0) {
    throw new InvalidRequestError('sandbox: providers must be a non-empty list of provider definitions.');
  }
  const ids = new Set<string>();
  for (const definition of given as readonly ProviderDefinition<string>[]) {
    if (typeof definition?.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(definition.id) || ids.has(definition.id)) {
      throw new InvalidRequestError('sandbox: each provider definition needs its own id of lower-case letters, digits and dashes.');
    }
    ids.add(definition.id);
  }
  return given;
}

function resolveApiKeys(ids: readonly string[], given: Record<string, string | undefined> = {}): Record<string, string> {
  const unknown = Object.keys(given).filter((name) => !ids.includes(name));
  if (unknown.length > 0) {
    throw new InvalidRequestError(`sandbox: apiKeys has no platform ${unknown.join(', ')}; use ${ids.join(', ')}.`);
  }
  const keys: Record<string, string> = {};
  for (const provider of ids) {
    keys[provider] = given[provider] === undefined ? `sandbox-${provider}-key` : checkedText(given[provider], `apiKeys.${provider}`);
  }
  return keys;
}

/**
 * The values the sandbox accepts for a provider's own required options: the sandbox's organization
 * id for an `organizationId`, `sandbox-<name>` for any other.
 */
function optionValues(definition: ProviderDefinition<string>, organizationId: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const option of definition.options ?? []) {
    if (option.required) values[option.name] = option.name === 'organizationId' ? organizationId : `sandbox-${option.name}`;
  }
  return values;
}

/** Builds the platforms over fresh seed data; `baseUrlOf` says where the caller mounted each one. */
export function createSandboxCore(options: SandboxCoreOptions, baseUrlOf: (provider: string) => string, observe?: AnswerObserver): SandboxCore {
  const definitions = checkedDefinitions(options.providers);
  const ids = definitions.map((definition) => definition.id);
  const apiKeys = resolveApiKeys(ids, options.apiKeys);
  const organizationId = options.organizationId === undefined ? defaultOrganizationId : checkedText(options.organizationId, 'organizationId');
  const values = new Map(definitions.map((definition) => [definition.id, optionValues(definition, organizationId)]));
  const platforms = new Map<string, SandboxPlatform>();
  const ready = Promise.all(
    definitions.map(async (definition) => {
      const double = await loadDouble(definition);
      const platform = double.create({
        apiKey: apiKeys[definition.id]!,
        options: values.get(definition.id)!,
        seed: () => seedCopy(double),
      });
      platforms.set(definition.id, platform);
    }),
  ).then(() => undefined);
  // Raised where it matters (startSandbox, the first request); never left unhandled.
  ready.catch(() => {});
  const { providers: _definitions, apiKeys: _keys, organizationId: _organization, ...faultStart } = options;
  let faultOptions: FaultOptions = { ...faultStart };
  let faults: Faults = createFaults(faultOptions);
  const requests: SandboxRequest[] = [];

  async function answer(platform: SandboxPlatform, provider: string, request: Request, path: string, query: URLSearchParams) {
    try {
      return (await faults.apply(provider, platform)) ?? platform.authenticate(request) ?? (await platform.handle(request, path, query));
    } catch (error) {
      // A fault of the sandbox itself still answers, so a client under test never hangs on it.
      return platform.error(500, 'internal_error', `Sandbox error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    providers: ids,
    ready,
    apiKeys: apiKeys as SandboxControls['apiKeys'],
    organizationId,
    requests,
    requestCount: (provider) => (provider === undefined ? requests.length : requests.filter((item) => item.provider === provider).length),
    baseUrl: baseUrlOf as SandboxControls['baseUrl'],
    clientOptions<P extends string>(provider: P): SandboxClientOptions<P> {
      if (!ids.includes(provider)) {
        throw new InvalidRequestError(`sandbox: no platform ${JSON.stringify(provider)}; use ${ids.join(', ')}.`);
      }
      // A provider of the registry is named by its id; one of your own is passed as its definition,
      // which is what createClient takes for it.
      const definition = definitions.find((candidate) => candidate.id === provider)!;
      const named = registryDefinitions.includes(definition) ? provider : definition;
      return { provider: named, apiKey: apiKeys[provider]!, baseUrl: baseUrlOf(provider), ...values.get(provider) } as unknown as SandboxClientOptions<P>;
    },
    setFaults(next) {
      faults = createFaults(next);
      faultOptions = { ...next };
    },
    reset() {
      for (const platform of platforms.values()) platform.reset();
      requests.length = 0;
      faults = createFaults(faultOptions);
    },
    async handle(provider, request, path) {
      await ready;
      const platform = platforms.get(provider)!;
      const url = new URL(request.url);
      const response = await answer(platform, provider, request, path, url.searchParams);
      const query: Record<string, string[]> = {};
      for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
      requests.push({ provider: provider as SandboxProvider, method: request.method, path, query, status: response.status });
      observe?.(provider, request.method, path, response);
      return response;
    },
    async read(provider, path, body) {
      await ready;
      const url = new URL(`${baseUrlOf(provider)}${path}`);
      const request =
        body === undefined
          ? new Request(url)
          : new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      // `path` may carry a query (`/v2/campaign/{id}/contacts?page=2`): the double routes on the part before it.
      return platforms.get(provider)!.handle(request, path.split('?')[0]!, url.searchParams);
    },
  };
}
