import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, createClient, InvalidRequestError, NotFoundError } from '../../src/index.js';
import { voxErrorDetail } from '../../src/providers/vox/wire.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { collect, failureOf, useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed()).vox;
const vox = () => createClient(sandbox().clientOptions('vox'));

describe('sandbox: vox', () => {
  it('lists every number in every status when no status is given, one status per request', async () => {
    const listing = vox().phoneNumbers.list({ limit: 100 });
    const first = await listing;
    const numbers = await collect(listing);

    expect(first.totalCount).toBe(230);
    expect(numbers).toHaveLength(seed.phoneNumbers.length);
    expect(seed.phoneNumbers).toHaveLength(230);
    expect(new Set(numbers.map((number) => number.id)).size).toBe(230);
    expect(new Set(numbers.map((number) => number.status.raw))).toEqual(new Set(['active', 'scheduled', 'cancel_requested', 'expired']));
    expect(new Set(numbers.map((number) => number.carrier))).toEqual(new Set(['vox', 'custom']));
    // Custom numbers are dialable numbers on the customer's own SIP trunk: phone numbers, with an E.164 form.
    const custom = numbers.filter((number) => number.carrier === 'custom');
    expect(custom.length).toBeGreaterThan(0);
    const koreanE164 = (number: string) => `+82${number.startsWith('0') ? number.slice(1) : number}`;
    expect(custom.every((number) => number.type === 'pstn' && number.e164 === koreanE164(number.number))).toBe(true);
    const requests = sandbox().requests;
    expect(requests.every((request) => request.status === 200 && request.query.status?.length === 1)).toBe(true);
    // Page 1 of active and one item of each other status (iteration starts from the page already
    // fetched), then active's second page of 50 and one page for each other status.
    expect(requests.filter((request) => request.query.limit?.[0] === '1').map((request) => request.query.status![0]).sort()).toEqual([
      'cancel_requested',
      'expired',
      'scheduled',
    ]);
    expect(requests.filter((request) => request.query.limit?.[0] === '100').map((request) => request.query.status![0])).toEqual([
      'active',
      'active',
      'scheduled',
      'cancel_requested',
      'expired',
    ]);
  });

  it('lists several statuses as one listing, which the double would answer with one status if asked at once', async () => {
    const numbers = await collect(vox().phoneNumbers.list({ status: ['active', 'inactive'], limit: 100 }));
    const expected = seed.phoneNumbers.filter((number) => number.status === 'active' || number.status === 'expired');

    expect(numbers.map((number) => number.id).sort()).toEqual(expected.map((number) => number.id).sort());
    expect(numbers).toHaveLength(180);
  });

  it('keeps only the last of a repeated status, silently, as a server that reads one value does', async () => {
    const response = await fetch(`${sandbox().baseUrl('vox')}/v3/organization-telephone-numbers?status=active&status=expired&limit=100`, {
      headers: { authorization: `Bearer ${sandbox().apiKeys.vox}` },
    });
    const body = (await response.json()) as { items: { status: string }[]; total_count: number };
    const expired = seed.phoneNumbers.filter((number) => number.status === 'expired');

    expect(response.status).toBe(200);
    expect(body.total_count).toBe(expired.length);
    expect(new Set(body.items.map((item) => item.status))).toEqual(new Set(['expired']));
  });

  it('answers only active numbers when no status is asked for, as vox does, with the total count', async () => {
    const response = await fetch(`${sandbox().baseUrl('vox')}/v3/organization-telephone-numbers?limit=10`, {
      headers: { authorization: `Bearer ${sandbox().apiKeys.vox}` },
    });
    const body = (await response.json()) as { items: { status: string }[]; total_count: number; next_cursor: string | null };
    const active = seed.phoneNumbers.filter((number) => number.status === 'active');

    expect(body.items).toHaveLength(10);
    expect(body.items.every((item) => item.status === 'active')).toBe(true);
    expect(body.total_count).toBe(active.length);
    expect(body.next_cursor).not.toBeNull();
  });

  it('answers an unknown query parameter with the parameters it takes, which the client puts in its message', async () => {
    const response = await fetch(`${sandbox().baseUrl('vox')}/v3/organization-telephone-numbers?state=active`, {
      headers: { authorization: `Bearer ${sandbox().apiKeys.vox}` },
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body).toEqual({
      error: {
        code: 'invalid_parameter',
        message: 'Unknown query parameter "state".',
        details: {
          field: 'state',
          reason: 'unknown_parameter',
          allowed_query_parameters: ['cursor', 'limit', 'status', 'provider', 'sort_by', 'sort_order'],
        },
      },
    });
    expect(voxErrorDetail(body)).toBe(
      'invalid_parameter: Unknown query parameter "state". ' +
        '(field state; unknown_parameter; allowed query parameters: cursor, limit, status, provider, sort_by, sort_order)',
    );
  });

  it('filters by status and carrier, and sorts by the field and order asked for', async () => {
    const numbers = await collect(vox().phoneNumbers.list({ status: 'pending', carrier: 'custom', sortBy: 'number', sortOrder: 'asc' }));
    const expected = seed.phoneNumbers
      .filter((number) => number.status === 'scheduled' && number.provider === 'custom')
      .map((number) => number.number)
      .sort();

    expect(expected.length).toBeGreaterThan(0);
    expect(numbers.map((number) => number.number)).toEqual(expected);
    expect(sandbox().requests[0]!.query).toEqual({ status: ['scheduled'], provider: ['custom'], sort_by: ['number'], sort_order: ['asc'] });
  });

  it('gets one number and one campaign as the seed holds them', async () => {
    const wire = seed.phoneNumbers[7]!;
    const number = await vox().phoneNumbers.get(wire.id);
    expect(number.raw).toEqual(wire);
    expect(number.number).toBe(wire.number);

    const statuses = new Map<string, string>();
    for (const campaign of seed.campaigns) {
      const got = await vox().campaigns.get(campaign.id);
      expect(got.raw).toEqual(campaign);
      statuses.set(got.status.raw!, got.status.unified);
    }
    expect(Object.fromEntries(statuses)).toEqual({
      // A draft waits for its scheduled time, in the future in the seed, and starts by itself.
      draft: 'scheduled',
      pending: 'pending',
      ongoing: 'running',
      paused: 'paused',
      success: 'completed',
      fail: 'failed',
      canceled: 'canceled',
    });
    const draft = seed.campaigns.find((campaign) => campaign.status === 'draft')!;
    expect(draft.scheduled_at).toBeGreaterThan(draft.created_at);
  });

  it('answers an unknown id with a 404 in vox envelope', async () => {
    const error = await failureOf(vox().phoneNumbers.get('no-such-number'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('not_found: Telephone number no-such-number was not found');
    expect((error as NotFoundError).body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(await failureOf(vox().campaigns.get('no-such-campaign'))).toBeInstanceOf(NotFoundError);
  });

  it('refuses a wrong key with a 401', async () => {
    const client = createClient({ ...sandbox().clientOptions('vox'), apiKey: 'wrong-key' });
    const error = await failureOf(client.phoneNumbers.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toContain('unauthorized: Invalid API key');
  });

  it('answers a limit outside 1..100 with a 400 in vox envelope', async () => {
    const response = await fetch(`${sandbox().baseUrl('vox')}/v3/organization-telephone-numbers?limit=500`, {
      headers: { authorization: `Bearer ${sandbox().apiKeys.vox}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_parameter',
        message: 'limit must be an integer from 1 to 100 (got 500).',
        details: { field: 'limit', reason: 'out_of_range' },
      },
    });
    // The client refuses the same limit before sending anything.
    expect(await failureOf(vox().phoneNumbers.list({ limit: 500 }))).toBeInstanceOf(InvalidRequestError);
    expect(sandbox().requestCount('vox')).toBe(1);
  });

  it('answers a cursor of another query with a 400 the client reports as BadRequestError', async () => {
    const first = await vox().phoneNumbers.list({ status: 'active', limit: 5 });
    const error = await failureOf(vox().phoneNumbers.list({ status: 'inactive', cursor: first.nextCursor! }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).message).toContain('invalid_parameter: cursor is not a next_cursor of this query');
    expect((error as BadRequestError).message).toContain('field cursor');
  });

  it('answers an unknown status value with the allowed values', async () => {
    const response = await fetch(`${sandbox().baseUrl('vox')}/v3/organization-telephone-numbers?status=active&status=gone`, {
      headers: { authorization: `Bearer ${sandbox().apiKeys.vox}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { details: { field: 'status', reason: 'invalid_value', allowed_values: ['active', 'scheduled', 'cancel_requested', 'expired'] } },
    });
  });
});
