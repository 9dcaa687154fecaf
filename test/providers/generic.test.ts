import { describe, expect, it } from 'vitest';
import { InvalidRequestError, type GenericPhoneNumberListParams, type PhoneNumber } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import {
  apiKey,
  failureOf,
  generic,
  numbersUrl,
  secondCursor,
  serve,
  serveAssignedPages,
  useCleanGenericEnvironment,
  type Envelope,
} from '../helpers/generic.js';
import { queryOf, requests, useMsw } from '../helpers/msw.js';

useMsw();
useCleanGenericEnvironment();

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
