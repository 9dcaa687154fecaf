import { describe, expect, it } from 'vitest';
import type { Transport, TransportOptions } from '../../src/core/transport/transport.js';
import { APIError, ConcurrencyLimitError, InternalServerError, RateLimitError } from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';
import { apiKey, expectNoKey, transportFor as transportAlone } from '../helpers/transport-client.js';
import { failureOf } from '../helpers/outcomes.js';

const serve = useFaultServer();

/** A 429 body of the kind a platform sends when every call slot of the account is busy. */
const concurrencyBody = { error: { code: 'concurrency_limit_exceeded', message: 'Too many concurrent calls' } };
const rateBody = { error: { code: 'rate_limited', message: 'Too many requests' } };

const isConcurrencyBody = (body: unknown): boolean =>
  (body as { error?: { code?: unknown } } | null)?.error?.code === 'concurrency_limit_exceeded';

/** The transport with an error reader of this body shape, so that messages carry the platform's words. */
function transportFor(baseUrl: string, overrides: Partial<TransportOptions> = {}): Transport {
  return transportAlone(baseUrl, {
    errorDetail: (body) => (body as { error?: { message?: string } } | null)?.error?.message ?? null,
    ...overrides,
  });
}

describe('a 429 that is a concurrency-limit answer', () => {
  it('is a ConcurrencyLimitError, which is still a RateLimitError with its retry delay, and is sent once as a POST', async () => {
    const { url, arrivals } = await serve((_request, response) =>
      sendJson(response, 429, concurrencyBody, { 'retry-after': '3', 'x-request-id': 'req_c' }),
    );
    const transport = transportFor(url, { concurrencyLimit: isConcurrencyBody, maxRetries: 2 });
    const error = await failureOf(transport.request({ method: 'POST', path: '/v3/calls', body: { to: '+15550100' } }));
    expect(error).toBeInstanceOf(ConcurrencyLimitError);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3000, requestId: 'req_c', body: concurrencyBody, provider: 'vox' });
    expect((error as Error).name).toBe('ConcurrencyLimitError');
    expect((error as Error).message).toBe(
      'vox answered 429: Too many concurrent calls. The account has as many calls in flight as its concurrency limit allows: ' +
        'wait for calls to end, or raise the limit with the platform. The platform asked to wait 3 s. (request id req_c)',
    );
    expect(arrivals).toHaveLength(1);
    expectNoKey(error);
  });

  it('is retried like any 429 on a GET, and the last answer decides the class', async () => {
    const { url, arrivals } = await serve((_request, response) =>
      sendJson(response, 429, concurrencyBody, { 'retry-after-ms': '5' }),
    );
    const transport = transportFor(url, { concurrencyLimit: isConcurrencyBody, maxRetries: 1 });
    const error = await failureOf(transport.request({ method: 'GET', path: '/v3/calls' }));
    expect(error).toBeInstanceOf(ConcurrencyLimitError);
    expect(arrivals).toHaveLength(2);
  });

  it('hands the hook the body with the key redacted', async () => {
    const seen: unknown[] = [];
    const { url } = await serve((request, response) =>
      sendJson(response, 429, { error: { code: 'concurrency_limit_exceeded', message: `slots busy for ${request.headers.authorization}` } }),
    );
    const transport = transportFor(url, {
      concurrencyLimit: (body) => {
        seen.push(body);
        return isConcurrencyBody(body);
      },
    });
    const error = await failureOf(transport.request({ method: 'GET', path: '/v3/calls' }));
    expect(error).toBeInstanceOf(ConcurrencyLimitError);
    expect(JSON.stringify(seen)).not.toContain(apiKey);
    expect(JSON.stringify(seen)).toContain('[redacted]');
    expectNoKey(error);
  });
});

describe('other answers stay what they were', () => {
  it.each([
    ['a 429 the hook does not recognise', rateBody, { concurrencyLimit: isConcurrencyBody }],
    ['a 429 on a transport without the hook', concurrencyBody, {}],
    ['a 429 whose hook throws', concurrencyBody, { concurrencyLimit: () => { throw new TypeError('odd body'); } }],
    ['a 429 whose hook answers a truthy non-boolean', concurrencyBody, { concurrencyLimit: (() => 'yes') as unknown as () => boolean }],
  ])('%s is a plain RateLimitError', async (_case, body, overrides) => {
    const { url } = await serve((_request, response) => sendJson(response, 429, body));
    const error = await failureOf(transportFor(url, overrides).request({ method: 'GET', path: '/v3/calls' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).not.toBeInstanceOf(ConcurrencyLimitError);
    expect((error as Error).message).toContain('The platform is rate-limiting this key');
  });

  it('a 503 with a concurrency body is an InternalServerError: the hook reads 429s only', async () => {
    let calls = 0;
    const { url } = await serve((_request, response) => sendJson(response, 503, concurrencyBody));
    const transport = transportFor(url, {
      concurrencyLimit: (body) => {
        calls += 1;
        return isConcurrencyBody(body);
      },
    });
    const error = await failureOf(transport.request({ method: 'GET', path: '/v3/calls' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect(calls).toBe(0);
  });
});
