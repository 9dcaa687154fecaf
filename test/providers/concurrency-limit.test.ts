import { afterEach, describe, expect, it } from 'vitest';
import { ConcurrencyLimitError, createClient, RateLimitError } from '../../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

// A 429 that says "too many calls at once" is a ConcurrencyLimitError; any other 429 stays a plain
// RateLimitError (a provider's definition decides, from the body).

let server: LoopbackServer | undefined;
afterEach(() => server?.close());

describe('vapi concurrency limit', () => {
  it('raises ConcurrencyLimitError for a 429 whose message speaks of concurrency, after the retries allowed', async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 429, { statusCode: 429, message: 'Concurrency limit reached: 10 calls in flight.' }, { 'retry-after': '0' }),
    );
    const vapi = createClient({ provider: 'vapi', apiKey: 'vapi_key', baseUrl: server.url, maxRetries: 1 });
    const error = await vapi.campaigns.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConcurrencyLimitError);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as ConcurrencyLimitError).status).toBe(429);
    expect(server.requests).toHaveLength(2);
  });

  it('keeps any other 429 a plain RateLimitError', async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 429, { statusCode: 429, message: 'Too Many Requests' }, { 'retry-after': '0' }),
    );
    const vapi = createClient({ provider: 'vapi', apiKey: 'vapi_key', baseUrl: server.url, maxRetries: 0 });
    const error = await vapi.campaigns.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).not.toBeInstanceOf(ConcurrencyLimitError);
  });
});
