import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIConnectionError, createClient, VoiceplaneError } from '../../src/index.js';
import {
  drip,
  json,
  proxyErrorPage,
  resetBeforeResponse,
  resetDuringBody,
  startFaultServer,
  text,
  type FaultServer,
} from '../helpers/fault-server.js';

// A key that also shows up in the platform's answers: echoed in bodies, headers and redirects.
const apiKey = 'sk_live_NEVER_SHOW_ME_0123456789abcdef';
let server: FaultServer;
let other: FaultServer;

/** Every way a call can fail, each one echoing the key somewhere the SDK might repeat it. */
const failures: Record<string, (request: Parameters<Parameters<typeof startFaultServer>[0]>[0], response: Parameters<Parameters<typeof startFaultServer>[0]>[1]) => void> = {
  unauthorized: (request, response) =>
    json(response, 401, { error: { message: `invalid key ${request.headers.authorization ?? request.headers['x-api-key']}` } }),
  forbidden: (_request, response) => json(response, 403, { message: `key ${apiKey} lacks scope`, key: apiKey }),
  'rate-limited': (_request, response) => json(response, 429, { detail: apiKey }, { 'retry-after-ms': '0', 'x-echo': apiKey }),
  'server-error': (_request, response) => response.setHeader('retry-after-ms', '0') && text(response, 500, `upstream said: ${apiKey}`, 'text/plain'),
  'proxy-page': (_request, response) => response.setHeader('retry-after-ms', '0') && text(response, 502, proxyErrorPage.replace('nginx', apiKey)),
  'html-200': (_request, response) => text(response, 200, `<html>${apiKey}</html>`),
  'text-200': (_request, response) => text(response, 200, `key=${apiKey}`, 'text/plain'),
  'wrong-shape': (_request, response) => json(response, 200, { id: 7, number: apiKey, phoneNumber: 7, items: apiKey, data: apiKey }),
  reset: (request) => resetBeforeResponse(request),
  'cut-body': (_request, response) => resetDuringBody(response, JSON.stringify({ id: apiKey, name: apiKey }), 10),
  'slow-drip': (_request, response) => drip(response, JSON.stringify({ id: apiKey }), 100),
  'cross-origin-redirect': (_request, response) => {
    response.writeHead(302, { location: `${other.url}/steal?api_key=${apiKey}`, 'x-request-id': `req_${apiKey}` });
    response.end();
  },
  'redirect-loop': (request, response) => {
    response.writeHead(307, { location: `${request.url!.split('?')[0]}?kind=redirect-loop&token=${apiKey}&n=${Math.random()}` });
    response.end();
  },
  'echoed-request-id': (_request, response) => json(response, 404, {}, { 'x-request-id': `req_${apiKey}` }),
  'echoed-status-text': (_request, response) => {
    response.writeHead(404, `No key ${apiKey}`, { 'content-length': '0' });
    response.end();
  },
  'reported-failure': (_request, response) =>
    json(response, 200, { success: false, error: { code: 'UNAUTHORIZED', message: `Invalid API key ${apiKey}` } }, { 'x-request-id': `req_${apiKey}` }),
  'too-large': (_request, response) => json(response, 200, { id: apiKey, padding: 'x'.repeat(5000) }),
};

beforeAll(async () => {
  other = await startFaultServer((_request, response) => json(response, 200, {}));
  server = await startFaultServer((request, response) => {
    // The failure is named by a path segment, or by `kind` or `cursor` in the query (generic lists only).
    const url = new URL(request.url!, 'http://localhost');
    const named = [...url.pathname.split('/'), url.searchParams.get('kind'), url.searchParams.get('cursor')];
    const kind = named.find((segment): segment is string => segment !== null && segment in failures) ?? 'reset';
    failures[kind]!(request, response);
  });
});

afterAll(async () => {
  await server.close();
  await other.close();
});

function capturingLogger() {
  const lines: string[] = [];
  const write = (message: string) => lines.push(message);
  return { lines, logger: { debug: write, info: write, warn: write, error: write } };
}

