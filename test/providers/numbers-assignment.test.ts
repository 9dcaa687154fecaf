import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  BadRequestError,
  ConflictError,
  createClient,
  InvalidRequestError,
  NotFoundError,
  ResponseValidationError,
  UnsupportedOperationError,
  type Client,
  type ClientOptions,
  type PhoneNumberListParams,
  type OperationName,
  type PhoneNumber,
} from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import {
  base,
  client,
  failureOf,
  key,
  numbersUrl,
  pathOf,
  provider,
  serveEnvelopedPages,
  type Raw,
} from '../helpers/numbers-assignment.js';

useMsw();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('numbers-assignment phoneNumbers.list', () => {
  it('sends a GET with the X-API-Key header, page 1 and the default limit, and maps every field', async () => {
    serveEnvelopedPages();
    const page = await client().phoneNumbers.list();

    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(pathOf(requests[0]!)).toBe('/v1/numbers');
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);
    expect(requests[0]!.headers.get('authorization')).toBeNull();
    expect(queryOf(requests[0]!)).toEqual({ page: ['1'], limit: ['50'] });

    const wire = fixture<{ data: Raw[] }>(provider, 'phone-numbers-page-1');
    expect(page.items).toEqual<PhoneNumber<'numbers-assignment'>[]>([
      {
        provider: 'numbers-assignment',
        id: 'pn_01HV7K2Q9M',
        number: '+14155550101',
        e164: '+14155550101',
        status: { unified: 'active', raw: 'active' },
        agentId: 'agt_support',
        outboundAgentId: null,
        label: 'Support line',
        type: null,
        carrier: null,
        inbound: null,
        outbound: null,
        createdAt: new Date('2025-01-15T09:30:00.000Z'),
        updatedAt: new Date('2025-02-01T12:00:00.000Z'),
        raw: wire.data[0]!,
      },
      {
        provider: 'numbers-assignment',
        id: 'pn_01HV7K2Q9N',
        number: '+14155550102',
        e164: '+14155550102',
        status: { unified: 'inactive', raw: 'inactive' },
        agentId: null,
        outboundAgentId: null,
        label: null,
        type: null,
        carrier: null,
        inbound: null,
        outbound: null,
        createdAt: new Date('2025-01-20T08:00:00Z'),
        updatedAt: new Date('2025-03-05T17:45:30Z'),
        raw: wire.data[1]!,
      },
    ]);
    expect(page.items[0]!.raw.webhookUrl).toBe('https://hooks.example.com/calls');
    expect(page.totalCount).toBe(3);
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toBe('2');
  });

  it('maps an unknown status to unknown keeping raw, and a missing one to unknown with raw null', async () => {
    serveEnvelopedPages();
    const page = await client().phoneNumbers.list({ cursor: '2' });
    const number = page.items[0]!;
    expect(number.status).toEqual({ unified: 'unknown', raw: 'suspended' });
    expect(number).toMatchObject({ label: null, agentId: null, createdAt: null, updatedAt: null });

    server.use(http.get(numbersUrl, () => HttpResponse.json([{ id: 'pn_x', phoneNumber: '+15550100', status: null }])));
    const [bare] = (await client().phoneNumbers.list()).items;
    expect(bare!.status).toEqual({ unified: 'unknown', raw: null });
  });

  it('walks enveloped pages to the last one while page < totalPages, carrying limit and status', async () => {
    serveEnvelopedPages();
    const ids: string[] = [];
    for await (const number of client().phoneNumbers.list({ limit: 2, status: 'active' })) ids.push(number.id);
    expect(ids).toEqual(['pn_01HV7K2Q9M', 'pn_01HV7K2Q9N', 'pn_01HV7K2Q9P']);
    expect(requests.map(queryOf)).toEqual([
      { page: ['1'], limit: ['2'], status: ['active'] },
      { page: ['2'], limit: ['2'], status: ['active'] },
    ]);
    const last = await client().phoneNumbers.list({ cursor: '2' });
    expect(last).toMatchObject({ hasMore: false, nextCursor: null, totalCount: 3 });
    expect(await last.nextPage()).toBeNull();
  });

  it('sends the unified inactive status as inactive', async () => {
    serveEnvelopedPages();
    await client().phoneNumbers.list({ status: 'inactive' });
    expect(queryOf(requests[0]!)).toEqual({ page: ['1'], limit: ['50'], status: ['inactive'] });
  });

  it('raises ResponseValidationError naming the place when an item or the pagination is malformed', async () => {
    const body = fixture<{ data: Raw[]; pagination: Raw }>(provider, 'phone-numbers-page-1');
    delete body.data[1]!.phoneNumber;
    server.use(http.get(numbersUrl, () => HttpResponse.json(body)));
    const error = await failureOf(client().phoneNumbers.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toEqual({ path: 'data.1.phoneNumber', message: 'expected string, got nothing' });

    const badPagination = fixture<{ pagination: Raw }>(provider, 'phone-numbers-page-1');
    badPagination.pagination.totalPages = '2';
    server.use(http.get(numbersUrl, () => HttpResponse.json(badPagination)));
    const paginationError = await failureOf(client().phoneNumbers.list());
    expect(paginationError).toBeInstanceOf(ResponseValidationError);
    expect((paginationError as Error).message).toContain('pagination.totalPages');

    server.use(http.get(numbersUrl, () => HttpResponse.json({ items: [] })));
    const envelopeError = await failureOf(client().phoneNumbers.list());
    expect(envelopeError).toBeInstanceOf(ResponseValidationError);
    expect((envelopeError as Error).message).toContain('data: expected array, got nothing');
  });
});

