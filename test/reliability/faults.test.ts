import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  createClient,
  InternalServerError,
  RateLimitError,
  ResponseValidationError,
} from '../../src/index.js';
import {
  drip,
  proxyErrorPage,
  resetBeforeResponse,
  resetDuringBody,
  sendJson,
  text,
  useFaultServer,
} from '../helpers/fault-server.js';

const apiKey = 'vox_FAULTS_SECRET_KEY_0123456789';
const campaign = { id: 'cmp_1', name: 'Renewals', status: 'ongoing', created_at: 1740787200000 };
const campaignText = JSON.stringify(campaign);
const serve = useFaultServer();

const vox = (url: string, options: { timeoutMs?: number; maxRetries?: number } = {}) =>
  createClient({ provider: 'vox', apiKey, baseUrl: url, ...options });

/** Runs a call and returns what it threw (or `undefined`) and how long it took. */
async function outcome(run: () => Promise<unknown>): Promise<{ error: unknown; value: unknown; elapsed: number }> {
  const started = performance.now();
  try {
    const value = await run();
    return { error: undefined, value, elapsed: performance.now() - started };
  } catch (error) {
    return { error, value: undefined, elapsed: performance.now() - started };
  }
}

describe('connection resets', () => {
  it('retries a reset before any byte of the response, then succeeds', async () => {
    const { url, arrivals } = await serve((request, response, index) =>
      index < 2 ? resetBeforeResponse(request) : sendJson(response, 200, campaign),
    );
    const result = await vox(url).campaigns.get('cmp_1');
    expect(result.name).toBe('Renewals');
    expect(arrivals).toHaveLength(3);
  });

  it('raises APIConnectionError when every attempt is reset', async () => {
    const { url, arrivals } = await serve((request) => resetBeforeResponse(request));
    const { error } = await outcome(() => vox(url, { maxRetries: 2 }).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toMatch(/^vox: the connection to http:\/\/127\.0\.0\.1:\d+ failed/);
    expect((error as Error).message).toMatch(/\(3 attempts\)$/);
    expect(arrivals).toHaveLength(3);
  });

  it.each([
    ['with a Content-Length', true],
    ['chunked', false],
  ])('retries a reset in the middle of the body (%s), then succeeds', async (_name, declareLength) => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0 ? resetDuringBody(response, campaignText, 12, declareLength) : sendJson(response, 200, campaign),
    );
    const result = await vox(url).campaigns.get('cmp_1');
    expect(result.id).toBe('cmp_1');
    expect(arrivals).toHaveLength(2);
  });

  it('raises APIConnectionError when the body is cut off mid-JSON on every attempt', async () => {
    const { url, arrivals } = await serve((_request, response) => resetDuringBody(response, campaignText, 20));
    const { error } = await outcome(() => vox(url, { maxRetries: 1 }).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(arrivals).toHaveLength(2);
  });

  it('refuses, without retrying, a complete body whose JSON stops half-way', async () => {
    const { url, arrivals } = await serve((_request, response) =>
      text(response, 200, campaignText.slice(0, 20), 'application/json'),
    );
    const { error } = await outcome(() => vox(url).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('a body that is not JSON (it begins "{"id":"cmp_1","name"');
    expect(arrivals).toHaveLength(1);
  });
});

describe('slow bodies', () => {
  it('times out a body that drips slower than timeoutMs on every attempt, with its own timer', async () => {
    const { url, arrivals } = await serve((_request, response) => drip(response, campaignText, 40));
    const { error, elapsed } = await outcome(() => vox(url, { timeoutMs: 150, maxRetries: 1 }).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain('vox did not answer within 150 ms');
    expect(arrivals).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(2 * 150);
  });

  it('succeeds on the retry after a first attempt that dripped past its timeout', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0 ? drip(response, campaignText, 40) : sendJson(response, 200, campaign),
    );
    const result = await vox(url, { timeoutMs: 150 }).campaigns.get('cmp_1');
    expect(result.status).toEqual({ unified: 'running', raw: 'ongoing' });
    expect(arrivals).toHaveLength(2);
  });

  it('accepts a body that drips but ends within timeoutMs', async () => {
    const { url, arrivals } = await serve((_request, response) => drip(response, campaignText, 2, 16));
    const result = await vox(url, { timeoutMs: 5000 }).campaigns.get('cmp_1');
    expect(result.name).toBe('Renewals');
    expect(arrivals).toHaveLength(1);
  });
});