const styles = [
  {
    name: 'Bearer (vox)',
    call: (kind: string, logger: object) =>
      createClient({ provider: 'vox', apiKey, baseUrl: server.url, logger, logLevel: 'debug', timeoutMs: 150, maxRetries: 1, maxResponseBytes: 2000 })
        .campaigns.get(kind),
  },
  {
    name: 'X-API-Key (numbers-assignment)',
    call: (kind: string, logger: object) =>
      createClient({
        provider: 'numbers-assignment',
        apiKey,
        baseUrl: server.url,
        logger,
        logLevel: 'debug',
        timeoutMs: 150,
        maxRetries: 1,
        maxResponseBytes: 2000,
      }).phoneNumbers.get(kind),
  },
  {
    name: 'X-API-Key + X-Organization-Id (generic)',
    call: (kind: string, logger: object) =>
      createClient({
        provider: 'generic',
        apiKey,
        organizationId: 'org_1',
        baseUrl: server.url,
        logger,
        logLevel: 'debug',
        timeoutMs: 150,
        maxRetries: 1,
        maxResponseBytes: 2000,
      }).phoneNumbers.list({ cursor: kind }),
    // generic reads `success: false` in a 2xx answer as the platform's own failure report.
    expected: { 'reported-failure': 'APIError' } as Record<string, string>,
  },
];

/** The error each failure ends in, so that every path above is really taken. */
const expectedError: Record<string, string> = {
  unauthorized: 'AuthenticationError',
  forbidden: 'PermissionDeniedError',
  'rate-limited': 'RateLimitError',
  'server-error': 'InternalServerError',
  'proxy-page': 'InternalServerError',
  'html-200': 'ResponseValidationError',
  'text-200': 'ResponseValidationError',
  'wrong-shape': 'ResponseValidationError',
  reset: 'APIConnectionError',
  'cut-body': 'APIConnectionError',
  'slow-drip': 'APIConnectionTimeoutError',
  'cross-origin-redirect': 'APIError',
  'redirect-loop': 'APIError',
  'too-large': 'ResponseValidationError',
  'echoed-request-id': 'NotFoundError',
  'echoed-status-text': 'NotFoundError',
  'reported-failure': 'ResponseValidationError',
};

describe.each(styles)('the key appears nowhere: $name', (style) => {
  it.each(Object.keys(failures))('%s: not in any log line, error message, stack, JSON or inspect output', async (kind) => {
    const { lines, logger } = capturingLogger();
    const error = await style.call(kind, logger).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(VoiceplaneError);
    const expected: Record<string, string> | undefined = 'expected' in style ? style.expected : undefined;
    expect((error as Error).name).toBe(expected?.[kind] ?? expectedError[kind]);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const shown = [
      ...lines,
      String(error),
      (error as Error).message,
      (error as Error).stack ?? '',
      JSON.stringify(error),
      JSON.stringify((error as { body?: unknown }).body ?? null),
      inspect(error, { depth: 20, showHidden: true }),
    ];
    for (const text of shown) expect(text).not.toContain(apiKey);
    expect(other.arrivals).toHaveLength(0);
  });
});

describe('a failure whose cause quotes the key', () => {
  it('keeps the cause with the key removed from its message, stack and code-bearing causes', async () => {
    // fetch refuses a header it cannot carry with a TypeError that quotes the whole value.
    const refusing = async () => {
      const refused = (() => {
        try {
          new Headers([['authorization', `Bearer ${apiKey}\nX-Injected: 1`]]);
        } catch (caught) {
          return caught as Error;
        }
        throw new Error('Headers accepted a line break');
      })();
      expect(refused.message).toContain(apiKey);
      throw new TypeError('fetch failed', { cause: Object.assign(refused, { code: 'ERR_INVALID_HEADER' }) });
    };
    const { lines, logger } = capturingLogger();
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: server.url, fetch: refusing, maxRetries: 0, logger })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain('(ERR_INVALID_HEADER)');
    const cause = (error as Error).cause as Error;
    expect(cause.message).toBe('fetch failed');
    expect((cause.cause as Error).message).toContain('Bearer [redacted]');
    expect((cause.cause as { code?: string }).code).toBe('ERR_INVALID_HEADER');
    for (const text of [...lines, inspect(error, { depth: 20, showHidden: true }), (error as Error).stack ?? '']) {
      expect(text).not.toContain(apiKey);
    }
  });
});
