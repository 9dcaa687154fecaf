import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  APIConnectionError,
  BadRequestError,
  ConflictError,
  createClient,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  ResponseValidationError,
  UnsupportedOperationError,
  type Client,
  type ClientOptions,
  type NumbersAssignmentPhoneNumberListParams,
  type OperationName,
  type PhoneNumber,
} from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';

useMsw();

afterEach(() => {
  vi.unstubAllEnvs();
});

const base = 'https://numbers.example.test/v1';
const numbersUrl = `${base}/numbers`;
const key = 'na_test_key_123';
const client = () => createClient({ provider: 'numbers-assignment', apiKey: key, baseUrl: base });
const provider = 'numbers-assignment';

type Raw = Record<string, unknown>;

/** Awaits a promise that must fail, and returns what it failed with. */
function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

function pathOf(request: Request): string {
  return new URL(request.url).pathname;
}

/** Serves the two enveloped fixture pages by the `page` query parameter. */
function serveEnvelopedPages() {
  server.use(
    http.get(numbersUrl, ({ request }) => {
      const page = new URL(request.url).searchParams.get('page');
      return HttpResponse.json(fixture(provider, page === '2' ? 'phone-numbers-page-2' : 'phone-numbers-page-1'));
    }),
  );
}

/** An assignment as the platform would send it, for generated pages. */
function assignment(index: number): Raw {
  return { id: `pn_${index}`, phoneNumber: `+1415555${String(index).padStart(4, '0')}`, status: 'active' };
}

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
        e164: null,
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
        e164: null,
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

  it('walks bare-array pages: a full page means another one, a short page is the last', async () => {
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const page = new URL(request.url).searchParams.get('page');
        return HttpResponse.json(fixture(provider, page === '2' ? 'phone-numbers-bare-page-2' : 'phone-numbers-bare-page-1'));
      }),
    );
    const pages = [];
    for await (const page of client().phoneNumbers.list({ limit: 2 }).pages()) pages.push(page);
    expect(pages.map((page) => page.items.map((number) => number.id))).toEqual([['pn_agent_1', 'pn_agent_2'], ['pn_agent_3']]);
    expect(pages.map((page) => [page.nextCursor, page.totalCount])).toEqual([
      ['2', null],
      [null, null],
    ]);
    expect(requests.map(queryOf)).toEqual([
      { page: ['1'], limit: ['2'] },
      { page: ['2'], limit: ['2'] },
    ]);
    const wire = fixture<Raw[]>(provider, 'phone-numbers-bare-page-2')[0]!;
    expect(pages[1]!.items[0]).toEqual({
      provider: 'numbers-assignment',
      id: 'pn_agent_3',
      number: '+14155550113',
      e164: null,
      status: { unified: 'unknown', raw: null },
      agentId: 'agt_sales',
      outboundAgentId: null,
      label: null,
      type: null,
      carrier: null,
      inbound: null,
      outbound: null,
      createdAt: new Date('2025-04-04T10:00:00.000Z'),
      updatedAt: null,
      raw: wire,
    });
  });

  it('applies the full-page rule with the default limit of 50 and stops after a full last page with an empty one', async () => {
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        const items = page === 1 ? Array.from({ length: 50 }, (_, index) => assignment(index)) : [];
        return HttpResponse.json(items);
      }),
    );
    const first = await client().phoneNumbers.list();
    expect(first).toMatchObject({ hasMore: true, nextCursor: '2', totalCount: null });
    let count = 0;
    for await (const _number of client().phoneNumbers.list()) count++;
    expect(count).toBe(50);
    expect(requests.map(queryOf).slice(1)).toEqual([
      { page: ['1'], limit: ['50'] },
      { page: ['2'], limit: ['50'] },
    ]);
  });

  it('treats an envelope without pagination like a bare array', async () => {
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const page = new URL(request.url).searchParams.get('page');
        return HttpResponse.json({ data: page === '1' ? [assignment(1), assignment(2)] : [assignment(3)] });
      }),
    );
    const first = await client().phoneNumbers.list({ limit: 2 });
    expect(first).toMatchObject({ hasMore: true, nextCursor: '2', totalCount: null });
    const second = await first.nextPage();
    expect(second!.items.map((number) => number.id)).toEqual(['pn_3']);
    expect(second!.hasMore).toBe(false);
  });

  it.each([
    [{ limit: 101 }, /limit must be from 1 to 100 \(got 101\)/],
    [{ limit: 0 }, /limit must be a whole number of 1 or more/],
    [{ limit: 2.5 }, /limit must be a whole number/],
    [{ cursor: 'abc' }, /cursor "abc" is not a numbers-assignment cursor \(a page number such as "2"\)/],
    [{ cursor: '0' }, /cursor "0" is not a numbers-assignment cursor/],
    [{ cursor: '-1' }, /cursor "-1" is not a numbers-assignment cursor/],
    [{ cursor: '1.5' }, /cursor "1.5" is not a numbers-assignment cursor/],
    [{ cursor: '99999999999999999999' }, /is not a numbers-assignment cursor/],
    [{ status: 'pending' }, /status "pending" does not exist on numbers-assignment; it knows active and inactive/],
    [{ status: 'canceling' }, /status "canceling" does not exist on numbers-assignment/],
    [{ status: ['active', 'inactive'] }, /filters by one status per request \(got active, inactive\)/],
    [{ carrier: 'vox' }, /does not take the parameter "carrier"; it takes limit, cursor, status/],
  ])('refuses %j before any request', async (params, message) => {
    serveEnvelopedPages();
    const error = await failureOf(client().phoneNumbers.list(params as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
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

describe('numbers-assignment phoneNumbers.listByAgent', () => {
  it('gets /agents/{id}/numbers with the id percent-encoded and pages through it', async () => {
    server.use(
      http.get(`${base}/agents/:agentId/numbers`, ({ request }) => {
        const page = new URL(request.url).searchParams.get('page');
        return HttpResponse.json(fixture(provider, page === '2' ? 'phone-numbers-bare-page-2' : 'phone-numbers-bare-page-1'));
      }),
    );
    const ids: string[] = [];
    for await (const number of client().phoneNumbers.listByAgent('agt/sales ?#', { limit: 2, status: 'active' })) {
      ids.push(number.id);
    }
    expect(ids).toEqual(['pn_agent_1', 'pn_agent_2', 'pn_agent_3']);
    expect(requests.map((request) => [request.method, pathOf(request)])).toEqual([
      ['GET', '/v1/agents/agt%2Fsales%20%3F%23/numbers'],
      ['GET', '/v1/agents/agt%2Fsales%20%3F%23/numbers'],
    ]);
    expect(requests.map(queryOf)).toEqual([
      { page: ['1'], limit: ['2'], status: ['active'] },
      { page: ['2'], limit: ['2'], status: ['active'] },
    ]);
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);
  });

  it.each(['', '..', '.'])('refuses the agent id %j before any request', async (agentId) => {
    await expect(client().phoneNumbers.listByAgent(agentId)).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });

  it('refuses a bad cursor before any request', async () => {
    const error = await failureOf(client().phoneNumbers.listByAgent('agt_sales', { cursor: 'next' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/phoneNumbers\.listByAgent: cursor "next"/);
    expect(requests).toHaveLength(0);
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
      e164: null,
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

describe('numbers-assignment phoneNumbers.create', () => {
  it('posts { phoneNumber, agentId, friendlyName } and maps a bare 201 answer', async () => {
    const wire = fixture(provider, 'phone-number');
    server.use(http.post(numbersUrl, () => HttpResponse.json(wire, { status: 201 })));
    const number = await client().phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support', label: 'Support line' });

    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(pathOf(requests[0]!)).toBe('/v1/numbers');
    expect(queryOf(requests[0]!)).toEqual({});
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ phoneNumber: '+14155550101', agentId: 'agt_support', friendlyName: 'Support line' });
    expect(number).toMatchObject({
      provider: 'numbers-assignment',
      id: 'pn_01HV7K2Q9M',
      number: '+14155550101',
      agentId: 'agt_support',
      label: 'Support line',
      status: { unified: 'active', raw: 'active' },
      raw: wire,
    });
  });

  it('leaves friendlyName out without a label, and maps a 201 enveloped in { data }', async () => {
    const body = fixture<{ data: Raw }>(provider, 'phone-number-enveloped');
    server.use(http.post(numbersUrl, () => HttpResponse.json(body, { status: 201 })));
    const number = await client().phoneNumbers.create({ number: '+14155550199', agentId: 'agt_front' });
    expect(await requests[0]!.json()).toEqual({ phoneNumber: '+14155550199', agentId: 'agt_front' });
    expect(number).toMatchObject({ id: 'pn_01HV7K2Q9Q', label: 'Front desk', agentId: 'agt_front', raw: body.data });
  });

  it.each([
    [{ number: '+14155550101' }, /phoneNumbers\.create: agentId is missing \(the agent to assign it to\)\. Nothing was sent\./],
    [{ number: '+14155550101', agentId: '' }, /agentId is empty/],
    [{ number: '  ', agentId: 'agt_1' }, /number is empty \(the phone number to assign\)/],
    [{ agentId: 'agt_1' }, /number is missing \(the phone number to assign\)/],
    [{}, /number is missing \(the phone number to assign\); agentId is missing/],
    [{ number: 14155550101, agentId: 'agt_1' }, /number must be a string \(got number\)/],
    [{ number: '+1415', agentId: 'agt_1', label: 7 }, /label must be a string when given/],
    [{ number: '+1415', agentId: 'agt_1', status: 'active' }, /does not take "status"; it takes number, agentId, label/],
    [null, /needs an object \{ number, agentId, label\? \}/],
  ])('refuses %j before any request', async (input, message) => {
    server.use(http.post(numbersUrl, () => HttpResponse.json(fixture(provider, 'phone-number'), { status: 201 })));
    const error = await failureOf(client().phoneNumbers.create(input as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('is never retried: a 500 makes exactly one request, even when the platform asks for an immediate retry', async () => {
    server.use(
      http.post(numbersUrl, () =>
        HttpResponse.json({ error: 'temporary failure' }, { status: 500, headers: { 'retry-after-ms': '0' } }),
      ),
    );
    const error = await failureOf(
      client().phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' }, { maxRetries: 2 }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain('numbers-assignment answered 500: temporary failure.');
    expect(requests).toHaveLength(1);
  });

  it('is never retried: a connection failure makes exactly one request', async () => {
    server.use(http.post(numbersUrl, () => HttpResponse.error()));
    const error = await failureOf(client().phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(requests).toHaveLength(1);
  });

  it('says the number was probably assigned when a 201 comes back empty', async () => {
    server.use(http.post(numbersUrl, () => new HttpResponse(null, { status: 201 })));
    const error = await failureOf(client().phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' }));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/empty body.*probably assigned/);
    expect(requests).toHaveLength(1);
  });
});

describe('numbers-assignment phoneNumbers.update', () => {
  it('puts { friendlyName, agentId, status } for the fields given and maps the answer', async () => {
    const body = fixture<{ data: Raw }>(provider, 'phone-number-enveloped');
    server.use(http.put(`${numbersUrl}/:id`, () => HttpResponse.json(body)));
    const number = await client().phoneNumbers.update('pn/01HV7K2Q9Q', {
      label: 'Front desk',
      agentId: 'agt_front',
      status: 'inactive',
    });
    expect(requests[0]!.method).toBe('PUT');
    expect(pathOf(requests[0]!)).toBe('/v1/numbers/pn%2F01HV7K2Q9Q');
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ friendlyName: 'Front desk', agentId: 'agt_front', status: 'inactive' });
    expect(number).toMatchObject({ id: 'pn_01HV7K2Q9Q', status: { unified: 'inactive', raw: 'inactive' }, raw: body.data });
  });

  it('sends only the given fields, and null to clear the label or unlink the agent', async () => {
    server.use(http.put(`${numbersUrl}/:id`, () => HttpResponse.json(fixture(provider, 'phone-number'))));
    await client().phoneNumbers.update('pn_1', { agentId: null });
    await client().phoneNumbers.update('pn_1', { label: null, status: 'active', agentId: undefined });
    expect(await requests[0]!.json()).toEqual({ agentId: null });
    expect(await requests[1]!.json()).toEqual({ friendlyName: null, status: 'active' });
  });

  it('is retried like every idempotent request (the contrast with create)', async () => {
    let attempts = 0;
    server.use(
      http.put(`${numbersUrl}/:id`, () =>
        ++attempts === 1
          ? HttpResponse.json({ error: 'temporary failure' }, { status: 503, headers: { 'retry-after-ms': '0' } })
          : HttpResponse.json(fixture(provider, 'phone-number')),
      ),
    );
    const number = await client().phoneNumbers.update('pn_1', { label: 'Support line' });
    expect(number.id).toBe('pn_01HV7K2Q9M');
    expect(requests).toHaveLength(2);
  });

  it.each([
    [{}, /the patch is empty; give at least one of agentId, label, status\. Nothing was sent\./],
    [{ label: undefined }, /the patch is empty/],
    [{ number: '+1415' }, /does not take "number"; it takes agentId, label, status/],
    [{ status: 'pending' }, /status must be active or inactive on numbers-assignment \(got "pending"\)/],
    [{ status: 'canceling' }, /status must be active or inactive/],
    [{ agentId: '' }, /agentId must be a non-empty string, or null to unlink the agent/],
    [{ label: 5 }, /label must be a string, or null to clear it \(got number\)/],
    ['label', /needs an object \{ agentId\?, label\?, status\? \}/],
  ])('refuses %j before any request', async (patch, message) => {
    server.use(http.put(`${numbersUrl}/:id`, () => HttpResponse.json(fixture(provider, 'phone-number'))));
    const error = await failureOf(client().phoneNumbers.update('pn_1', patch as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("refuses the id '..' before any request", async () => {
    await expect(client().phoneNumbers.update('..', { label: 'x' })).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});

describe('numbers-assignment phoneNumbers.delete', () => {
  it.each([
    ['200 with no content', () => new HttpResponse(null, { status: 200 })],
    ['204', () => new HttpResponse(null, { status: 204 })],
  ])('sends DELETE /numbers/{id} and resolves to nothing on %s', async (_case, answer) => {
    server.use(http.delete(`${numbersUrl}/:id`, answer));
    await expect(client().phoneNumbers.delete('pn 1/2')).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('DELETE');
    expect(pathOf(requests[0]!)).toBe('/v1/numbers/pn%201%2F2');
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);
  });

  it("refuses the id '..' before any request", async () => {
    await expect(client().phoneNumbers.delete('..')).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
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
    const getError = await failureOf(neutral().campaigns.get('cmp_1'));
    expect(getError).toBeInstanceOf(UnsupportedOperationError);
    expect(getError).toMatchObject({ operation: 'campaigns.get', provider });
    expect((getError as Error).message).toMatch(/numbers-assignment does not offer campaigns\.get; nothing was sent/);
    const listError = await failureOf(neutral().campaigns.list());
    expect(listError).toBeInstanceOf(UnsupportedOperationError);
    expect(listError).toMatchObject({ operation: 'campaigns.list' });
    expect(requests).toHaveLength(0);
  });

  it('types createClient to its provider: no campaigns, the narrowed status filter', () => {
    // Checked by the type checker (npm run typecheck); at run time the object is the neutral client.
    expectTypeOf(client()).not.toHaveProperty('campaigns');
    expectTypeOf(client().phoneNumbers.list).parameter(0).toEqualTypeOf<NumbersAssignmentPhoneNumberListParams | undefined>();
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
    await fromEnvironment.phoneNumbers.get('pn_1');
    expect(requests[0]!.url).toBe(`${numbersUrl}/pn_1`);
    expect(requests[0]!.headers.get('x-api-key')).toBe('na_from_environment');
  });
});
