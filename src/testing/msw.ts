/**
 * `voiceplane/testing/msw`: the sandbox as msw request handlers, for test suites that already
 * intercept `fetch` with msw. The same core as `startSandbox` answers: same data, same rules, same
 * faults. msw is a peer dependency of this entry only.
 */
import { http, type HttpHandler } from 'msw';
import { InvalidRequestError } from '../core/errors.js';
import { providers } from '../providers/registry.js';
import { createSandboxCore } from './core.js';
import { sandboxProviders, type SandboxControls, type SandboxCoreOptions, type SandboxProvider } from './types.js';

/**
 * Where each platform is intercepted when `baseUrls` leaves it out: the base URL a client uses
 * without one (vox and Vogent: their real hosts, so a client needs no `baseUrl`), else
 * `https://<platform>.sandbox.test` for a platform with no host of its own.
 */
export const defaultSandboxBaseUrls = Object.fromEntries(
  sandboxProviders.map((provider) => [provider, providers[provider].defaultBaseUrl ?? `https://${provider}.sandbox.test`]),
) as Readonly<Record<SandboxProvider, string>>;

/** Options of `createSandboxHandlers`. */
export interface SandboxHandlersOptions extends SandboxCoreOptions {
  /** The base URL to intercept per platform (no trailing slash). Defaults: `defaultSandboxBaseUrls`. */
  baseUrls?: Partial<Record<SandboxProvider, string>>;
}

/** The sandbox as msw handlers, with the same controls as a running sandbox. */
export interface SandboxHandlers extends SandboxControls {
  /** Pass to `setupServer(...handlers)` or `server.use(...handlers)`. */
  readonly handlers: HttpHandler[];
  /** The base URL each platform is intercepted at. */
  readonly baseUrls: Readonly<Record<SandboxProvider, string>>;
}

function checkedBaseUrl(provider: SandboxProvider, value: unknown): string {
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new InvalidRequestError(`sandbox: baseUrls.${provider} must be an http(s) URL without query, such as "https://api.example.com".`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * msw handlers that answer every platform of the registry at its base URL from one sandbox core.
 *
 * ```ts
 * const sandbox = createSandboxHandlers();
 * const server = setupServer(...sandbox.handlers);
 * const vox = createClient(sandbox.clientOptions('vox'));
 * ```
 */
export function createSandboxHandlers(options: SandboxHandlersOptions = {}): SandboxHandlers {
  const { baseUrls: given = {}, ...coreOptions } = options;
  const unknown = Object.keys(given).filter((name) => !(sandboxProviders as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new InvalidRequestError(`sandbox: baseUrls has no platform ${unknown.join(', ')}; use ${sandboxProviders.join(', ')}.`);
  }
  const baseUrls = {} as Record<SandboxProvider, string>;
  for (const provider of sandboxProviders) baseUrls[provider] = checkedBaseUrl(provider, given[provider] ?? defaultSandboxBaseUrls[provider]);
  const { handle, read: _read, ready: _ready, providers: _providers, ...controls } = createSandboxCore(
    coreOptions,
    (provider) => baseUrls[provider as SandboxProvider],
  );
  const handlers = sandboxProviders.map((provider) =>
    http.all(`${baseUrls[provider]}/*`, ({ request }) => {
      const base = new URL(baseUrls[provider]);
      const path = new URL(request.url).pathname.slice(base.pathname.replace(/\/$/, '').length) || '/';
      return handle(provider, request, path);
    }),
  );
  return { ...controls, handlers, baseUrls };
}
