import { describe, expect, it, vi } from 'vitest';
import { createClient, InvalidRequestError, UnsupportedOperationError, type Client } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { apiKey, base, failureOf, generic, serve, useCleanGenericEnvironment } from '../helpers/generic.js';
import { http, HttpResponse, requests, server, useMsw } from '../helpers/msw.js';

useMsw();
useCleanGenericEnvironment();

describe('generic client options', () => {
  it('refuses a client with no organization id (option and environment both absent), naming both', () => {
    const create = () => createClient({ provider: 'generic', apiKey, baseUrl: base });
    expect(create).toThrow(InvalidRequestError);
    expect(create).toThrow(
      'generic: no organization id. Pass organizationId to createClient, or set GENERIC_ORGANIZATION_ID; ' +
        'the platform needs it in the X-Organization-Id header of every request.',
    );
    expect(requests).toHaveLength(0);
  });

  it.each(['', '   '])('refuses the empty organization id %j', (organizationId) => {
    vi.stubEnv('GENERIC_ORGANIZATION_ID', 'org_env');
    expect(() => createClient({ provider: 'generic', apiKey, baseUrl: base, organizationId })).toThrow(
      /no organization id\. Pass organizationId to createClient, or set GENERIC_ORGANIZATION_ID/,
    );
  });

  it('refuses an organization id a header cannot carry', () => {
    expect(() => createClient({ provider: 'generic', apiKey, baseUrl: base, organizationId: 'org\r\n42' })).toThrow(
      /holds characters a header cannot carry/,
    );
  });

  it('reads the key, base URL and organization id from the environment', async () => {
    vi.stubEnv('GENERIC_API_KEY', 'gen_env_key_456');
    vi.stubEnv('GENERIC_BASE_URL', 'https://numbers.example.org/v1/');
    vi.stubEnv('GENERIC_ORGANIZATION_ID', 'org_env');
    server.use(http.get('https://numbers.example.org/v1/api/phone-numbers', () => HttpResponse.json(fixture('generic', 'phone-numbers'))));
    const client = createClient({ provider: 'generic' } as Parameters<typeof createClient>[0]);
    await client.phoneNumbers.list!();
    expect(requests[0]!.url).toBe('https://numbers.example.org/v1/api/phone-numbers');
    expect(requests[0]!.headers.get('x-api-key')).toBe('gen_env_key_456');
    expect(requests[0]!.headers.get('x-organization-id')).toBe('org_env');
  });

  it('prefers the organizationId option to the environment', async () => {
    vi.stubEnv('GENERIC_ORGANIZATION_ID', 'org_env');
    serve(fixture('generic', 'phone-numbers'));
    await generic().phoneNumbers.list();
    expect(requests[0]!.headers.get('x-organization-id')).toBe('org_42');
  });

  it('refuses a client without baseUrl, naming GENERIC_BASE_URL', () => {
    const create = () => createClient({ provider: 'generic', apiKey, organizationId: 'org_42' } as never);
    expect(create).toThrow(InvalidRequestError);
    expect(create).toThrow(/generic: baseUrl is required .* Pass baseUrl to createClient, or set GENERIC_BASE_URL\./);
  });

  it('refuses a plain http base URL to a non-loopback host', () => {
    expect(() => createClient({ provider: 'generic', apiKey, baseUrl: 'http://api.example.com', organizationId: 'org_42' })).toThrow(
      /plain http:\/\/, which would send the API key in clear text/,
    );
  });

  it('refuses a list without a key before any request, naming GENERIC_API_KEY', async () => {
    serve(fixture('generic', 'phone-numbers'));
    const client = createClient({ provider: 'generic', baseUrl: base, organizationId: 'org_42' });
    const error = await failureOf(client.phoneNumbers.list());
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe('generic: no API key. Pass apiKey to createClient, or set GENERIC_API_KEY.');
    expect(requests).toHaveLength(0);
  });
});

describe('generic supported operations', () => {
  it('answers supports() at run time: only phoneNumbers.list', () => {
    const client = generic();
    expect(client.provider).toBe('generic');
    expect(client.supports('phoneNumbers.list')).toBe(true);
    for (const operation of [
      'phoneNumbers.get',
      'phoneNumbers.create',
      'phoneNumbers.update',
      'phoneNumbers.delete',
      'phoneNumbers.listByAgent',
      'campaigns.get',
      'campaigns.list',
    ] as const) {
      expect(client.supports(operation)).toBe(false);
    }
  });

  it('rejects every other operation through the neutral Client with UnsupportedOperationError, sending nothing', async () => {
    const client: Client = createClient({
      provider: 'generic',
      apiKey,
      baseUrl: base,
      organizationId: 'org_42',
    } as Parameters<typeof createClient>[0]);
    const attempts: [string, PromiseLike<unknown>][] = [
      ['phoneNumbers.get', client.phoneNumbers.get!('phon_a1b2c3d4e5f6')],
      ['phoneNumbers.create', client.phoneNumbers.create!({ number: '+15551234567', agentId: 'agent_1' })],
      ['phoneNumbers.update', client.phoneNumbers.update!('phon_a1b2c3d4e5f6', { agentId: null })],
      ['phoneNumbers.delete', client.phoneNumbers.delete!('phon_a1b2c3d4e5f6')],
      ['phoneNumbers.listByAgent', client.phoneNumbers.listByAgent!('agent_1')],
      ['campaigns.get', client.campaigns.get!('cmp_1')],
      ['campaigns.list', client.campaigns.list!()],
    ];
    for (const [operation, attempt] of attempts) {
      const error = await failureOf(attempt);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect(error).toMatchObject({ operation, provider: 'generic' });
      expect((error as Error).message).toBe(
        `generic does not offer ${operation}; nothing was sent. Check client.supports('${operation}') first. generic offers: phoneNumbers.list.`,
      );
    }
    expect(requests).toHaveLength(0);
  });

  it('gives the typed generic client only phoneNumbers.list', () => {
    const client = generic();
    // @ts-expect-error generic has no get
    void client.phoneNumbers.get;
    // @ts-expect-error generic has no campaigns: the resource object is there, empty
    void client.campaigns.list;
    expect(typeof client.phoneNumbers.list).toBe('function');
  });
});
