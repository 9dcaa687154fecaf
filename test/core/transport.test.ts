import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createClient,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
  VoiceplaneError,
} from '../../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

const apiKey = 'sk_live_TRANSPORT_SECRET_0123456789';
const campaign = { id: 'cmp_1', name: 'Renewals', status: 'ongoing', created_at: 1740787200000 };
let server: LoopbackServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Parameters<typeof startLoopbackServer>[0]) {
  server = await startLoopbackServer(handler);
  return server;
}

const clientFor = (url: string, options: { timeoutMs?: number; maxRetries?: number; maxResponseBytes?: number } = {}) =>
  createClient({ provider: 'vox', apiKey, baseUrl: url, ...options });

function expectNoKey(error: unknown) {
  expect(error).toBeInstanceOf(VoiceplaneError);
  const shown = [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
  for (const text of shown) expect(text).not.toContain(apiKey);
}

describe('error classes by status', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ])('%i becomes %o with status, request id and body, in one attempt when not retryable', async (status, ErrorClass) => {
    const body = { error: { code: 'code_x', message: `failed with ${status}` } };
    const { url, requests } = await serve((_request, response) =>
      sendJson(response, status, body, { 'x-request-id': `req_${status}` }),
    );
    const error = await clientFor(url, { maxRetries: 0 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, requestId: `req_${status}`, body, provider: 'vox' });
    expect((error as Error).message).toContain(`vox answered ${status}: code_x: failed with ${status}.`);
    expect(requests).toHaveLength(1);
    expectNoKey(error);
  });

  it('says where the key comes from on a 401', async () => {
    const { url } = await serve((_request, response) => sendJson(response, 401, { error: { message: 'bad token' } }));
    await expect(clientFor(url).campaigns.get('cmp_1')).rejects.toThrow(
      'vox answered 401: bad token. Check the API key (options.apiKey or VOX_API_KEY).',
    );
  });
});

describe('retries', () => {
  it('retries a GET on 500, 502, 503 then succeeds, counting attempts on the server', async () => {
    const statuses = [500, 502, 503];
    const { url, requests } = await serve((_request, response, index) =>
      index < 3 ? sendJson(response, statuses[index]!, {}, { 'retry-after-ms': '1' }) : sendJson(response, 200, campaign),
    );
    const result = await clientFor(url, { maxRetries: 3 }).campaigns.get('cmp_1');
    expect(result.id).toBe('cmp_1');
    expect(requests).toHaveLength(4);
  });

  it('gives up after maxRetries and says how many attempts were made', async () => {
    const { url, requests } = await serve((_request, response) => sendJson(response, 502, {}, { 'retry-after-ms': '0' }));
    const error = await clientFor(url, { maxRetries: 2 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toMatch(/\(3 attempts\)$/);
    expect(requests).toHaveLength(3);
  });

  it('takes maxRetries per call over the client setting', async () => {
    const { url, requests } = await serve((_request, response) => sendJson(response, 500, {}, { 'retry-after-ms': '0' }));
    await expect(clientFor(url, { maxRetries: 2 }).campaigns.get('cmp_1', { maxRetries: 0 })).rejects.toThrow(
      InternalServerError,
    );
    expect(requests).toHaveLength(1);
  });

  it('does not retry a 400', async () => {
    const { url, requests } = await serve((_request, response) => sendJson(response, 400, {}));
    await expect(clientFor(url).campaigns.get('cmp_1')).rejects.toThrow(BadRequestError);
    expect(requests).toHaveLength(1);
  });

  it('backs off exponentially when the server gives no Retry-After', async () => {
    const { url, requests } = await serve((_request, response, index) =>
      index < 2 ? sendJson(response, 503, {}) : sendJson(response, 200, campaign),
    );
    const started = Date.now();
    await clientFor(url).campaigns.get('cmp_1');
    const elapsed = Date.now() - started;
    expect(requests).toHaveLength(3);
    // About 0.5 s then 1 s, each shortened by at most a quarter by jitter.
    expect(elapsed).toBeGreaterThanOrEqual(1100);
  });

  it('honours Retry-After in seconds', async () => {
    const { url, requests } = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 429, {}, { 'retry-after': '1' }) : sendJson(response, 200, campaign),
    );
    const started = Date.now();
    await clientFor(url).campaigns.get('cmp_1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requests).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { url, requests } = await serve((_request, response, index) =>
      index === 0
        ? sendJson(response, 503, {}, { 'retry-after': new Date(Date.now() + 1500).toUTCString() })
        : sendJson(response, 200, campaign),
    );
    const started = Date.now();
    await clientFor(url).campaigns.get('cmp_1');
    // An HTTP date has whole seconds: the wait is between 0.5 s and 1.5 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(requests).toHaveLength(2);
  });

  it('gives up at once when Retry-After is beyond the cap, carrying retryAfterMs', async () => {
    const { url, requests } = await serve((_request, response) => sendJson(response, 429, {}, { 'retry-after': '3600' }));
    const error = await clientFor(url)
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect((error as Error).message).toContain('The platform asked to wait 3600 s.');
    expect(requests).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('times out each attempt with its own timer, retries, then raises APIConnectionTimeoutError', async () => {
    const { url, requests } = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const error = await clientFor(url, { timeoutMs: 100, maxRetries: 1 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain('vox did not answer within 100 ms');
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out a body that drips slower than the timeout', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":"cmp_1",');
      // the rest never comes
    });
    await expect(clientFor(url, { timeoutMs: 150, maxRetries: 0 }).campaigns.get('cmp_1')).rejects.toThrow(
      APIConnectionTimeoutError,
    );
  });

  it('stops at once when the caller aborts, without further attempts', async () => {
    const { url, requests } = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await clientFor(url, { timeoutMs: 5000 })
      .campaigns.get('cmp_1', { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(1);
  });

  it('aborts during the wait between retries', async () => {
    const { url, requests } = await serve((_request, response) => sendJson(response, 503, {}, { 'retry-after': '5' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(clientFor(url).campaigns.get('cmp_1', { signal: controller.signal })).rejects.toThrow(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { url, requests } = await serve((_request, response) => sendJson(response, 200, campaign));
    await expect(clientFor(url).campaigns.get('cmp_1', { signal: AbortSignal.abort() })).rejects.toThrow(APIUserAbortError);
    expect(requests).toHaveLength(0);
  });
});

describe('connection failures and bodies', () => {
  it('raises APIConnectionError when nothing listens, after the retries', async () => {
    const { url } = await serve(() => {});
    await server!.close();
    server = undefined;
    const error = await clientFor(url, { maxRetries: 1 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expectNoKey(error);
  });

  it('retries a connection reset, then succeeds', async () => {
    const { url, requests } = await serve((request, response, index) => {
      if (index === 0) request.socket.destroy();
      else sendJson(response, 200, campaign);
    });
    const result = await clientFor(url).campaigns.get('cmp_1');
    expect(result.name).toBe('Renewals');
    expect(requests).toHaveLength(2);
  });

  it('refuses a 200 body that is not JSON, saying how it begins', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Gateway login</body></html>');
    });
    const error = await clientFor(url)
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('a body that is not JSON (it begins "<html><body>Gateway login');
  });

  it('refuses an empty 200 body where an object is documented', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200);
      response.end();
    });
    await expect(clientFor(url).campaigns.get('cmp_1')).rejects.toThrow(ResponseValidationError);
  });

  it('refuses a body larger than maxResponseBytes, with or without Content-Length', async () => {
    const big = JSON.stringify({ ...campaign, padding: 'x'.repeat(5000) });
    const { url } = await serve((request, response) => {
      if (request.url?.includes('declared')) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) });
        response.end(big);
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write(big.slice(0, 2500));
        response.end(big.slice(2500));
      }
    });
    const client = clientFor(url, { maxResponseBytes: 1000 });
    for (const id of ['declared', 'chunked']) {
      const error = await client.campaigns.get(id).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as Error).message).toContain('larger than maxResponseBytes (1000 bytes)');
    }
  });
});

