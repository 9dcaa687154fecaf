import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APIError, APIUserAbortError, createClient, InternalServerError, InvalidRequestError } from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';

const apiKey = 'SMALL_FAULTS_SECRET_0123456789';
const serve = useFaultServer();
const campaign = { id: 'cmp_1', name: 'Renewals', status: 'ongoing', created_at: 1740787200000 };
const vox = (url: string, options: Record<string, unknown> = {}) => createClient({ provider: 'vox', apiKey, baseUrl: url, ...options });

/** Process warnings emitted during a test. */
let warnings: Error[] = [];
const onWarning = (warning: Error) => void warnings.push(warning);
beforeEach(() => {
  warnings = [];
  process.on('warning', onWarning);
});
afterEach(() => void process.off('warning', onWarning));

describe('refused before any request', () => {
  it.each(['transfer-encoding', 'Keep-Alive', 'upgrade', 'expect', 'connection', 'host'])('a %s header', (name) => {
    expect(() => vox('http://127.0.0.1:9', { headers: { [name]: 'chunked' } })).toThrow(
      new RegExp(`headers: "${name}" is set by the HTTP connection itself`),
    );
  });

  it('maxRetries above 10, on a call', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 200, campaign));
    const error = await vox(url)
      .campaigns.get('cmp_1', { maxRetries: 1e9 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain('from 0 to 10');
    expect(arrivals).toHaveLength(0);
  });
});

describe('redirects', () => {
  it('refuses a same-origin redirect with user:password@, once, without calling it a network failure', async () => {
    const { url, arrivals } = await serve((_request, response) => {
      response.writeHead(302, { location: `${url.replace('http://', 'http://admin:hunter2@')}/v3/campaigns/cmp_2` });
      response.end();
    });
    const error = await vox(url)
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toContain('user name or password');
    expect((error as Error).message).not.toContain('hunter2');
    expect(arrivals).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  it('keeps retryAfterMs on a 503 whose wait is beyond the cap', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 503, {}, { 'retry-after': '120' }));
    const error = await vox(url)
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).retryAfterMs).toBe(120_000);
    expect((error as Error).message).toContain('asked to wait 120 s');
    expect(arrivals).toHaveLength(1);
  });

  it('does not read "0x3" as 3 seconds: the backoff applies instead', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 503, {}, { 'retry-after': '0x3' }) : sendJson(response, 200, campaign),
    );
    const started = performance.now();
    await vox(url).campaigns.get('cmp_1');
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]!.at - arrivals[0]!.at).toBeLessThan(1500);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('what a platform or a caller can make too big or break', () => {
  it('caps a 5 MB error message in error.message, the body kept whole', async () => {
    const message = 'x'.repeat(5 * 1024 * 1024);
    const { url } = await serve((_request, response) => sendJson(response, 400, { error: { message } }));
    const error = await vox(url)
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message.length).toBeLessThan(1000);
    expect((error as Error).message).toContain(`(${message.length} characters, see error.body)`);
    expect(JSON.stringify((error as APIError).body).length).toBeGreaterThan(message.length);
  });

  it('ignores a logger whose getter throws', async () => {
    const { url } = await serve((_request, response) => sendJson(response, 200, campaign));
    const logger = {
      get debug(): () => void {
        throw new Error('broken logger');
      },
      info: () => {},
    };
    const result = await vox(url, { logger, logLevel: 'debug' }).campaigns.get('cmp_1');
    expect(result.id).toBe('cmp_1');
  });

  it('runs a very low requestsPerSecond without spinning a 1 ms timer', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 200, campaign));
    const client = vox(url, { requestsPerSecond: 1e-7 });
    await client.campaigns.get('cmp_1');
    const error = await client.campaigns
      .get('cmp_1', { signal: AbortSignal.timeout(300) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(arrivals).toHaveLength(1);
    expect(warnings.filter((warning) => warning.name === 'TimeoutOverflowWarning')).toEqual([]);
  });

  it('shares one signal among 30 requests, queued and retried, without MaxListenersExceededWarning', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index < 10 ? sendJson(response, 503, {}, { 'retry-after-ms': '20' }) : sendJson(response, 200, campaign),
    );
    const client = vox(url, { maxConcurrentRequests: 2 });
    const controller = new AbortController();
    const results = await Promise.all(Array.from({ length: 30 }, () => client.campaigns.get('cmp_1', { signal: controller.signal })));
    expect(results).toHaveLength(30);
    expect(arrivals.length).toBeGreaterThan(30);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });
});
