import { InvalidRequestError } from '../core/errors.js';
import { createFaults, type Faults } from './faults.js';
import { createGenericPlatform } from './platforms/generic.js';
import { createNumbersAssignmentPlatform } from './platforms/numbers-assignment.js';
import type { Platform } from './platforms/platform.js';
import { createVogentPlatform } from './platforms/vogent.js';
import { createVoxPlatform } from './platforms/vox.js';
import {
  sandboxProviders,
  type FaultOptions,
  type SandboxClientOptions,
  type SandboxControls,
  type SandboxCoreOptions,
  type SandboxProvider,
  type SandboxRequest,
} from './types.js';

/** The one request-handling core: the HTTP server and the msw handlers both hand it Fetch requests. */
export interface SandboxCore extends SandboxControls {
  /** Answers a request for one platform; `path` is the request's path under that platform's base URL. */
  handle(provider: SandboxProvider, request: Request, path: string): Promise<Response>;
}

const defaultOrganizationId = 'org_sandbox';

function checkedText(value: unknown, name: string): string {
  // A header value must be printable ASCII: anything else could never be sent by a client.
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
    throw new InvalidRequestError(`sandbox: ${name} must be a non-empty text of printable characters without spaces.`);
  }
  return value;
}

function resolveApiKeys(given: SandboxCoreOptions['apiKeys'] = {}): Record<SandboxProvider, string> {
  const unknown = Object.keys(given).filter((name) => !(sandboxProviders as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new InvalidRequestError(`sandbox: apiKeys has no platform ${unknown.join(', ')}; use ${sandboxProviders.join(', ')}.`);
  }
  const keys = {} as Record<SandboxProvider, string>;
  for (const provider of sandboxProviders) {
    keys[provider] = given[provider] === undefined ? `sandbox-${provider}-key` : checkedText(given[provider], `apiKeys.${provider}`);
  }
  return keys;
}

/** Builds the four platforms over fresh seed data; `baseUrlOf` says where the caller mounted each one. */
export function createSandboxCore(options: SandboxCoreOptions, baseUrlOf: (provider: SandboxProvider) => string): SandboxCore {
  const apiKeys = resolveApiKeys(options.apiKeys);
  const organizationId = options.organizationId === undefined ? defaultOrganizationId : checkedText(options.organizationId, 'organizationId');
  const platforms: Record<SandboxProvider, Platform> = {
    vox: createVoxPlatform(apiKeys.vox),
    vogent: createVogentPlatform(apiKeys.vogent),
    generic: createGenericPlatform(apiKeys.generic, organizationId),
    'numbers-assignment': createNumbersAssignmentPlatform(apiKeys['numbers-assignment']),
  };
  let faultOptions: FaultOptions = { ...options };
  let faults: Faults = createFaults(faultOptions);
  const requests: SandboxRequest[] = [];

  async function answer(platform: Platform, provider: SandboxProvider, request: Request, path: string, query: URLSearchParams) {
    try {
      return (await faults.apply(provider, platform)) ?? platform.authenticate(request) ?? (await platform.handle(request, path, query));
    } catch (error) {
      // A fault of the sandbox itself still answers, so a client under test never hangs on it.
      return platform.error(500, 'internal_error', `Sandbox error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    apiKeys,
    organizationId,
    requests,
    requestCount: (provider) => (provider === undefined ? requests.length : requests.filter((item) => item.provider === provider).length),
    baseUrl: baseUrlOf,
    clientOptions<P extends SandboxProvider>(provider: P): SandboxClientOptions<P> {
      if (!Object.hasOwn(platforms, provider)) {
        throw new InvalidRequestError(`sandbox: no platform ${JSON.stringify(provider)}; use ${sandboxProviders.join(', ')}.`);
      }
      const base = { provider, apiKey: apiKeys[provider], baseUrl: baseUrlOf(provider) };
      return (provider === 'generic' ? { ...base, organizationId } : base) as SandboxClientOptions<P>;
    },
    setFaults(next) {
      faults = createFaults(next);
      faultOptions = { ...next };
    },
    reset() {
      for (const platform of Object.values(platforms)) platform.reset();
      requests.length = 0;
      faults = createFaults(faultOptions);
    },
    async handle(provider, request, path) {
      const platform = platforms[provider];
      const url = new URL(request.url);
      const response = await answer(platform, provider, request, path, url.searchParams);
      const query: Record<string, string[]> = {};
      for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
      requests.push({ provider, method: request.method, path, query, status: response.status });
      return response;
    },
  };
}
