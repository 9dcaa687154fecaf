import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIError, createClient, InvalidRequestError, ResponseValidationError } from '../../src/index.js';
import { isCredentialName, loggableHeaders, loggablePath } from '../../src/core/transport/log-lines.js';
import { sdkVersion } from '../../src/core/version.js';
import { json, startFaultServer, type FaultHandler, type FaultServer } from '../helpers/fault-server.js';

/** The SDK's User-Agent header as a debug line shows it. */
const userAgent = `user-agent: voiceplane/${sdkVersion} node/${process.versions.node}`;

const apiKey = 'LOGGING_SECRET_KEY_0123456789';
const campaign = { id: 'cmp_1', name: 'Renewals', status: 'ongoing' };
let server: FaultServer | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

async function serve(handler: FaultHandler): Promise<FaultServer> {
  server = await startFaultServer(handler);
  return server;
}

type Level = 'debug' | 'info' | 'warn' | 'error';

function capturingLogger() {
  const lines: { level: Level; message: string }[] = [];
  const write = (level: Level) => (message: string) => lines.push({ level, message });
  return { lines, logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') } };
}

describe('what each attempt logs', () => {
  it('logs method, path with query, status, attempt number and duration; retries and their waits at warn', async () => {
    const { url } = await serve((_request, response, index) =>
      index === 0
        ? json(response, 503, {}, { 'retry-after-ms': '20' })
        : json(response, 200, { items: [], total_count: 0, next_cursor: null }),
    );
    const { lines, logger } = capturingLogger();
    const client = createClient({ provider: 'vox', apiKey, baseUrl: url, logger, logLevel: 'debug' });
    await client.phoneNumbers.list({ limit: 5, carrier: 'vox', status: 'active' });
    const path = '/v3/organization-telephone-numbers?limit=5&status=active&provider=vox';
    expect(lines).toEqual([
      {
        level: 'debug',
        message: `[voiceplane] vox GET ${path} sending (attempt 1 of 3); headers accept: application/json, ${userAgent}, authorization: [redacted]`,
      },
      { level: 'warn', message: expect.stringMatching(new RegExp(`^\\[voiceplane\\] vox GET ${escape(path)} -> 503 in \\d+ ms \\(attempt 1 of 3\\); retrying in 20 ms$`)) },
      {
        level: 'debug',
        message: expect.stringMatching(
          new RegExp(`^\\[voiceplane\\] vox GET ${escape(path)} sending \\(attempt 2 of 3(, after waiting \\d+ ms for its turn)?\\); headers `),
        ),
      },
      { level: 'debug', message: expect.stringMatching(new RegExp(`^\\[voiceplane\\] vox GET ${escape(path)} -> 200 in \\d+ ms \\(attempt 2 of 3\\)$`)) },
    ]);
  });

  it('logs a final failure at error, a 404 at info, and a 429 pause at warn', async () => {
    const { url } = await serve((request, response) => {
      if (request.url!.endsWith('/missing')) json(response, 404, { error: { message: 'no such campaign' } });
      else if (request.url!.endsWith('/limited')) json(response, 429, {}, { 'retry-after-ms': '10' });
      else json(response, 500, {}, { 'retry-after-ms': '0' });
    });
    const { lines, logger } = capturingLogger();
    const client = createClient({ provider: 'vox', apiKey, baseUrl: url, logger, maxRetries: 1, requestsPerSecond: 50 });
    await client.campaigns.get('missing').catch(() => {});
    await client.campaigns.get('broken').catch(() => {});
    await client.campaigns.get('limited').catch(() => {});
    const shown = lines.map(({ level, message }) => `${level} ${message.replace(/in \d+ ms/, 'in N ms')}`);
    expect(shown).toEqual([
      'info [voiceplane] vox GET /v3/campaigns/missing -> 404 in N ms (attempt 1 of 2); failed',
      'warn [voiceplane] vox GET /v3/campaigns/broken -> 500 in N ms (attempt 1 of 2); retrying in 0 ms',
      'error [voiceplane] vox GET /v3/campaigns/broken -> 500 in N ms (attempt 2 of 2); failed',
      'warn [voiceplane] vox rate-limited: every request of this client waits 10 ms, then runs at up to 25 requests per second',
      'warn [voiceplane] vox GET /v3/campaigns/limited -> 429 in N ms (attempt 1 of 2); retrying in 10 ms',
      'warn [voiceplane] vox rate-limited: every request of this client waits 10 ms, then runs at up to 12.5 requests per second',
      'error [voiceplane] vox GET /v3/campaigns/limited -> 429 in N ms (attempt 2 of 2); failed',
    ]);
  });

  it('redacts credential query parameters and headers, whatever their case', async () => {
    const { url } = await serve((request, response) =>
      request.url!.startsWith('/numbers/old')
        ? (response.writeHead(307, { location: `/numbers/pn_1?Token=tk_123&api_key=${apiKey}&X-Amz-Signature=abc&limit=5` }),
          response.end())
        : json(response, 200, { id: 'pn_1', phoneNumber: '+14155550101' }),
    );
    const { lines, logger } = capturingLogger();
    const client = createClient({
      provider: 'numbers-assignment',
      apiKey,
      baseUrl: url,
      logger,
      logLevel: 'debug',
      headers: { 'X-Session-Token': 'sess_abc', 'X-Trace': 'trace_1' },
    });
    await client.phoneNumbers.get('old');
    const all = lines.map((line) => line.message).join('\n');
    expect(all).toContain(`headers accept: application/json, ${userAgent}, x-session-token: [redacted], x-trace: trace_1, x-api-key: [redacted]`);
    expect(all).toContain('307: following the redirect to /numbers/pn_1?Token=[redacted]&api_key=[redacted]&X-Amz-Signature=[redacted]&limit=5');
    expect(all).not.toContain('sess_abc');
    expect(all).not.toContain('tk_123');
    expect(all).not.toContain(apiKey);
  });
});

describe('unusable responses are logged at error, once', () => {
  const errorLines = (lines: { level: Level; message: string }[]) =>
    lines.filter((line) => line.level === 'error').map((line) => line.message.replace(/in \d+ ms/, 'in N ms'));

  it('logs a 2xx body without the documented shape, naming the operation and what was wrong', async () => {
    const { url } = await serve((_request, response) => json(response, 200, { id: 7, name: 'Renewals', status: 'ongoing' }));
    const { lines, logger } = capturingLogger();
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url, logger })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(errorLines(lines)).toEqual([`[voiceplane] vox campaigns.get failed: ${(error as Error).message}`]);
    expect((error as Error).message).toMatch(/^vox sent a campaign that does not match its documented shape: id: expected string, got number/);
  });

  it('logs a page of a listing without the documented shape', async () => {
    const { url } = await serve((_request, response) => json(response, 200, { items: 'none', next_cursor: null }));
    const { lines, logger } = capturingLogger();
    await expect(createClient({ provider: 'vox', apiKey, baseUrl: url, logger }).phoneNumbers.list({ status: 'active' })).rejects.toThrow(
      ResponseValidationError,
    );
    expect(errorLines(lines)).toEqual([expect.stringMatching(/^\[voiceplane\] vox phoneNumbers\.list failed: vox sent /)]);
  });

  it("logs generic's failure report in a 200 answer as a failed request", async () => {
    const { url } = await serve((_request, response) =>
      json(response, 200, { success: false, error: { code: 'FORBIDDEN', message: 'Organization not found' } }),
    );
    const { lines, logger } = capturingLogger();
    const client = createClient({ provider: 'generic', apiKey, baseUrl: url, organizationId: 'org_1', logger });
    await expect(client.phoneNumbers.list()).rejects.toThrow(APIError);
    expect(errorLines(lines)).toEqual([
      '[voiceplane] generic GET /api/phone-numbers -> 200, a failure reported in the body in N ms (attempt 1 of 3); failed',
    ]);
  });

  it('logs a 2xx body that is not JSON once, from the transport', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>login</html>');
    });
    const { lines, logger } = capturingLogger();
    await expect(createClient({ provider: 'vox', apiKey, baseUrl: url, logger }).campaigns.get('cmp_1')).rejects.toThrow(
      ResponseValidationError,
    );
    expect(errorLines(lines)).toEqual(['[voiceplane] vox GET /v3/campaigns/cmp_1 -> 200, body not JSON in N ms (attempt 1 of 3); failed']);
  });
});

