import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, createClient, InvalidRequestError, NotFoundError } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { collect, failureOf, useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed()).vox;
const vox = () => createClient(sandbox().clientOptions('vox'));
const allStatuses = ['active', 'pending', 'canceling', 'inactive'] as const;

describe('sandbox: vox', () => {
  it('lists every number, page after page, to the end', async () => {
    const numbers = await collect(vox().phoneNumbers.list({ status: [...allStatuses], limit: 100 }));

    expect(numbers).toHaveLength(seed.phoneNumbers.length);
    expect(seed.phoneNumbers).toHaveLength(230);
    expect(new Set(numbers.map((number) => number.id)).size).toBe(230);
    expect(new Set(numbers.map((number) => number.status.raw))).toEqual(new Set(['active', 'scheduled', 'cancel_requested', 'expired']));
    expect(new Set(numbers.map((number) => number.carrier))).toEqual(new Set(['vox', 'custom']));
    // Three pages of at most 100, each asked with every status repeated in the query.
    const pages = sandbox().requests;
    expect(pages.map((request) => request.status)).toEqual([200, 200, 200]);
    expect(pages[0]!.query.status).toEqual(['active', 'scheduled', 'cancel_requested', 'expired']);
    expect(pages[1]!.query.cursor).toHaveLength(1);
  });

  it('answers only active numbers when no status is asked for, as vox does, with the total count', async () => {
    const page = await vox().phoneNumbers.list({ limit: 10 });
    const active = seed.phoneNumbers.filter((number) => number.status === 'active');

    expect(sandbox().requests[0]!.query).toEqual({ limit: ['10'] });
    expect(page.items).toHaveLength(10);
    expect(page.items.every((number) => number.status.raw === 'active')).toBe(true);
    expect(page.totalCount).toBe(active.length);
    expect(page.hasMore).toBe(true);
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

    const statuses = new Set<string>();
    for (const campaign of seed.campaigns) {
      const got = await vox().campaigns.get(campaign.id);
      expect(got.raw).toEqual(campaign);
      statuses.add(got.status.raw!);
    }
    expect(statuses).toEqual(new Set(['draft', 'pending', 'ongoing', 'paused', 'success', 'fail', 'canceled']));
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
