import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, InvalidRequestError, UnsupportedOperationError, type Client } from '../src/index.js';
import { http, HttpResponse, requests, server, useMsw } from './helpers/msw.js';

useMsw();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createClient', () => {
  it('refuses an unknown provider, naming the ones there are', () => {
    expect(() => createClient({ provider: 'twilio' } as never)).toThrow(InvalidRequestError);
    expect(() => createClient({ provider: 'twilio' } as never)).toThrow(/unknown provider "twilio"; use one of vox/);
  });

  it('refuses an unknown option instead of ignoring it', () => {
    expect(() => createClient({ provider: 'vox', apikey: 'x' } as never)).toThrow(/unknown option "apikey"/);
  });

  it('refuses plain http to a non-loopback host, and allows it on loopback', () => {
    expect(() => createClient({ provider: 'vox', apiKey: 'k', baseUrl: 'http://api.example.com' })).toThrow(
      /plain http:\/\/, which would send the API key in clear text/,
    );
    expect(() => createClient({ provider: 'vox', apiKey: 'k', baseUrl: 'http://127.0.0.1:3000' })).not.toThrow();
    expect(() => createClient({ provider: 'vox', apiKey: 'k', baseUrl: 'http://localhost:3000' })).not.toThrow();
    expect(() => createClient({ provider: 'vox', apiKey: 'k', baseUrl: 'not a url' })).toThrow(/not a valid URL/);
  });

  it('reads the key from the environment at the first request, not before', async () => {
    vi.stubEnv('VOX_API_KEY', '');
    const client = createClient({ provider: 'vox' });
    vi.stubEnv('VOX_API_KEY', 'from_env_key');
    server.use(http.get('https://client-api.tryvox.co/v3/campaigns/:id', () => HttpResponse.json({ id: 'c', name: 'n' })));
    await client.campaigns.get('c');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer from_env_key');
  });

  it('names the environment variable when there is no key, before any request', async () => {
    vi.stubEnv('VOX_API_KEY', '');
    const error = await createClient({ provider: 'vox' })
      .campaigns.get('c')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe('vox: no API key. Pass apiKey to createClient, or set VOX_API_KEY.');
    expect(requests).toHaveLength(0);
  });

  it('takes the base URL from the environment when no option is given', async () => {
    vi.stubEnv('VOX_BASE_URL', 'https://vox.test/');
    server.use(http.get('https://vox.test/v3/campaigns/:id', () => HttpResponse.json({ id: 'c', name: 'n' })));
    await createClient({ provider: 'vox', apiKey: 'k' }).campaigns.get('c');
    expect(requests[0]!.url).toBe('https://vox.test/v3/campaigns/c');
  });

  it('sends extra headers, but never lets them replace the auth header', async () => {
    server.use(http.get('https://client-api.tryvox.co/v3/campaigns/:id', () => HttpResponse.json({ id: 'c', name: 'n' })));
    await createClient({ provider: 'vox', apiKey: 'k', headers: { 'x-team': 'ops', authorization: 'Bearer other' } }).campaigns.get(
      'c',
    );
    expect(requests[0]!.headers.get('x-team')).toBe('ops');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer k');
  });
});

describe('supported operations', () => {
  it('answers supports() at run time', () => {
    const vox = createClient({ provider: 'vox', apiKey: 'k' });
    expect(vox.provider).toBe('vox');
    expect(vox.supports('phoneNumbers.list')).toBe(true);
    expect(vox.supports('campaigns.get')).toBe(true);
    expect(vox.supports('phoneNumbers.create')).toBe(false);
    expect(vox.supports('campaigns.list')).toBe(true);
    expect(vox.supports('phoneNumbers.delete')).toBe(false);
    expect(createClient({ provider: 'vogent', apiKey: 'k' }).supports('campaigns.cancel')).toBe(false);
  });

  it('rejects an operation the provider lacks with UnsupportedOperationError, sending nothing', async () => {
    const client: Client = createClient({ provider: 'vox', apiKey: 'k' } as Parameters<typeof createClient>[0]);
    const attempts = [
      client.phoneNumbers.create!({ number: '0212345678', agentId: 'a' }),
      client.phoneNumbers.delete!('n'),
      client.phoneNumbers.listByAgent!('a'),
    ];
    for (const attempt of attempts) {
      const error = await Promise.resolve(attempt).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect((error as Error).message).toMatch(/^vox does not offer \w+\.\w+; nothing was sent/);
    }
    expect(requests).toHaveLength(0);
  });

  it('gives the typed vox client only the operations vox has', () => {
    const vox = createClient({ provider: 'vox', apiKey: 'k' });
    // @ts-expect-error vox has no create
    expect(typeof vox.phoneNumbers.create).toBe('function');
    // @ts-expect-error vox has no number delete
    void vox.phoneNumbers.delete;
    void vox.campaigns.cancel;
    const vogent = createClient({ provider: 'vogent', apiKey: 'k' });
    // @ts-expect-error Vogent cannot cancel a batch dial job
    void vogent.campaigns.cancel;
    void vogent.campaigns.pause;
  });
});

describe('auth headers', () => {
  it('wins over an extra header of the same name in another letter case', async () => {
    server.use(http.get('https://client-api.tryvox.co/v3/campaigns/:id', () => HttpResponse.json({ id: 'c', name: 'n' })));
    await createClient({ provider: 'vox', apiKey: 'real_key', headers: { Authorization: 'Bearer other' } }).campaigns.get('c');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer real_key');
  });
});

describe('error messages', () => {
  it('end a platform message that has its own full stop with one full stop', async () => {
    server.use(
      http.get('https://client-api.tryvox.co/v3/campaigns/:id', () =>
        HttpResponse.json({ error: { message: 'No campaign in this organization.' } }, { status: 404 }),
      ),
    );
    await expect(createClient({ provider: 'vox', apiKey: 'k' }).campaigns.get('c')).rejects.toThrow(
      'vox answered 404: No campaign in this organization. Check the id',
    );
  });
});