describe('log levels', () => {
  const run = async (options: Record<string, unknown>) => {
    const { url } = await serve((_request, response, index) =>
      index === 0 ? json(response, 503, {}, { 'retry-after-ms': '0' }) : json(response, 200, campaign),
    );
    await createClient({ provider: 'vox', apiKey, baseUrl: url, ...options }).campaigns.get('cmp_1');
  };

  it('logs at info and above when only a logger is given', async () => {
    const { lines, logger } = capturingLogger();
    await run({ logger });
    expect(lines.map((line) => line.level)).toEqual(['warn']);
  });

  it('logs nothing at off, and only errors at error', async () => {
    const off = capturingLogger();
    await run({ logger: off.logger, logLevel: 'off' });
    expect(off.lines).toEqual([]);
    await server!.close();
    const errorsOnly = capturingLogger();
    await run({ logger: errorsOnly.logger, logLevel: 'error' });
    expect(errorsOnly.lines).toEqual([]);
  });

  it('logs to console when only logLevel is given, and nowhere without either', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    await run({});
    expect(warn).not.toHaveBeenCalled();
    await server!.close();
    await run({ logLevel: 'warn' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^\[voiceplane\] vox GET \/v3\/campaigns\/cmp_1 -> 503 in \d+ ms \(attempt 1 of 3\); retrying in 0 ms$/);
    expect(debug).not.toHaveBeenCalled();
  });

  it('keeps a request working when the logger throws', async () => {
    const broken = () => {
      throw new Error('log sink down');
    };
    await expect(run({ logger: { debug: broken, info: broken, warn: broken, error: broken }, logLevel: 'debug' })).resolves.toBeUndefined();
  });

  it.each([
    [{ logLevel: 'verbose' }, 'vox: logLevel must be one of debug, info, warn, error, off (got "verbose").'],
    [{ logLevel: 10n }, 'vox: logLevel must be one of debug, info, warn, error, off (got 10n).'],
    [{ logger: 42 }, 'vox: logger must be an object with debug, info, warn and error methods, such as console.'],
    [{ logger: {} }, 'vox: logger must be an object with debug, info, warn and error methods, such as console.'],
  ])('refuses %o at createClient', (options, message) => {
    expect(() => createClient({ provider: 'vox', apiKey, ...options } as never)).toThrow(InvalidRequestError);
    expect(() => createClient({ provider: 'vox', apiKey, ...options } as never)).toThrow(message);
  });
});

