import { describe, expect, it } from 'vitest';
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  createClient,
  InternalServerError,
  InvalidRequestError,
  RateLimitError,
  ResponseValidationError,
  type Limiter,
  type Release,
} from '../../src/index.js';
import { isCredentialName, loggableHeaders } from '../../src/core/transport/log-lines.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';

const apiKey = 'KY_TRANSPORT_SECRET_0123456789';
const serve = useFaultServer();
const campaign = { id: 'cmp_1', name: 'Renewals', status: 'ongoing' };
const fromWire = { id: 'num-1', number: '07012345678', provider: 'vox', status: 'active', inbound_agent: null, outbound_agent: null };
const createInput = { name: 'Renewal reminder', agentId: 'agent-7', fromNumberId: 'num-1', recipients: [{ number: '+821098765432' }] };

describe('a write whose outcome is unknown', () => {
  it('says a POST answered 500 may have taken effect and how to check, never to try again later, and sends it once', async () => {
    const { url, arrivals } = await serve((request, response) =>
      request.method === 'GET'
        ? sendJson(response, 200, fromWire)
        : sendJson(response, 500, { error: { message: 'boom' } }, { 'x-request-id': 'req_500', 'retry-after-ms': '0' }),
    );
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url, maxRetries: 3 })
      .campaigns.create(createInput)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    const message = (error as Error).message;
    expect(message).toContain('The POST /v3/campaigns was sent once and not repeated, and may have taken effect: check whether it did (campaigns.list()');
    expect(message).toContain('(request id req_500)');
    expect(message).not.toContain('try again later');
    expect(arrivals.filter((arrival) => arrival.method === 'POST')).toHaveLength(1);
  });

  it('says a 2xx create whose body cannot be read may have created the campaign, and names it in campaignId', async () => {
    const { url, arrivals } = await serve((request, response) =>
      request.method === 'GET' ? sendJson(response, 200, fromWire) : sendJson(response, 201, { id: 'cmp-9', name: 42 }, { 'x-request-id': 'req_201' }),
    );
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url })
      .campaigns.create(createInput)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ campaignId: 'cmp-9' });
    expect((error as Error).message).toContain('may have taken effect');
    expect((error as Error).message).toContain('(request id req_201)');
    expect(arrivals.filter((arrival) => arrival.method === 'POST')).toHaveLength(1);
  });

  it('leaves a 4xx refusal of a write as it is: nothing was done', async () => {
    const { url } = await serve((request, response) =>
      request.method === 'GET' ? sendJson(response, 200, fromWire) : sendJson(response, 422, { error: { message: 'bad agent' } }),
    );
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url })
      .campaigns.create(createInput)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).not.toContain('may have taken effect');
  });
});

describe('a custom fetch', () => {
  it('gets each attempt its own signal, aborted once the attempt ended, so nothing it listens with outlives the request', async () => {
    const { url } = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 503, {}, { 'retry-after-ms': '0' }) : sendJson(response, 200, campaign),
    );
    const signals: AbortSignal[] = [];
    const fetch = (input: string, init: { signal: AbortSignal }) => {
      signals.push(init.signal);
      return globalThis.fetch(input, init as RequestInit);
    };
    const result = await createClient({ provider: 'vox', apiKey, baseUrl: url, fetch }).campaigns.get('cmp_1');
    expect(result.id).toBe('cmp_1');
    expect(signals).toHaveLength(2);
    expect(signals[0]).not.toBe(signals[1]);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });
});

describe('the limiter option', () => {
  it('is asked before every attempt, released after each, and told of a 429 with the wait asked for', async () => {
    const { url } = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 429, {}, { 'retry-after-ms': '15' }) : sendJson(response, 200, campaign),
    );
    const events: string[] = [];
    const limiter: Limiter = {
      acquire: async () => {
        events.push('acquire');
        const release: Release = () => events.push('release');
        return release;
      },
      rateLimited: (waitMs) => events.push(`rateLimited ${waitMs}`),
      answered: () => events.push('answered'),
    };
    await createClient({ provider: 'vox', apiKey, baseUrl: url, limiter }).campaigns.get('cmp_1');
    expect(events).toEqual(['acquire', 'rateLimited 15', 'release', 'acquire', 'answered', 'release']);
  });

  it('raises the 429 when the wait asked for is beyond the cap, after one attempt', async () => {
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 429, {}, { 'retry-after': '3600' }));
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(arrivals).toHaveLength(1);
  });

  it('is refused when it lacks a method, or beside requestsPerSecond', () => {
    expect(() => createClient({ provider: 'vox', apiKey, limiter: { acquire: async () => () => {} } as never })).toThrow(InvalidRequestError);
    const limiter: Limiter = { acquire: async () => () => {}, rateLimited: () => {}, answered: () => {} };
    expect(() => createClient({ provider: 'vox', apiKey, limiter, requestsPerSecond: 5 })).toThrow(/limiter replaces requestsPerSecond/);
  });
});

describe('credential names in log lines', () => {
  it.each(['x-jwt-assertion', 'DPoP', 'x-hmac-sha256', 'x-bearer', 'x-passphrase', 'private-token', 'x-private-id', 'x-client-secret', 'x-signature-v2'])(
    'hides %s',
    (name) => {
      expect(isCredentialName(name)).toBe(true);
      expect(loggableHeaders({ [name]: 'value_to_hide' }, [])).toBe(`${name}: [redacted]`);
    },
  );

  it('keeps ordinary headers readable', () => {
    expect(loggableHeaders({ accept: 'application/json', 'x-trace': 'trace_1', 'idempotency-key': 'k1' }, [])).toBe(
      'accept: application/json, x-trace: trace_1, idempotency-key: k1',
    );
  });
});

describe('a body that never ends, from a fetch that ignores its signal', () => {
  /** A fetch that never looks at `init.signal`: answers 200 after `delayMs`, with a body that never ends. Counts what cancelled it. */
  function endlessFetch(delayMs: number) {
    const cancelled: unknown[] = [];
    const fetch = async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":"cmp_1",'));
        },
        cancel(reason) {
          cancelled.push(reason);
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return { fetch, cancelled };
  }
  const client = (fetch: () => Promise<Response>, timeoutMs: number) =>
    createClient({ provider: 'vox', apiKey, baseUrl: 'https://vox.invalid', fetch, timeoutMs, maxRetries: 0 });

  it("is cancelled by the attempt's timer while it is read", async () => {
    const { fetch, cancelled } = endlessFetch(0);
    const started = performance.now();
    const error = await client(fetch, 150).campaigns.get('cmp_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(cancelled).toHaveLength(1);
  });

  it('is cancelled at once when the timer fired before the answer came', async () => {
    const { fetch, cancelled } = endlessFetch(250);
    const error = await client(fetch, 100).campaigns.get('cmp_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(cancelled).toHaveLength(1);
  });

  it("is cancelled by the caller's abort while it is read", async () => {
    const { fetch, cancelled } = endlessFetch(0);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await client(fetch, 60_000).campaigns.get('cmp_1', { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(cancelled).toHaveLength(1);
  });
});
