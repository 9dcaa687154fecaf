import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  createClient,
  InvalidRequestError,
  NotFoundError,
  ResponseValidationError,
  type PhoneNumber,
} from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';

useMsw();

const base = 'https://client-api.tryvox.co';
const numbersUrl = `${base}/v3/organization-telephone-numbers`;
const vox = () => createClient({ provider: 'vox', apiKey: 'vox_test_key_123' });

function servePages() {
  server.use(
    http.get(numbersUrl, ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return HttpResponse.json(fixture('vox', cursor === 'eyJvZmZzZXQiOjJ9' ? 'phone-numbers-page-2' : 'phone-numbers-page-1'));
    }),
  );
}

describe('vox phoneNumbers.list', () => {
  it('sends a GET with the bearer key and maps every field of the first page', async () => {
    servePages();
    const page = await vox().phoneNumbers.list({ status: 'active' });

    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/v3/organization-telephone-numbers');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer vox_test_key_123');
    expect(requests[0]!.headers.get('accept')).toBe('application/json');
    expect(queryOf(requests[0]!)).toEqual({ status: ['active'] });

    const wire = fixture<{ items: Record<string, unknown>[] }>('vox', 'phone-numbers-page-1');
    expect(page.items).toEqual<PhoneNumber<'vox'>[]>([
      {
        provider: 'vox',
        id: '7f3c2a10-4b5e-4c6d-9e8f-0a1b2c3d4e5f',
        number: '0212345678',
        e164: '+82212345678',
        status: { unified: 'active', raw: 'active' },
        agentId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
        outboundAgentId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
        label: 'Seoul front desk',
        type: 'pstn',
        carrier: 'vox',
        inbound: null,
        outbound: null,
        createdAt: new Date(1735689600000),
        updatedAt: new Date(1738368000000),
        raw: wire.items[0]!,
      },
      {
        provider: 'vox',
        id: '8a4d3b21-5c6f-4d7e-8f90-1b2c3d4e5f60',
        number: '01012345678',
        e164: '+821012345678',
        status: { unified: 'canceling', raw: 'cancel_requested' },
        agentId: null,
        outboundAgentId: null,
        label: null,
        // A custom number is a dialable phone number on the customer's own SIP trunk, not a SIP address.
        type: 'pstn',
        carrier: 'custom',
        inbound: null,
        outbound: null,
        createdAt: new Date(1730419200000),
        updatedAt: new Date(1740787200000),
        raw: wire.items[1]!,
      },
    ]);
    expect(page.totalCount).toBe(3);
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toBe('eyJvZmZzZXQiOjJ9');
  });

  it('pages through every number with for await, carrying every filter forward', async () => {
    servePages();
    const ids: string[] = [];
    for await (const number of vox().phoneNumbers.list({
      limit: 2,
      status: 'active',
      carrier: 'vox',
      sortBy: 'created_at',
      sortOrder: 'desc',
    })) {
      ids.push(number.id);
    }
    expect(ids).toEqual([
      '7f3c2a10-4b5e-4c6d-9e8f-0a1b2c3d4e5f',
      '8a4d3b21-5c6f-4d7e-8f90-1b2c3d4e5f60',
      '9b5e4c32-6d70-4e8f-9012-2c3d4e5f6071',
    ]);
    const filters = {
      limit: ['2'],
      status: ['active'],
      provider: ['vox'],
      sort_by: ['created_at'],
      sort_order: ['desc'],
    };
    expect(requests.map(queryOf)).toEqual([filters, { ...filters, cursor: ['eyJvZmZzZXQiOjJ9'] }]);
  });

  it('maps the unified inactive status to expired and a single status to one parameter', async () => {
    servePages();
    await vox().phoneNumbers.list({ status: 'inactive' });
    expect(queryOf(requests[0]!)).toEqual({ status: ['expired'] });
  });

  it('starts from a cursor the caller passes back, and nextPage() returns null on the last page', async () => {
    servePages();
    const page = await vox().phoneNumbers.list({ status: 'pending', cursor: 'eyJvZmZzZXQiOjJ9' });
    expect(queryOf(requests[0]!)).toEqual({ cursor: ['eyJvZmZzZXQiOjJ9'], status: ['scheduled'] });
    expect(page.items.map((number) => number.status)).toEqual([{ unified: 'pending', raw: 'scheduled' }]);
    expect(page.hasMore).toBe(false);
    expect(await page.nextPage()).toBeNull();
    expect(requests).toHaveLength(1);
  });

  it.each([
    [{ limit: 101 }, /limit must be from 1 to 100 \(got 101\)/],
    [{ limit: 0 }, /limit must be a whole number of 1 or more/],
    [{ limit: 2.5 }, /limit must be a whole number/],
    [{ carrier: 'twilio' }, /carrier must be "vox" or "custom"/],
    [{ sortOrder: 'up' }, /sortOrder must be "asc" or "desc"/],
    [{ status: 'open' }, /status "open" is not one of active, pending, canceling, inactive/],
    [{ assigned: true }, /does not take the parameter "assigned"; it takes limit, cursor, status, carrier, sortBy, sortOrder/],
    [{ cursor: '' }, /cursor must be the non-empty nextCursor/],
  ])('refuses %j before any request', async (params, message) => {
    servePages();
    const error = await vox()
      .phoneNumbers.list(params as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('keeps an unknown status as raw and maps it to unknown', async () => {
    const body = fixture<{ items: Record<string, unknown>[] }>('vox', 'phone-numbers-page-2');
    body.items[0]!.status = 'porting';
    server.use(http.get(numbersUrl, () => HttpResponse.json(body)));
    const page = await vox().phoneNumbers.list();
    expect(page.items[0]!.status).toEqual({ unified: 'unknown', raw: 'porting' });
    expect(page.items[0]!.raw.status).toBe('porting');
  });

  it('turns vox error envelopes into the error class with the platform message', async () => {
    server.use(
      http.get(numbersUrl, () =>
        HttpResponse.json(fixture('vox', 'error-invalid-limit'), { status: 400, headers: { 'x-request-id': 'req_42' } }),
      ),
    );
    const error = await vox()
      .phoneNumbers.list()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, requestId: 'req_42', provider: 'vox' });
    expect((error as Error).message).toContain(
      'vox answered 400: invalid_parameter: limit is out of range (field limit; must be between 1 and 100)',
    );
    expect((error as BadRequestError).body).toEqual(fixture('vox', 'error-invalid-limit'));
  });

  it('raises ResponseValidationError naming the place when an item has the wrong shape', async () => {
    const body = fixture<{ items: Record<string, unknown>[] }>('vox', 'phone-numbers-page-1');
    body.items[1]!.created_at = '2025-01-01';
    server.use(http.get(numbersUrl, () => HttpResponse.json(body)));
    const error = await vox()
      .phoneNumbers.list()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toEqual({
      path: 'items.1.created_at',
      message: 'expected number, got string',
    });
    expect((error as Error).message).toContain('items.1.created_at: expected number, got string');
  });

  it('raises ResponseValidationError when the envelope has no items', async () => {
    server.use(http.get(numbersUrl, () => HttpResponse.json({ data: [] })));
    await expect(vox().phoneNumbers.list()).rejects.toThrow(ResponseValidationError);
  });
});