describe('credential names', () => {
  it.each([
    'api_key', 'apikey', 'API-KEY', 'key', 'token', 'access_token', 'Refresh-Token', 'secret', 'client_secret',
    'signature', 'X-Amz-Signature', 'sig', 'password', 'Authorization', 'proxy-authorization', 'x-api-key',
    'cookie', 'X-Auth-Token', 'session_id',
  ])('%s is a credential', (name) => expect(isCredentialName(name)).toBe(true));

  it.each(['limit', 'cursor', 'page', 'status', 'sort_by', 'accept', 'content-type', 'x-organization-id', 'x-request-id'])(
    '%s is not',
    (name) => expect(isCredentialName(name)).toBe(false),
  );

  it('removes the key from a path even outside a credential parameter', () => {
    expect(loggablePath(`https://api.example.com/v1/${apiKey}/numbers?q=${apiKey}&page=2`, [apiKey])).toBe(
      '/v1/[redacted]/numbers?q=[redacted]&page=2',
    );
    expect(loggableHeaders({ 'x-custom': `Bearer ${apiKey}` }, [apiKey])).toBe('x-custom: Bearer [redacted]');
    const oddKey = 'sk+/=ODD_KEY_123';
    expect(loggablePath(`https://api.example.com/v1?q=${encodeURIComponent(oddKey)}&limit=1`, [oddKey])).toBe(
      '/v1?q=[redacted]&limit=1',
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
