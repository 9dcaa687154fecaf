import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APIError,
  AuthenticationError,
  createClient,
  InvalidRequestError,
  RateLimitError,
  ResponseValidationError,
  UnsupportedOperationError,
  type Client,
  type GenericPhoneNumberListParams,
  type PhoneNumber,
} from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';

useMsw();

const base = 'https://api.example.com';
const numbersUrl = `${base}/api/phone-numbers`;
const apiKey = 'gen_test_key_123';
const generic = (options: { maxRetries?: number } = {}) =>
  createClient({ provider: 'generic', apiKey, baseUrl: base, organizationId: 'org_42', ...options });

type Envelope = { data: Record<string, unknown>[]; pagination: Record<string, unknown> };

// The developer's own environment must not answer for an option a test leaves out.
beforeEach(() => {
  vi.stubEnv('GENERIC_API_KEY', undefined);
  vi.stubEnv('GENERIC_BASE_URL', undefined);
  vi.stubEnv('GENERIC_ORGANIZATION_ID', undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function serve(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  server.use(http.get(numbersUrl, () => HttpResponse.json(body as Record<string, unknown>, init)));
}

const secondCursor = 'cur_eyJhZnRlciI6InBob25fYzNkNCJ9';

function serveAssignedPages() {
  server.use(
    http.get(numbersUrl, ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return HttpResponse.json(
        fixture('generic', cursor === secondCursor ? 'phone-numbers-assigned-page-2' : 'phone-numbers-assigned-page-1'),
      );
    }),
  );
}

async function failureOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (caught) {
    return caught;
  }
  throw new Error('expected a failure');
}

describe('generic phoneNumbers.list', () => {
  it('sends a GET with both headers and no Authorization, and maps every field of the seed example', async () => {
    serve(fixture('generic', 'phone-numbers'));
    const page = await generic().phoneNumbers.list();

    expect(requests).toHaveLength(1);
    const sent = requests[0]!;
    expect(sent.method).toBe('GET');
    expect(sent.url).toBe(numbersUrl);
    expect(sent.headers.get('x-api-key')).toBe(apiKey);
    expect(sent.headers.get('x-organization-id')).toBe('org_42');
    expect(sent.headers.has('authorization')).toBe(false);
    expect(sent.headers.get('accept')).toBe('application/json');

    const wire = fixture<Envelope>('generic', 'phone-numbers');
    expect(page.items).toEqual<PhoneNumber<'generic'>[]>([
      {
        provider: 'generic',
        id: 'phon_a1b2c3d4e5f6',
        number: '+15551234567',
        e164: '+15551234567',
        status: { unified: 'active', raw: 'assigned' },
        agentId: 'agent_b2c3d4e5f6a7',
        outboundAgentId: null,
        label: null,
        type: 'pstn',
        carrier: 'twilio',
        inbound: true,
        outbound: true,
        createdAt: new Date('2024-01-15T10:30:00Z'),
        updatedAt: null,
        raw: wire.data[0]!,
      },
      {
        provider: 'generic',
        id: 'phon_b2c3d4e5f6a7',
        number: '+15559876543',
        e164: '+15559876543',
        status: { unified: 'inactive', raw: 'free' },
        agentId: null,
        outboundAgentId: null,
        label: null,
        type: 'sip',
        carrier: 'sip',
        inbound: true,
        outbound: true,
        createdAt: new Date('2024-01-10T09:00:00Z'),
        updatedAt: null,
        raw: wire.data[1]!,
      },
    ]);
    expect(page.totalCount).toBe(2);
    expect(page.hasMore).toBe(false);
    expect(page.nextCursor).toBeNull();
    expect(await page.nextPage()).toBeNull();
    expect(requests).toHaveLength(1);
  });

  it('maps supports_outbound false, an unknown carrier and an unknown status without losing raw', async () => {
    const body = fixture<Envelope>('generic', 'phone-numbers');
    Object.assign(body.data[0]!, { supports_outbound: false, provider: 'vonage', status: 'porting' });
    serve(body);
    const [number] = (await generic().phoneNumbers.list()).items;
    expect(number).toMatchObject({
      outbound: false,
      carrier: 'vonage',
      type: null,
      status: { unified: 'unknown', raw: 'porting' },
    });
    expect(number!.raw).toEqual(body.data[0]);
  });

  it('pages to the last page with for await, carrying the assigned filter and limit forward', async () => {
    serveAssignedPages();
    const ids: string[] = [];
    for await (const number of generic().phoneNumbers.list({ assigned: true, limit: 2 })) ids.push(number.id);

    expect(ids).toEqual(['phon_a1b2c3d4e5f6', 'phon_c3d4e5f6a7b8', 'phon_d4e5f6a7b8c9']);
    const filters = { status: ['assigned'], limit: ['2'] };
    expect(requests.map(queryOf)).toEqual([filters, { ...filters, cursor: [secondCursor] }]);
    expect(requests.every((request) => request.headers.get('x-organization-id') === 'org_42')).toBe(true);
  });

  it('reports the cursor, hasMore and totalCount of a page that has more', async () => {
    serveAssignedPages();
    const first = await generic().phoneNumbers.list({ assigned: true });
    expect(first).toMatchObject({ nextCursor: secondCursor, hasMore: true, totalCount: 3 });
    const second = await first.nextPage();
    expect(second).toMatchObject({ nextCursor: null, hasMore: false, totalCount: 3 });
    expect(second!.items.map((number) => number.id)).toEqual(['phon_d4e5f6a7b8c9']);
    expect(queryOf(requests[1]!)).toEqual({ status: ['assigned'], cursor: [secondCursor] });
  });

  it('stops when has_more is false even though next_cursor is set', async () => {
    const body = fixture<Envelope>('generic', 'phone-numbers');
    body.pagination.next_cursor = 'cur_stale';
    serve(body);
    const ids: string[] = [];
    for await (const number of generic().phoneNumbers.list()) ids.push(number.id);
    expect(ids).toEqual(['phon_a1b2c3d4e5f6', 'phon_b2c3d4e5f6a7']);
    expect(requests).toHaveLength(1);
    const page = await generic().phoneNumbers.list();
    expect(page.nextCursor).toBeNull();
    expect(page.hasMore).toBe(false);
  });

  it('stops when next_cursor is null even though has_more is true', async () => {
    const body = fixture<Envelope>('generic', 'phone-numbers');
    body.pagination.has_more = true;
    serve(body);
    const ids: string[] = [];
    for await (const number of generic().phoneNumbers.list()) ids.push(number.id);
    expect(ids).toHaveLength(2);
    expect(requests).toHaveLength(1);
  });

  it.each<[GenericPhoneNumberListParams, Record<string, string[]>]>([
    [{ assigned: false }, { status: ['free'] }],
    [{ status: 'active' }, { status: ['assigned'] }],
    [{ status: 'inactive' }, { status: ['free'] }],
    [{ status: ['active', 'inactive'] }, {}],
    [{ assigned: true, status: 'active' }, { status: ['assigned'] }],
    [{ assigned: false, status: ['active', 'inactive'] }, { status: ['free'] }],
    [{ cursor: 'cur_from_before', limit: 100 }, { limit: ['100'], cursor: ['cur_from_before'] }],
  ])('sends %j as the query %j', async (params, query) => {
    serve(fixture('generic', 'phone-numbers'));
    await generic().phoneNumbers.list(params);
    expect(queryOf(requests[0]!)).toEqual(query);
  });

  it.each([
    [{ limit: 101 }, /limit must be from 1 to 100 \(got 101\)/],
    [{ limit: 0 }, /limit must be a whole number of 1 or more/],
    [{ limit: 1.5 }, /limit must be a whole number/],
    [{ status: 'pending' }, /status "pending" cannot be expressed: numbers here are either active .* or inactive/],
    [{ status: ['active', 'canceling'] }, /status "canceling" cannot be expressed/],
    [{ assigned: true, status: 'inactive' }, /assigned: true contradicts status inactive: assigned numbers are active\. Drop one of the two\./],
    [{ assigned: false, status: ['active'] }, /assigned: false contradicts status active: free numbers are inactive/],
    [{ assigned: 'yes' }, /assigned must be true or false \(got "yes"\)/],
    [{ carrier: 'twilio' }, /does not take the parameter "carrier"; it takes limit, cursor, status, assigned/],
  ])('refuses %j before any request', async (params, message) => {
    serve(fixture('generic', 'phone-numbers'));
    const error = await failureOf(generic().phoneNumbers.list(params as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });
});

describe('generic errors', () => {
  it('turns a 401 with { error: { code, message } } into AuthenticationError with the platform message', async () => {
    serve(fixture('generic', 'error-unauthorized'), { status: 401, headers: { 'x-request-id': 'req_7' } });
    const error = await failureOf(generic().phoneNumbers.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, requestId: 'req_7', provider: 'generic', body: fixture('generic', 'error-unauthorized') });
    expect((error as Error).message).toBe(
      'generic answered 401: UNAUTHORIZED: Invalid or missing API key. Check the API key (options.apiKey or GENERIC_API_KEY). (request id req_7)',
    );
    expect((error as Error).message).not.toContain(apiKey);
    expect(requests).toHaveLength(1);
  });

  it('turns a 429 with { message } into RateLimitError with retryAfterMs from Retry-After', async () => {
    serve(fixture('generic', 'error-rate-limited'), { status: 429, headers: { 'retry-after': '3' } });
    const error = await failureOf(generic({ maxRetries: 0 }).phoneNumbers.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3000 });
    expect((error as Error).message).toContain(
      'generic answered 429: Rate limit exceeded: 10 requests per second on your plan.',
    );
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['error-unauthorized', 'UNAUTHORIZED: Invalid or missing API key'],
    ['error-rate-limited', 'Rate limit exceeded: 10 requests per second on your plan'],
  ])('raises APIError for a 200 whose body is the failure envelope %s, without retrying', async (name, detail) => {
    serve(fixture('generic', name), { headers: { 'x-request-id': 'req_9' } });
    const error = await failureOf(generic().phoneNumbers.list());
    expect(error).toBeInstanceOf(APIError);
    expect(error).not.toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ status: 200, requestId: 'req_9', provider: 'generic', body: fixture('generic', name) });
    expect((error as Error).message).toBe(
      `generic answered 200 but reported a failure: ${detail}. Nothing was listed; check the parameters and the organization id. (request id req_9)`,
    );
    expect(requests).toHaveLength(1);
  });

  it('raises ResponseValidationError naming the place when an item has the wrong shape', async () => {
    const body = fixture<Envelope>('generic', 'phone-numbers');
    body.data[1]!.supports_inbound = 'yes';
    serve(body);
    const error = await failureOf(generic().phoneNumbers.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toEqual({
      path: 'data.1.supports_inbound',
      message: 'expected boolean, got string',
    });
    expect((error as Error).message).toContain('data.1.supports_inbound: expected boolean, got string');
  });

  it.each([
    ['no pagination', { success: true, data: [] }, 'pagination'],
    ['no data', { success: true, pagination: { next_cursor: null, has_more: false } }, 'data'],
    ['has_more missing', { success: true, data: [], pagination: { next_cursor: null } }, 'pagination.has_more'],
    ['no success flag', { data: [], pagination: { next_cursor: null, has_more: false } }, 'success'],
    ['an array', [], ''],
  ])('raises ResponseValidationError for a body with %s', async (_, body, where) => {
    serve(body);
    const error = await failureOf(generic().phoneNumbers.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]!.path).toBe(where);
  });
});

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
    await client.phoneNumbers.list();
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
      ['phoneNumbers.get', client.phoneNumbers.get('phon_a1b2c3d4e5f6')],
      ['phoneNumbers.create', client.phoneNumbers.create({ number: '+15551234567', agentId: 'agent_1' })],
      ['phoneNumbers.update', client.phoneNumbers.update('phon_a1b2c3d4e5f6', { agentId: null })],
      ['phoneNumbers.delete', client.phoneNumbers.delete('phon_a1b2c3d4e5f6')],
      ['phoneNumbers.listByAgent', client.phoneNumbers.listByAgent('agent_1')],
      ['campaigns.get', client.campaigns.get('cmp_1')],
      ['campaigns.list', client.campaigns.list()],
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
    // @ts-expect-error generic has no campaigns
    void client.campaigns;
    expect(typeof client.phoneNumbers.list).toBe('function');
  });
});