describe('numbers-assignment phoneNumbers.get', () => {
  it('reads a bare entity, percent-encoding the id', async () => {
    const wire = fixture(provider, 'phone-number');
    server.use(http.get(`${numbersUrl}/:id`, () => HttpResponse.json(wire)));
    const number = await client().phoneNumbers.get('pn/01 ?');
    expect(requests[0]!.method).toBe('GET');
    expect(pathOf(requests[0]!)).toBe('/v1/numbers/pn%2F01%20%3F');
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);
    expect(number).toMatchObject({ id: 'pn_01HV7K2Q9M', number: '+14155550101', label: 'Support line', raw: wire });
  });

  it('reads an entity enveloped in { data }, keeping the inner object as raw', async () => {
    const body = fixture<{ data: Raw }>(provider, 'phone-number-enveloped');
    server.use(http.get(`${numbersUrl}/:id`, () => HttpResponse.json(body)));
    expect(await client().phoneNumbers.get('pn_01HV7K2Q9Q')).toEqual({
      provider: 'numbers-assignment',
      id: 'pn_01HV7K2Q9Q',
      number: '+14155550199',
      e164: '+14155550199',
      status: { unified: 'inactive', raw: 'inactive' },
      agentId: 'agt_front',
      outboundAgentId: null,
      label: 'Front desk',
      type: null,
      carrier: null,
      inbound: null,
      outbound: null,
      createdAt: new Date('2025-05-10T14:20:00.000Z'),
      updatedAt: new Date('2025-05-11T09:05:00.000Z'),
      raw: body.data,
    });
  });

  it.each(['', '   ', '.', '..'])('refuses the id %j before any request', async (id) => {
    await expect(client().phoneNumbers.get(id)).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });

  it('raises ResponseValidationError for a body that is neither shape', async () => {
    server.use(http.get(`${numbersUrl}/:id`, () => HttpResponse.json({ data: { id: 42 } })));
    const error = await failureOf(client().phoneNumbers.get('pn_1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toEqual({ path: 'id', message: 'expected string, got number' });
  });
});

describe('numbers-assignment errors', () => {
  it.each([
    ['error-string', 404, NotFoundError, 'numbers-assignment answered 404: Phone number not found. Check the id: the platform has no such resource.'],
    ['error-message', 409, ConflictError, 'numbers-assignment answered 409: phoneNumber is already assigned to another agent.'],
    ['error-nested', 400, BadRequestError, 'numbers-assignment answered 400: limit must not exceed 100. Check the parameters sent.'],
  ] as const)('turns the %s form (%i) into its class with the platform message', async (name, status, ErrorClass, message) => {
    const body = fixture(provider, name);
    server.use(http.get(`${numbersUrl}/:id`, () => HttpResponse.json(body, { status, headers: { 'x-request-id': 'req_7' } })));
    const error = await failureOf(client().phoneNumbers.get('pn_1'));
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as Error).message).toContain(message);
    expect(error).toMatchObject({ status, requestId: 'req_7', provider, body });
  });

  it('joins an error code and a message when both are strings', async () => {
    server.use(
      http.get(numbersUrl, () => HttpResponse.json({ error: 'Bad Request', message: 'page must be positive' }, { status: 400 })),
    );
    const error = await failureOf(client().phoneNumbers.list());
    expect((error as Error).message).toContain('numbers-assignment answered 400: Bad Request: page must be positive.');
  });
});

