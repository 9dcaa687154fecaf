import { describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, APIUserAbortError, BadRequestError, InternalServerError, RateLimitError } from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';
import { campaign, clientFor } from '../helpers/transport-client.js';

const serve = useFaultServer();

describe('retries', () => {
  it('retries a GET on 500, 502, 503 then succeeds, counting attempts on the server', async () => {
    const statuses = [500, 502, 503];
    const { url, arrivals } = await serve((_request, response, index) =>
      index < 3 ? sendJson(response, statuses[index]!, {}, { 'retry-after-ms': '1' }) : sendJson(response, 200, campaign),
    );
    const result = await clientFor(url, { maxRetries: 3 }).campaigns.get('cmp_1');
    expect(result.id).toBe('cmp_1');
    expect(arrivals).toHaveLength(4);
  });

  it('gives up after maxRetries and says how many attempts were made', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 502, {}, { 'retry-after-ms': '0' }));
    const error = await clientFor(url, { maxRetries: 2 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toMatch(/\(3 attempts\)$/);
    expect(arrivals).toHaveLength(3);
  });

  it('takes maxRetries per call over the client setting', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 500, {}, { 'retry-after-ms': '0' }));
    await expect(clientFor(url, { maxRetries: 2 }).campaigns.get('cmp_1', { maxRetries: 0 })).rejects.toThrow(
      InternalServerError,
    );
    expect(arrivals).toHaveLength(1);
  });

  it('does not retry a 400', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 400, {}));
    await expect(clientFor(url).campaigns.get('cmp_1')).rejects.toThrow(BadRequestError);
    expect(arrivals).toHaveLength(1);
  });

  it('backs off exponentially when the server gives no Retry-After', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index < 2 ? sendJson(response, 503, {}) : sendJson(response, 200, campaign),
    );
    const started = Date.now();
    await clientFor(url).campaigns.get('cmp_1');
    const elapsed = Date.now() - started;
    expect(arrivals).toHaveLength(3);
    // About 0.5 s then 1 s, each shortened by at most a quarter by jitter.
    expect(elapsed).toBeGreaterThanOrEqual(1100);
  });

  it('honours Retry-After in seconds', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 429, {}, { 'retry-after': '1' }) : sendJson(response, 200, campaign),
    );
    const started = Date.now();
    await clientFor(url).campaigns.get('cmp_1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(arrivals).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0
        ? sendJson(response, 503, {}, { 'retry-after': new Date(Date.now() + 1500).toUTCString() })
        : sendJson(response, 200, campaign),
    );
    const started = Date.now();
    await clientFor(url).campaigns.get('cmp_1');
    // An HTTP date has whole seconds: the wait is between 0.5 s and 1.5 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(arrivals).toHaveLength(2);
  });

  it('gives up at once when Retry-After is beyond the cap, carrying retryAfterMs', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 429, {}, { 'retry-after': '3600' }));
    const error = await clientFor(url)
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect((error as Error).message).toContain('The platform asked to wait 3600 s.');
    expect(arrivals).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('times out each attempt with its own timer, retries, then raises APIConnectionTimeoutError', async () => {
    const { url, arrivals } = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const error = await clientFor(url, { timeoutMs: 100, maxRetries: 1 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain('vox did not answer within 100 ms');
    expect(arrivals).toHaveLength(2);
    // Far below the 30 s default timeout that would apply without the per-attempt timer.
    expect(Date.now() - started).toBeLessThan(10_000);
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
    const { url, arrivals } = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await clientFor(url, { timeoutMs: 5000 })
      .campaigns.get('cmp_1', { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(arrivals).toHaveLength(1);
  });

  it('aborts during the wait between retries', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 503, {}, { 'retry-after': '5' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(clientFor(url).campaigns.get('cmp_1', { signal: controller.signal })).rejects.toThrow(APIUserAbortError);
    // Before the 5 s the platform asked to wait: the abort cut the wait short.
    expect(Date.now() - started).toBeLessThan(4500);
    expect(arrivals).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 200, campaign));
    await expect(clientFor(url).campaigns.get('cmp_1', { signal: AbortSignal.abort() })).rejects.toThrow(APIUserAbortError);
    expect(arrivals).toHaveLength(0);
  });
});
