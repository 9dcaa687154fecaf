import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, createClient, InternalServerError, InvalidRequestError, NotFoundError, VoiceplaneError } from '../../src/index.js';
import { json, text, useFaultServer } from '../helpers/fault-server.js';

const apiKey = 'sk_live_HOSTILE_BODIES_0123456789';
const serve = useFaultServer();
// The debug lines read below are whole only once their code has loaded; requests do not wait for it.
const campaign = { id: 'cmp_1', name: 'Renewals', status: 'ongoing', created_at: 1740787200000 };

function capturingLogger() {
  const lines: string[] = [];
  const write = (message: string) => void lines.push(message);
  return { lines, logger: { debug: write, info: write, warn: write, error: write } };
}

/** Every rendering of an error, joined: what a caller could print. */
function renderings(error: unknown): string {
  return [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 20, showHidden: true })].join('\n');
}

describe('credential headers in debug logs', () => {
  const credentialHeaders = [
    'x-api-secret-key',
    'x-hub-signature-256',
    'ocp-apim-subscription-key',
    'x-client-key',
    'private-key',
    'x-access-key',
    'x-auth',
  ];

  it.each(credentialHeaders)('writes %s as [redacted]', async (name) => {
    const { url } = await serve((_request, response) => json(response, 200, campaign));
    const { lines, logger } = capturingLogger();
    const value = 'hdr_value_9f8e7d6c5b4a';
    const client = createClient({ provider: 'vox', apiKey, baseUrl: url, logger, logLevel: 'debug', headers: { [name]: value, 'x-trace': 'trace_1' } });
    await client.campaigns.get('cmp_1');
    const all = lines.join('\n');
    expect(all).toContain(`${name}: [redacted]`);
    expect(all).toContain('x-trace: trace_1');
    expect(all).not.toContain(value);
  });
});

describe('a deeply nested error body', () => {
  const nested = '['.repeat(2000) + ']'.repeat(2000);

  it('keeps the retry of a 503, then succeeds', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0 ? (response.setHeader('retry-after-ms', '0'), text(response, 503, nested, 'application/json')) : json(response, 200, campaign),
    );
    const result = await createClient({ provider: 'vox', apiKey, baseUrl: url }).campaigns.get('cmp_1');
    expect(result.id).toBe('cmp_1');
    expect(arrivals).toHaveLength(2);
  });

  it('ends in InternalServerError after every retry, with the body cut at a bounded depth', async () => {
    const { url, arrivals } = await serve((_request, response) => {
      response.setHeader('retry-after-ms', '0');
      text(response, 503, nested, 'application/json');
    });
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url, maxRetries: 2 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toMatch(/\(3 attempts\)$/);
    expect(arrivals).toHaveLength(3);
    expect(JSON.stringify((error as InternalServerError).body)).toContain('[nested too deep]');
  });
});

describe('a __proto__ key in an error body', () => {
  it('stays an ordinary property of error.body, never its prototype', async () => {
    const { url } = await serve((_request, response) =>
      text(response, 400, '{"message":"bad","__proto__":{"polluted":true,"status":999}}', 'application/json'),
    );
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    const body = (error as BadRequestError).body as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(body.polluted).toBeUndefined();
    expect(Object.keys(body)).toEqual(['message', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toEqual({ polluted: true, status: 999 });
  });
});

describe('the key echoed in another form', () => {
  const oddKey = 'sk_live_Quote"And\\Slash_0123456789';

  it('is removed when echoed JSON-escaped in a body that does not parse', async () => {
    const { url } = await serve((_request, response) =>
      text(response, 400, `{"error": "the key ${JSON.stringify(oddKey).slice(1, -1)} is not valid"`, 'application/json'),
    );
    const error = await createClient({ provider: 'vox', apiKey: oddKey, baseUrl: url })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(renderings(error)).not.toContain(JSON.stringify(oddKey).slice(1, -1));
    expect(renderings(error)).not.toContain(oddKey);
    expect((error as Error).message).toContain('[redacted]');
  });

  it('is removed when echoed URL-encoded in a request id', async () => {
    const { url } = await serve((_request, response) =>
      json(response, 404, { message: 'no such campaign' }, { 'x-request-id': `req_${encodeURIComponent(oddKey)}` }),
    );
    const error = await createClient({ provider: 'vox', apiKey: oddKey, baseUrl: url })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toBe('req_[redacted]');
    expect(renderings(error)).not.toContain(encodeURIComponent(oddKey));
  });

  it('is removed when lower-cased in the host of a refused redirect', async () => {
    const upperKey = 'SK_LIVE_UPPER_CASE_KEY_0123456789';
    const { url } = await serve((_request, response) => {
      response.writeHead(302, { location: `http://${upperKey}.example.test/steal` });
      response.end();
    });
    const { lines, logger } = capturingLogger();
    const error = await createClient({ provider: 'vox', apiKey: upperKey, baseUrl: url, logger, logLevel: 'debug' })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VoiceplaneError);
    expect((error as Error).message).toContain('another origin');
    for (const shown of [renderings(error), lines.join('\n')]) {
      expect(shown.toLowerCase()).not.toContain(upperKey.toLowerCase());
    }
  });
});

describe('the key passed in the wrong option', () => {
  it.each([
    ['baseUrl', { baseUrl: apiKey }],
    ['a header name', { headers: { [`${apiKey}:`]: 'x' } }],
  ])('is described, not quoted, when given as %s', (_name, options) => {
    let caught: unknown;
    try {
      createClient({ provider: 'vox', apiKey: 'unused_key_abc', ...options } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidRequestError);
    expect(renderings(caught)).not.toContain(apiKey);
    expect((caught as Error).message).toContain('not shown: it looks like a key');
  });

  it('is described, not quoted, when given as defaultCountry', async () => {
    const { createHub } = await import('../../src/index.js');
    let caught: unknown;
    try {
      createHub({ vox: { apiKey: 'unused_key_abc' } }, { defaultCountry: apiKey });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidRequestError);
    expect(renderings(caught)).not.toContain(apiKey);
  });

  it('still quotes a value that cannot be a key', () => {
    expect(() => createClient({ provider: 'vox', apiKey: 'unused_key_abc', baseUrl: 'api.example.com' })).toThrow(
      /baseUrl "api\.example\.com" is not a valid URL/,
    );
  });
});