describe('numbers-assignment through the neutral Client type', () => {
  const neutral = (): Client => createClient({ provider: 'numbers-assignment', apiKey: key, baseUrl: base }) as Client;

  it('answers supports() for every operation', () => {
    const answers = Object.fromEntries(
      (
        [
          'phoneNumbers.list',
          'phoneNumbers.get',
          'phoneNumbers.create',
          'phoneNumbers.update',
          'phoneNumbers.delete',
          'phoneNumbers.listByAgent',
          'campaigns.get',
          'campaigns.list',
        ] as OperationName[]
      ).map((operation) => [operation, neutral().supports(operation)]),
    );
    expect(answers).toEqual({
      'phoneNumbers.list': true,
      'phoneNumbers.get': true,
      'phoneNumbers.create': true,
      'phoneNumbers.update': true,
      'phoneNumbers.delete': true,
      'phoneNumbers.listByAgent': true,
      'campaigns.get': false,
      'campaigns.list': false,
    });
  });

  it('throws UnsupportedOperationError for campaigns.get and campaigns.list before any request', async () => {
    const getError = await failureOf(neutral().campaigns.get!('cmp_1'));
    expect(getError).toBeInstanceOf(UnsupportedOperationError);
    expect(getError).toMatchObject({ operation: 'campaigns.get', provider });
    expect((getError as Error).message).toMatch(/numbers-assignment does not offer campaigns\.get; nothing was sent/);
    const listError = await failureOf(neutral().campaigns.list!());
    expect(listError).toBeInstanceOf(UnsupportedOperationError);
    expect(listError).toMatchObject({ operation: 'campaigns.list' });
    expect(requests).toHaveLength(0);
  });

  it('types createClient to its provider: no campaigns, the narrowed status filter', () => {
    // Checked by the type checker (npm run typecheck); at run time the object is the neutral client.
    expectTypeOf(client().campaigns).not.toHaveProperty('list');
    expectTypeOf(client().phoneNumbers.list).parameter(0).toEqualTypeOf<PhoneNumberListParams | undefined>();
    expect(client().provider).toBe('numbers-assignment');
  });
});

describe('numbers-assignment client options', () => {
  it('requires a base URL: the platform publishes none', () => {
    vi.stubEnv('NUMBERS_ASSIGNMENT_BASE_URL', undefined);
    expect(() => createClient({ provider: 'numbers-assignment', apiKey: key } as ClientOptions)).toThrow(
      /numbers-assignment: baseUrl is required .* set NUMBERS_ASSIGNMENT_BASE_URL/,
    );
  });

  it('reads NUMBERS_ASSIGNMENT_BASE_URL and NUMBERS_ASSIGNMENT_API_KEY when no option is given', async () => {
    vi.stubEnv('NUMBERS_ASSIGNMENT_BASE_URL', base);
    vi.stubEnv('NUMBERS_ASSIGNMENT_API_KEY', 'na_from_environment');
    server.use(http.get(`${numbersUrl}/:id`, () => HttpResponse.json(fixture(provider, 'phone-number'))));
    const fromEnvironment = createClient({ provider: 'numbers-assignment' } as ClientOptions);
    await fromEnvironment.phoneNumbers.get!('pn_1');
    expect(requests[0]!.url).toBe(`${numbersUrl}/pn_1`);
    expect(requests[0]!.headers.get('x-api-key')).toBe('na_from_environment');
  });
});