describe('vox phoneNumbers.get', () => {
  it('gets one number by its id, percent-encoding the id', async () => {
    const wire = fixture<{ items: Record<string, unknown>[] }>('vox', 'phone-numbers-page-2').items[0]!;
    server.use(http.get(`${numbersUrl}/:id`, () => HttpResponse.json(wire)));
    const number = await vox().phoneNumbers.get('9b5e/4c32 ?');
    expect(new URL(requests[0]!.url).pathname).toBe('/v3/organization-telephone-numbers/9b5e%2F4c32%20%3F');
    expect(number).toMatchObject({
      id: '9b5e4c32-6d70-4e8f-9012-2c3d4e5f6071',
      status: { unified: 'pending', raw: 'scheduled' },
      agentId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      label: 'Incheon branch',
      raw: wire,
    });
  });

  it.each(['', '   ', '.', '..'])('refuses the id %j before any request', async (id) => {
    await expect(vox().phoneNumbers.get(id)).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});

describe('vox campaigns.get', () => {
  it('maps every field of a campaign', async () => {
    const wire = fixture('vox', 'campaign');
    server.use(http.get(`${base}/v3/campaigns/:id`, () => HttpResponse.json(wire)));
    const campaign = await vox().campaigns.get('cmp_1');
    expect(new URL(requests[0]!.url).pathname).toBe('/v3/campaigns/cmp_1');
    expect(campaign).toEqual({
      provider: 'vox',
      id: 'cmp_1',
      name: 'March renewal reminders',
      status: { unified: 'running', raw: 'ongoing' },
      agentId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      fromNumber: '0212345678',
      totalCalls: 1200,
      completedCalls: 830,
      failedCalls: 42,
      concurrency: 10,
      activeConcurrency: 7,
      createdAt: new Date(1740787200000),
      scheduledAt: new Date(1740873600000),
      finishedAt: null,
      pausedAt: null,
      raw: wire,
    });
  });

  it.each([
    // vox's draft waits for its scheduled time and starts by itself.
    ['draft', 'scheduled'],
    ['pending', 'pending'],
    ['ongoing', 'running'],
    ['paused', 'paused'],
    ['success', 'completed'],
    ['fail', 'failed'],
    ['canceled', 'canceled'],
    ['archived', 'unknown'],
  ])('maps the campaign status %s to %s', async (raw, unified) => {
    server.use(http.get(`${base}/v3/campaigns/:id`, () => HttpResponse.json({ ...fixture<Record<string, unknown>>('vox', 'campaign'), status: raw })));
    expect((await vox().campaigns.get('cmp_1')).status).toEqual({ unified, raw });
  });

  it('raises NotFoundError for a 404', async () => {
    server.use(
      http.get(`${base}/v3/campaigns/:id`, () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'campaign not found' } }, { status: 404 }),
      ),
    );
    const error = await vox()
      .campaigns.get('cmp_missing')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(
      'vox answered 404: not_found: campaign not found. Check the id: the platform has no such resource.',
    );
  });
});
