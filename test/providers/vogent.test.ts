import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  InvalidRequestError,
  ResponseValidationError,
  UnsupportedOperationError,
  type Client,
  type OperationName,
} from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { apiKey, failure, number, numbersCursor, numbersUrl, vogent, type WirePage } from '../helpers/vogent.js';

// Vogent numbers: listing, getting, and what the neutral client and the environment give.

useMsw();

afterEach(() => {
  vi.unstubAllEnvs();
});

function serveNumberPages() {
  server.use(
    http.get(numbersUrl, ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return HttpResponse.json(fixture('vogent', cursor === numbersCursor ? 'phone-numbers-page-2' : 'phone-numbers-page-1'));
    }),
  );
}

describe('vogent phoneNumbers.list', () => {
  it('sends a GET with the bearer key and maps every field of the first page', async () => {
    serveNumberPages();
    const page = await vogent().phoneNumbers.list();

    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/phone_numbers');
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(requests[0]!.headers.get('accept')).toBe('application/json');
    expect(queryOf(requests[0]!)).toEqual({});

    const wire = fixture<WirePage>('vogent', 'phone-numbers-page-1');
    expect(page.items).toEqual([
      number({
        id: '0b6f1c2e-8a3d-4f5b-9c7e-1d2a3b4c5d6e',
        number: '+18001234567',
        e164: '+18001234567',
        type: 'pstn',
        agentId: 'a7c3e9f1-2b4d-4e6f-8a0b-c1d2e3f4a5b6',
        raw: wire.data[0]!,
      }),
      number({
        id: '1c7a2d3f-9b4e-4a6c-8d8f-2e3b4c5d6e7f',
        number: 'frontdesk-sip',
        type: 'sip',
        agentId: 'b8d4f0a2-3c5e-4f7a-9b1c-d2e3f4a5b6c7',
        raw: wire.data[1]!,
      }),
      number({
        id: '2d8b3e4a-0c5f-4b7d-9e9a-3f4c5d6e7f80',
        number: '+14155550123',
        e164: '+14155550123',
        type: 'pstn',
        agentId: null,
        raw: wire.data[2]!,
      }),
    ]);
    expect(page.totalCount).toBeNull();
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toBe(numbersCursor);
  });

  it('maps a number without a type to type null, and ends on a null cursor', async () => {
    serveNumberPages();
    const page = await vogent().phoneNumbers.list({ cursor: numbersCursor });
    expect(queryOf(requests[0]!)).toEqual({ cursor: [numbersCursor] });
    const wire = fixture<WirePage>('vogent', 'phone-numbers-page-2');
    expect(page.items).toEqual([
      number({
        id: '3e9c4f5b-1d6a-4c8e-8f0b-4a5d6e7f8091',
        number: '+12125550199',
        e164: '+12125550199',
        type: null,
        agentId: 'a7c3e9f1-2b4d-4e6f-8a0b-c1d2e3f4a5b6',
        raw: wire.data[0]!,
      }),
      number({
        id: '4fad5a6c-2e7b-4d9f-9a1c-5b6e7f8091a2',
        number: '+13105550142',
        e164: '+13105550142',
        type: 'pstn',
        agentId: 'c9e5a1b3-4d6f-4a8b-8c2d-e3f4a5b6c7d8',
        raw: wire.data[1]!,
      }),
    ]);
    expect(page.hasMore).toBe(false);
    expect(page.nextCursor).toBeNull();
    expect(await page.nextPage()).toBeNull();
    expect(requests).toHaveLength(1);
  });

  it('pages to the last page with for await, carrying limit forward and honouring status active by sending nothing', async () => {
    serveNumberPages();
    const ids: string[] = [];
    for await (const item of vogent().phoneNumbers.list({ limit: 3, status: 'active' })) ids.push(item.id);
    expect(ids).toEqual([
      '0b6f1c2e-8a3d-4f5b-9c7e-1d2a3b4c5d6e',
      '1c7a2d3f-9b4e-4a6c-8d8f-2e3b4c5d6e7f',
      '2d8b3e4a-0c5f-4b7d-9e9a-3f4c5d6e7f80',
      '3e9c4f5b-1d6a-4c8e-8f0b-4a5d6e7f8091',
      '4fad5a6c-2e7b-4d9f-9a1c-5b6e7f8091a2',
    ]);
    expect(requests.map(queryOf)).toEqual([{ limit: ['3'] }, { limit: ['3'], cursor: [numbersCursor] }]);
  });

  it('honours a status set that includes active: every Vogent number is active', async () => {
    serveNumberPages();
    const page = await vogent().phoneNumbers.list({ status: ['inactive', 'active'], limit: 100 });
    expect(queryOf(requests[0]!)).toEqual({ limit: ['100'] });
    expect(page.items).toHaveLength(3);
  });

  it('maps an unknown type to null and an empty agentId to null, keeping both in raw', async () => {
    const body = fixture<WirePage>('vogent', 'phone-numbers-page-1');
    body.data[0]!.type = 'WEBRTC';
    body.data[0]!.agentId = '';
    server.use(http.get(numbersUrl, () => HttpResponse.json(body)));
    const [first] = (await vogent().phoneNumbers.list()).items;
    expect(first).toMatchObject({ type: null, agentId: null });
    expect(first!.raw).toEqual({ ...fixture<WirePage>('vogent', 'phone-numbers-page-1').data[0], type: 'WEBRTC', agentId: '' });
  });

  it.each([
    [{ limit: 101 }, /vogent: phoneNumbers\.list: limit must be from 1 to 100 \(got 101\)/],
    [{ limit: 0 }, /limit must be a whole number of 1 or more/],
    [{ limit: 1.5 }, /limit must be a whole number/],
    [{ status: 'inactive' }, /Vogent reports no status for numbers .*status \["inactive"\] cannot be honoured/],
    [{ status: ['pending', 'canceling'] }, /cannot be honoured\. Leave status out, or include 'active'/],
    [{ status: 'open' }, /status "open" is not one of active, pending, canceling, inactive/],
    [{ agentId: 'a7c3e9f1' }, /does not take the parameter "agentId"; it takes limit, cursor, status\./],
    [{ cursor: '' }, /cursor must be the non-empty nextCursor/],
  ])('refuses %j before any request', async (params, message) => {
    serveNumberPages();
    const error = await failure(vogent().phoneNumbers.list(params as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('raises ResponseValidationError naming the place when an item has the wrong shape', async () => {
    const body = fixture<WirePage>('vogent', 'phone-numbers-page-1');
    delete body.data[1]!.number;
    server.use(http.get(numbersUrl, () => HttpResponse.json(body)));
    const error = await failure(vogent().phoneNumbers.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toEqual({ path: 'data.1.number', message: 'expected string, got nothing' });
    expect((error as Error).message).toContain('vogent sent a page of phone numbers that does not match its documented shape');
  });

  it('raises ResponseValidationError when the envelope has no data, or a cursor of the wrong type', async () => {
    server.use(http.get(numbersUrl, () => HttpResponse.json({ items: [] })));
    await expect(vogent().phoneNumbers.list()).rejects.toThrow(ResponseValidationError);
    server.use(http.get(numbersUrl, () => HttpResponse.json({ data: [], cursor: 2 })));
    const error = await failure(vogent().phoneNumbers.list());
    expect((error as ResponseValidationError).issues[0]).toEqual({ path: 'cursor', message: 'expected string, got number' });
  });

  it('retries a 429 on a GET and counts the attempts', async () => {
    let attempts = 0;
    server.use(
      http.get(numbersUrl, () => {
        attempts++;
        if (attempts === 1) return HttpResponse.json({ message: 'Too many requests' }, { status: 429, headers: { 'retry-after-ms': '0' } });
        return HttpResponse.json(fixture('vogent', 'phone-numbers-page-2'));
      }),
    );
    const page = await vogent().phoneNumbers.list();
    expect(page.items).toHaveLength(2);
    expect(requests).toHaveLength(2);
  });
});

describe('vogent phoneNumbers.get', () => {
  it('gets one number by its id, percent-encoding the id', async () => {
    const wire = fixture<WirePage>('vogent', 'phone-numbers-page-1').data[1]!;
    server.use(http.get(`${numbersUrl}/:id`, () => HttpResponse.json(wire)));
    const result = await vogent().phoneNumbers.get('1c7a/2d3f ?');
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/phone_numbers/1c7a%2F2d3f%20%3F');
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(result).toEqual(
      number({
        id: '1c7a2d3f-9b4e-4a6c-8d8f-2e3b4c5d6e7f',
        number: 'frontdesk-sip',
        type: 'sip',
        agentId: 'b8d4f0a2-3c5e-4f7a-9b1c-d2e3f4a5b6c7',
        raw: wire,
      }),
    );
  });

  it.each(['', '   ', '.', '..'])('refuses the id %j before any request', async (id) => {
    await expect(vogent().phoneNumbers.get(id)).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });

  it('raises ResponseValidationError for a malformed number', async () => {
    server.use(http.get(`${numbersUrl}/:id`, () => HttpResponse.json({ id: 'pn_1', number: 18001234567 })));
    const error = await failure(vogent().phoneNumbers.get('pn_1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toEqual({ path: 'number', message: 'expected string, got number' });
  });
});

describe('vogent on the neutral Client', () => {
  const neutral = () => vogent() as unknown as Client;

  it('throws UnsupportedOperationError for phoneNumbers.create before any request', async () => {
    const error = await failure(neutral().phoneNumbers.create!({ number: '+18001234567', agentId: 'a' }));
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(error).toMatchObject({ provider: 'vogent', operation: 'phoneNumbers.create' });
    expect((error as Error).message).toMatch(/^vogent does not offer phoneNumbers\.create; nothing was sent/);
    expect(requests).toHaveLength(0);
  });

  it('throws UnsupportedOperationError for phoneNumbers.listByAgent before any request', async () => {
    const error = await failure(neutral().phoneNumbers.listByAgent!('a7c3e9f1'));
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(error).toMatchObject({ provider: 'vogent', operation: 'phoneNumbers.listByAgent' });
    expect(requests).toHaveLength(0);
  });

  it('answers supports() for every operation', () => {
    const client = vogent();
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
      ).map((operation) => [operation, client.supports(operation)]),
    );
    expect(answers).toEqual({
      'phoneNumbers.list': true,
      'phoneNumbers.get': true,
      'phoneNumbers.create': false,
      'phoneNumbers.update': true,
      'phoneNumbers.delete': true,
      'phoneNumbers.listByAgent': false,
      'campaigns.get': true,
      'campaigns.list': true,
    });
    expect(client.provider).toBe('vogent');
  });
});

describe('vogent environment', () => {
  it('reads VOGENT_API_KEY and VOGENT_BASE_URL when no option is given', async () => {
    vi.stubEnv('VOGENT_API_KEY', 'from_env_vogent_key');
    vi.stubEnv('VOGENT_BASE_URL', 'https://vogent.test/api/');
    server.use(http.get('https://vogent.test/api/batch_dial_jobs/:id', () => HttpResponse.json({ id: 'bdj_1', name: 'n' })));
    await createClient({ provider: 'vogent' }).campaigns.get('bdj_1');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer from_env_vogent_key');
  });

  it('names VOGENT_API_KEY when there is no key, before any request', async () => {
    vi.stubEnv('VOGENT_API_KEY', '');
    const error = await failure(createClient({ provider: 'vogent' }).phoneNumbers.get('pn_1'));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe('vogent: no API key. Pass apiKey to createClient, or set VOGENT_API_KEY.');
    expect(requests).toHaveLength(0);
  });
});