describe('redirects and keys', () => {
  it('follows a same-origin redirect with the key', async () => {
    const { url, requests } = await serve((request, response) => {
      if (request.url === '/v3/campaigns/old') {
        response.writeHead(307, { location: '/v3/campaigns/cmp_1' });
        response.end();
      } else sendJson(response, 200, campaign);
    });
    const result = await clientFor(url).campaigns.get('old');
    expect(result.id).toBe('cmp_1');
    expect(requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      ['/v3/campaigns/old', `Bearer ${apiKey}`],
      ['/v3/campaigns/cmp_1', `Bearer ${apiKey}`],
    ]);
  });

  it('refuses a redirect to another origin, which never sees the key', async () => {
    const other = await startLoopbackServer((_request, response) => sendJson(response, 200, campaign));
    try {
      const { url } = await serve((_request, response) => {
        response.writeHead(302, { location: `${other.url}/v3/campaigns/cmp_1` });
        response.end();
      });
      const error = await clientFor(url)
        .campaigns.get('cmp_1')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(APIError);
      expect((error as APIError).status).toBe(302);
      expect((error as Error).message).toContain('redirected the request to another origin');
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('redacts a key that the platform echoes in its error body', async () => {
    const { url } = await serve((request, response) =>
      sendJson(response, 401, { error: { message: `invalid key ${request.headers.authorization}` } }),
    );
    const error = await clientFor(url)
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('invalid key Bearer [redacted]');
    expectNoKey(error);
  });

  it('keeps the key out of util.inspect and JSON.stringify of the client', () => {
    const client = clientFor('http://127.0.0.1:9');
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(apiKey);
    expect(JSON.stringify(client)).not.toContain(apiKey);
    expect(inspect(client)).toBe('VoiceplaneClient {"provider":"vox","baseUrl":"http://127.0.0.1:9"}');
  });

  it.each(['timeoutMs', 'maxRetries'])('refuses a bad %s before any request', async (name) => {
    const { url, requests } = await serve((_request, response) => sendJson(response, 200, campaign));
    await expect(clientFor(url).campaigns.get('cmp_1', { [name]: -1 })).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});