describe('429 storms', () => {
  it('waits retry-after-ms on each 429 of a storm, then succeeds', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index < 4 ? sendJson(response, 429, {}, { 'retry-after-ms': '40' }) : sendJson(response, 200, campaign),
    );
    const { value, elapsed } = await outcome(() => vox(url, { maxRetries: 4 }).campaigns.get('cmp_1'));
    expect(value).toMatchObject({ id: 'cmp_1' });
    expect(arrivals).toHaveLength(5);
    expect(elapsed).toBeGreaterThanOrEqual(4 * 40);
    for (let index = 1; index < arrivals.length; index++) {
      expect(arrivals[index]!.at - arrivals[index - 1]!.at).toBeGreaterThanOrEqual(40);
    }
  });

  it('waits Retry-After given in seconds', async () => {
    const { url, arrivals } = await serve((_request, response, index) => {
      if (index === 0) sendJson(response, 429, {}, { 'retry-after': '1' });
      else if (index === 1) sendJson(response, 429, {}, { 'retry-after': '0' });
      else sendJson(response, 200, campaign);
    });
    await vox(url).campaigns.get('cmp_1');
    expect(arrivals).toHaveLength(3);
    expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('waits Retry-After given as an HTTP date, and a date already past means at once', async () => {
    const { url, arrivals } = await serve((_request, response, index) => {
      if (index === 0) sendJson(response, 429, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() });
      else if (index === 1) sendJson(response, 429, {}, { 'retry-after': new Date(Date.now() - 60_000).toUTCString() });
      else sendJson(response, 200, campaign);
    });
    await vox(url).campaigns.get('cmp_1');
    expect(arrivals).toHaveLength(3);
    // The date has whole seconds: 2 s ahead, cut to the second, is still more than 1 s ahead
    // (less a little for the wall clock the date is read against).
    expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('raises RateLimitError with retryAfterMs when the storm outlasts maxRetries', async () => {
    const { url, arrivals } = await serve((_request, response) =>
      sendJson(response, 429, { error: { message: 'slow down' } }, { 'retry-after-ms': '20', 'x-request-id': 'req_429' }),
    );
    const { error } = await outcome(() => vox(url, { maxRetries: 2 }).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 20, requestId: 'req_429' });
    expect((error as Error).message).toBe(
      'vox answered 429: slow down. The platform is rate-limiting this key: slow down (see the client option requestsPerSecond). ' +
        'The platform asked to wait 1 s. (request id req_429) (3 attempts)',
    );
    expect(arrivals).toHaveLength(3);
  });
});

describe('5xx bursts', () => {
  it('rides out a burst of 500, 502, 503 and 504', async () => {
    const statuses = [500, 502, 503, 504];
    const { url, arrivals } = await serve((_request, response, index) =>
      index < statuses.length
        ? sendJson(response, statuses[index]!, {}, { 'retry-after-ms': '0' })
        : sendJson(response, 200, campaign),
    );
    const result = await vox(url, { maxRetries: 4 }).campaigns.get('cmp_1');
    expect(result.id).toBe('cmp_1');
    expect(arrivals).toHaveLength(5);
  });

  it.each([500, 502, 503, 504])('raises InternalServerError when %i lasts past maxRetries', async (status) => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, status, {}, { 'retry-after-ms': '0' }));
    const { error } = await outcome(() => vox(url, { maxRetries: 2 }).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(status);
    expect(arrivals).toHaveLength(3);
  });
});

describe('a 407 (proxy authentication required)', () => {
  it('is a connection failure: Node\'s fetch gives no response for it, by the fetch standard', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 407, {}));
    const { error } = await outcome(() => vox(url, { maxRetries: 0 }).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(arrivals).toHaveLength(1);
  });
});

describe('bodies that are not what the platform documents', () => {
  it('reads an HTML 502 page from a proxy as InternalServerError, retried, without the HTML in the message', async () => {
    const { url, arrivals } = await serve((_request, response) => {
      response.setHeader('retry-after-ms', '0');
      text(response, 502, proxyErrorPage);
    });
    const { error } = await outcome(() => vox(url).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, body: proxyErrorPage });
    expect((error as Error).message).toBe('vox answered 502: Bad Gateway. The platform failed; try again later. (3 attempts)');
    expect(arrivals).toHaveLength(3);
  });

  it('refuses an HTML page served as 200, at once', async () => {
    const { url, arrivals } = await serve((_request, response) => text(response, 200, proxyErrorPage));
    const { error } = await outcome(() => vox(url).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('answered 200 with a body that is not JSON (it begins "<!DOCTYPE html>');
    expect(arrivals).toHaveLength(1);
  });

  it('refuses an empty 200 body', async () => {
    const { url, arrivals } = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '0' });
      response.end();
    });
    const { error } = await outcome(() => vox(url).campaigns.get('cmp_1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('vox sent a campaign that does not match its documented shape: body: expected object, got nothing');
    expect(arrivals).toHaveLength(1);
  });

  it('refuses a 200 of the wrong shape, saying where', async () => {
    const { url, arrivals } = await serve((request, response) =>
      request.url?.startsWith('/v3/campaigns')
        ? sendJson(response, 200, { ...campaign, name: 42 })
        : sendJson(response, 200, { data: [campaign], next: null }),
    );
    const client = vox(url);
    const get = await outcome(() => client.campaigns.get('cmp_1'));
    expect(get.error).toBeInstanceOf(ResponseValidationError);
    expect((get.error as ResponseValidationError).issues[0]).toEqual({ path: 'name', message: 'expected string, got number' });
    // One status: one vox listing (with none, the SDK asks each of vox's statuses).
    const list = await outcome(() => client.phoneNumbers.list({ status: 'active' }));
    expect(list.error).toBeInstanceOf(ResponseValidationError);
    expect((list.error as ResponseValidationError).issues[0]).toEqual({ path: 'items', message: 'expected array, got nothing' });
    expect(arrivals).toHaveLength(2);
  });
});
