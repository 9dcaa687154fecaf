import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { APIError, BadRequestError, InvalidRequestError, ResponseValidationError } from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';
import { apiKey, campaign, clientFor, expectNoKey, transportFor } from '../helpers/transport-client.js';

const serve = useFaultServer();

describe('redirects and keys', () => {
  it('follows a same-origin redirect with the key', async () => {
    const { url, arrivals } = await serve((request, response) => {
      if (request.url === '/v3/campaigns/old') {
        response.writeHead(307, { location: '/v3/campaigns/cmp_1' });
        response.end();
      } else sendJson(response, 200, campaign);
    });
    const result = await clientFor(url).campaigns.get('old');
    expect(result.id).toBe('cmp_1');
    expect(arrivals.map((arrival) => [arrival.url, arrival.headers.authorization])).toEqual([
      ['/v3/campaigns/old', `Bearer ${apiKey}`],
      ['/v3/campaigns/cmp_1', `Bearer ${apiKey}`],
    ]);
  });

  it('refuses a redirect to another origin, which never sees the key', async () => {
    const other = await serve((_request, response) => sendJson(response, 200, campaign));
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
    expect(other.arrivals).toHaveLength(0);
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
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 200, campaign));
    await expect(clientFor(url).campaigns.get('cmp_1', { [name]: -1 })).rejects.toThrow(InvalidRequestError);
    expect(arrivals).toHaveLength(0);
  });
});

describe('failures inside the SDK still reach the caller as a VoiceplaneError', () => {
  const oddEnvelope = { error: { message: 'bad value', allowed_values: [{ toString: 1 }] } };

  it('keeps the status and the body when the error reader throws on an odd envelope', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 400, oddEnvelope));
    const transport = transportFor(url, {
      errorDetail: (body) => String((body as typeof oddEnvelope).error.allowed_values[0]),
    });
    const error = await transport.request({ method: 'GET', path: '/v3/campaigns/cmp_1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, body: oddEnvelope, provider: 'vox' });
    expect((error as Error).message).toBe('vox answered 400: Bad Request. Check the parameters sent.');
    expect(arrivals).toHaveLength(1);
  });

  it('raises ResponseValidationError when a 2xx answer cannot be read, key removed', async () => {
    const { url } = await serve((_request, response) => sendJson(response, 200, { success: false }));
    const transport = transportFor(url, {
      reportedFailure: {
        matches: () => {
          throw new TypeError(`cannot read the report of ${apiKey}`);
        },
        advice: 'Check the parameters.',
      },
    });
    const error = await transport.request({ method: 'GET', path: '/v3/campaigns/cmp_1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('vox answered, but the answer could not be read (TypeError: cannot read the report of [redacted])');
    expectNoKey(error);
  });

  it('refuses a body that cannot be JSON (a BigInt) before anything is sent', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 201, campaign));
    const error = await transportFor(url)
      .request({ method: 'POST', path: '/v3/campaigns', body: { count: 10n } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(
      'vox: the request could not be prepared (TypeError: Do not know how to serialize a BigInt); nothing was sent. Check the values passed.',
    );
    expect(arrivals).toHaveLength(0);
  });

  it('turns any other thrown value into an InvalidRequestError with the key removed, when nothing was sent', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 200, campaign));
    const transport = transportFor(url, {
      authHeaders: (key) => {
        throw new TypeError(`cannot build a header from ${key}`);
      },
    });
    const error = await transport.request({ method: 'GET', path: '/v3/campaigns/cmp_1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(
      'vox: the request could not be prepared (TypeError: cannot build a header from [redacted]); nothing was sent. Check the values passed.',
    );
    expect(inspect((error as Error).cause)).toContain('cannot build a header from [redacted]');
    expectNoKey(error);
    expect(arrivals).toHaveLength(0);
  });
});
