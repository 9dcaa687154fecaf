import type { SandboxPlatform as Platform } from './double.js';

/** Answers one method of one route: the request, the path's `{parameters}` and the query. */
export type Handler = (request: Request, parameters: Record<string, string>, query: URLSearchParams) => Response | Promise<Response>;

/** One path of a platform double, such as `/numbers/{id}`, and what each method does there. */
export interface Route {
  /** The path under the base URL, with `{name}` for a parameter: `/numbers/{id}`. */
  pattern: string;
  /** What each HTTP method does there. */
  methods: Partial<Record<string, Handler>>;
}

function match(pattern: string, path: string): Record<string, string> | null {
  const expected = pattern.split('/');
  const actual = path.replace(/\/+$/, '').split('/');
  if (expected.length !== actual.length) return null;
  const parameters: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const given = actual[index]!;
    if (part.startsWith('{')) {
      if (given === '') return null;
      try {
        parameters[part.slice(1, -1)] = decodeURIComponent(given);
      } catch {
        return null;
      }
    } else if (part !== given) {
      return null;
    }
  }
  return parameters;
}

/**
 * Dispatches to the route and method that match, answering the platform's 404 for an unknown path
 * and 405 for a method the path does not take.
 */
export async function dispatch(
  routes: readonly Route[],
  platform: Pick<Platform, 'error'>,
  request: Request,
  path: string,
  query: URLSearchParams,
): Promise<Response> {
  for (const route of routes) {
    const parameters = match(route.pattern, path);
    if (parameters === null) continue;
    const handler = route.methods[request.method];
    if (handler === undefined) {
      const allowed = Object.keys(route.methods).join(', ');
      return platform.error(405, 'method_not_allowed', `${request.method} is not allowed on ${route.pattern}; use ${allowed}.`, {
        allow: allowed,
      });
    }
    return handler(request, parameters, query);
  }
  return platform.error(404, 'not_found', `No such endpoint: ${request.method} ${path}.`);
}

/** The bearer token of an `Authorization` header, or `null`. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const found = header === null ? null : /^Bearer\s+(.+)$/i.exec(header.trim());
  return found ? found[1]!.trim() : null;
}

/** An `X-API-Key` platform's refusal of a missing or wrong key, in its own envelope; `null` when the key is right. */
export function refuseApiKeyHeader(request: Request, apiKey: string, error: Platform['error']): Response | null {
  const key = request.headers.get('x-api-key');
  if (key === null || key.trim() === '') return error(401, 'unauthorized', 'Missing X-API-Key header.');
  if (key !== apiKey) return error(401, 'unauthorized', 'Invalid API key.');
  return null;
}

/** Sorting with a stable tie-break, so a page boundary never shows an item twice. */
export function compareBy<T>(key: (item: T) => string | number | null, tieBreak: (item: T) => string) {
  return (left: T, right: T): number => {
    const a = key(left) ?? '';
    const b = key(right) ?? '';
    if (a < b) return -1;
    if (a > b) return 1;
    return tieBreak(left) < tieBreak(right) ? -1 : tieBreak(left) > tieBreak(right) ? 1 : 0;
  };
}
