import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';
import { campaign, clientFor, expectNoKey } from '../helpers/transport-client.js';

const serve = useFaultServer();

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
    const { url, arrivals } = await serve((_request, response) =>
      sendJson(response, status, body, { 'x-request-id': `req_${status}` }),
    );
    const error = await clientFor(url, { maxRetries: 0 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, requestId: `req_${status}`, body, provider: 'vox' });
    expect((error as Error).message).toContain(`vox answered ${status}: code_x: failed with ${status}.`);
    expect(arrivals).toHaveLength(1);
    expectNoKey(error);
  });

  it('says where the key comes from on a 401', async () => {
    const { url } = await serve((_request, response) => sendJson(response, 401, { error: { message: 'bad token' } }));
    await expect(clientFor(url).campaigns.get('cmp_1')).rejects.toThrow(
      'vox answered 401: bad token. Check the API key (options.apiKey or VOX_API_KEY).',
    );
  });
});

describe('connection failures and bodies', () => {
  it('raises APIConnectionError when nothing listens, after the retries', async () => {
    const { url, close } = await serve(() => {});
    await close();
    const error = await clientFor(url, { maxRetries: 1 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expectNoKey(error);
  });

  it('retries a connection reset, then succeeds', async () => {
    const { url, arrivals } = await serve((request, response, index) => {
      if (index === 0) request.socket.destroy();
      else sendJson(response, 200, campaign);
    });
    const result = await clientFor(url).campaigns.get('cmp_1');
    expect(result.name).toBe('Renewals');
    expect(arrivals).toHaveLength(2);
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
