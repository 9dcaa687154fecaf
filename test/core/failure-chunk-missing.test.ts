import { describe, expect, it, vi } from 'vitest';
import {
  APIError,
  AuthenticationError,
  createClient,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
} from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';
import { apiKey, campaign, clientFor, expectNoKey } from '../helpers/transport-client.js';
import { failureOf, useSandbox } from '../testing/use-sandbox.js';

// The reading of a failed answer is a chunk loaded at the first one (interpret-response.ts). Should it
// fail to load (an install missing files), an error status is still the error of its status, with
// `status` and the request id, retried and paced as ever; only its message says less. A 2xx answer
// that cannot be read is a ResponseValidationError, and the request is not repeated.

vi.mock('../../src/core/transport/failed-response.js', () => {
  throw new Error('Cannot find module failed-response.js');
});

const sandbox = useSandbox();
const serve = useFaultServer();

describe('a failed answer whose reading code cannot be loaded', () => {
  it('is still the error of its status: a 404 is a NotFoundError with its status, after one request', async () => {
    const vox = createClient({ ...sandbox().clientOptions('vox'), maxRetries: 2 });
    const failure = await failureOf(vox.phoneNumbers.get('no-such-number'));
    expect(failure).toBeInstanceOf(NotFoundError);
    expect(failure).toMatchObject({ provider: 'vox', status: 404 });
    // The loader's own error is quoted (vitest words it around the factory's).
    expect((failure as Error).message).toMatch(
      /^vox answered 404; the SDK could not load the code that reads the answer \(.+\)\. Check that the voiceplane package is installed completely\. \(request id sandbox-\d+\)$/,
    );
    expect(sandbox().requests).toHaveLength(1);
  });

  it('is an AuthenticationError for a 401, with the request id and without the key', async () => {
    const { url, arrivals } = await serve((_request, response) =>
      sendJson(response, 401, { error: `bad key ${apiKey}` }, { 'x-request-id': `req_${apiKey}_9` }),
    );
    const failure = await failureOf(clientFor(url).campaigns.get('cmp_1'));
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(failure).toMatchObject({ status: 401, requestId: 'req_[redacted]_9' });
    expect((failure as Error).message).toMatch(/\(request id req_\[redacted\]_9\)$/);
    expectNoKey(failure);
    expect(arrivals).toHaveLength(1);
  });

  it('retries a GET answered 503, once, and returns the answer that follows', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 503, {}) : sendJson(response, 200, campaign),
    );
    expect((await clientFor(url, { maxRetries: 2 }).campaigns.get('cmp_1')).id).toBe('cmp_1');
    expect(arrivals).toHaveLength(2);
  });

  it('gives up on a GET answered 503 every time as an InternalServerError after every attempt', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 503, {}));
    const failure = await failureOf(clientFor(url, { maxRetries: 1 }).campaigns.get('cmp_1'));
    expect(failure).toBeInstanceOf(InternalServerError);
    expect(failure).toMatchObject({ status: 503 });
    expect(arrivals).toHaveLength(2);
  });

  it('pauses the client on a 429, a RateLimitError while it lasts, and retries', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 429, {}) : sendJson(response, 200, campaign),
    );
    const client = clientFor(url, { maxRetries: 0 });
    const failure = await failureOf(client.campaigns.get('cmp_1'));
    expect(failure).toBeInstanceOf(RateLimitError);
    expect(failure).toMatchObject({ status: 429, retryAfterMs: null });
    // The pacer holds the next request back for the backoff's wait (at least 375 ms for a first retry).
    const started = performance.now();
    await client.campaigns.get('cmp_1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(arrivals).toHaveLength(2);
  });

  it('keeps an APIError for a status without a class of its own, not retried', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 418, {}));
    const failure = await failureOf(clientFor(url).campaigns.get('cmp_1'));
    expect(failure).toBeInstanceOf(APIError);
    expect(failure).toMatchObject({ status: 418 });
    expect(arrivals).toHaveLength(1);
  });

  it('is a ResponseValidationError for a 2xx body that is not JSON, after one request', async () => {
    const { url, arrivals } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>a proxy page</html>');
    });
    const failure = await failureOf(clientFor(url, { maxRetries: 2 }).campaigns.get('cmp_1'));
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect((failure as Error).message).toMatch(/^vox answered, but the answer could not be read \(Error: .+\)\. Report it with the request id if there is one\.$/);
    expect(arrivals).toHaveLength(1);
  });
});
