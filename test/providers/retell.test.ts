import { describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError, ResponseValidationError, type PhoneNumber } from '../../src/index.js';
import { createRetellClient } from '../../src/providers/retell/entry.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';

// Retell numbers, read: the list's pagination_key pages, one number by its E.164 id, and how the
// weighted agent lists and the other fields map.

useMsw();

const base = 'https://api.retellai.com';
const listUrl = `${base}/v2/list-phone-numbers`;
const apiKey = 'key_retell_test_0123456789';
const retell = () => createClient({ provider: 'retell', apiKey });

const first = {
  phone_number: '+14155550101',
  phone_number_pretty: '+1 (415) 555-0101',
  phone_number_type: 'retell-twilio',
  area_code: 415,
  last_modification_timestamp: 1_719_792_000_000,
  nickname: 'Front desk',
  inbound_agents: [
    { agent_id: 'agent_a', weight: 0.3 },
    { agent_id: 'agent_b', weight: 0.7, agent_version: 3 },
  ],
  outbound_agents: [{ agent_id: 'agent_out', weight: 1 }],
  inbound_webhook_url: null,
};
const second = {
  phone_number: '+442071234567',
  phone_number_type: 'custom',
  last_modification_timestamp: 1_704_067_200_000,
  inbound_agent_id: 'agent_old',
  inbound_agent_version: 2,
};
const third = { phone_number: '+14155550103', phone_number_type: 'retell-telnyx', last_modification_timestamp: 1_704_067_300_000, inbound_agents: [] };

/** Two pages; the first one's key holds a `+`, as a number does. */
function servePages() {
  server.use(
    http.get(listUrl, ({ request }) => {
      const key = new URL(request.url).searchParams.get('pagination_key');
      if (key === null) return HttpResponse.json({ items: [first, second], has_more: true, pagination_key: '+442071234567' });
      if (key === '+442071234567') return HttpResponse.json({ items: [third], has_more: false });
      return HttpResponse.json({ status: 'error', message: 'bad key' }, { status: 400 });
    }),
  );
}

describe('retell phoneNumbers.list', () => {
  it('sends a GET with the bearer key and maps every field', async () => {
    servePages();
    const page = await retell().phoneNumbers.list();

    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/v2/list-phone-numbers');
    expect(queryOf(requests[0]!)).toEqual({});
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(page.totalCount).toBeNull();
    expect(page.nextCursor).toBe('+442071234567');
    expect(page.items).toEqual<PhoneNumber<'retell'>[]>([
      {
        provider: 'retell',
        id: '+14155550101',
        number: '+14155550101',
        e164: '+14155550101',
        status: { unified: 'active', raw: null },
        agentId: 'agent_b',
        outboundAgentId: 'agent_out',
        label: 'Front desk',
        type: 'pstn',
        carrier: 'retell-twilio',
        inbound: null,
        outbound: null,
        createdAt: null,
        updatedAt: new Date(1_719_792_000_000),
        raw: first,
      },
      {
        provider: 'retell',
        id: '+442071234567',
        number: '+442071234567',
        e164: '+442071234567',
        status: { unified: 'active', raw: null },
        agentId: 'agent_old',
        outboundAgentId: null,
        label: null,
        type: 'pstn',
        carrier: 'custom',
        inbound: null,
        outbound: null,
        createdAt: null,
        updatedAt: new Date(1_704_067_200_000),
        raw: second,
      },
    ]);
  });

  it('sends the pagination_key back verbatim, its + encoded, and stops when has_more is false', async () => {
    servePages();
    const numbers: string[] = [];
    for await (const number of retell().phoneNumbers.list({ limit: 2, sortOrder: 'ascending' })) numbers.push(number.id);
    expect(numbers).toEqual(['+14155550101', '+442071234567', '+14155550103']);
    expect(requests.map((request) => new URL(request.url).search)).toEqual([
      '?limit=2&sort_order=ascending',
      '?limit=2&sort_order=ascending&pagination_key=%2B442071234567',
    ]);
  });

  it('treats a page with has_more but no pagination_key as the last', async () => {
    server.use(http.get(listUrl, () => HttpResponse.json({ items: [third], has_more: true })));
    const page = await retell().phoneNumbers.list();
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]!.agentId).toBeNull();
  });

  it('applies a status filter itself: every Retell number is active', async () => {
    servePages();
    const active = await retell().phoneNumbers.list({ status: ['active', 'pending'] });
    expect(active.items.map((number) => number.id)).toEqual(['+14155550101', '+442071234567']);
    expect(active.totalCount).toBeNull();
    expect(requests).toHaveLength(1);
  });

  it('answers a status set without active at once, with no request: Retell has no other number status', async () => {
    servePages();
    for (const status of ['inactive', ['pending', 'canceling']] as const) {
      const none = await retell().phoneNumbers.list({ status });
      expect(none.items).toEqual([]);
      expect(none.hasMore).toBe(false);
      expect(none.totalCount).toBe(0);
      let count = 0;
      for await (const _number of retell().phoneNumbers.list({ status })) count++;
      expect(count).toBe(0);
    }
    expect(requests).toHaveLength(0);
  });

  it.each([
    [{ limit: 1001 }, 'retell: phoneNumbers.list: limit must be from 1 to 1000 (got 1001).'],
    [{ limit: 0 }, 'retell: phoneNumbers.list: limit must be a whole number of 1 or more (got 0).'],
    [{ sortOrder: 'desc' }, 'retell: phoneNumbers.list: sortOrder must be "ascending" or "descending" (got "desc").'],
    [{ carrier: 'custom' }, 'retell: phoneNumbers.list: does not take the parameter "carrier"; it takes limit, cursor, status, sortOrder.'],
  ])('refuses %j before any request', async (params, message) => {
    const error = await retell().phoneNumbers.list(params as never).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(message);
    expect(requests).toHaveLength(0);
  });

  it('sends limit 1000, the largest Retell takes', async () => {
    server.use(http.get(listUrl, () => HttpResponse.json({ items: [], has_more: false })));
    await retell().phoneNumbers.list({ limit: 1000 });
    expect(queryOf(requests[0]!)).toEqual({ limit: ['1000'] });
  });

  it('raises a ResponseValidationError for a page without has_more', async () => {
    server.use(http.get(listUrl, () => HttpResponse.json({ items: [first] })));
    await expect(retell().phoneNumbers.list()).rejects.toThrow(ResponseValidationError);
    await expect(retell().phoneNumbers.list()).rejects.toThrow(/has_more: expected boolean, got nothing/);
  });
});

describe('retell weighted agent lists', () => {
  const agentOf = async (fields: Record<string, unknown>) => {
    server.use(http.get(`${base}/get-phone-number/:number`, () => HttpResponse.json({ ...third, ...fields })));
    const number = await retell().phoneNumbers.get('+14155550103');
    return [number.agentId, number.outboundAgentId];
  };

  it.each([
    ['the highest weight', { inbound_agents: [{ agent_id: 'a', weight: 0.2 }, { agent_id: 'b', weight: 0.5 }, { agent_id: 'c', weight: 0.3 }] }, 'b'],
    ['the first of a tie', { inbound_agents: [{ agent_id: 'a', weight: 0.25 }, { agent_id: 'b', weight: 0.375 }, { agent_id: 'c', weight: 0.375 }] }, 'b'],
    ['none for an empty list, even beside a deprecated field', { inbound_agents: [], inbound_agent_id: 'old' }, null],
    ['the deprecated field for a null list', { inbound_agents: null, inbound_agent_id: 'old' }, 'old'],
    ['none when nothing is bound', { inbound_agents: undefined }, null],
  ])('takes %s as the inbound agent', async (_case, fields, agentId) => {
    expect((await agentOf(fields))[0]).toBe(agentId);
  });

  it('reads the outbound agent by the same rule', async () => {
    expect(await agentOf({ outbound_agents: [{ agent_id: 'x', weight: 0.5 }, { agent_id: 'y', weight: 0.5 }] })).toEqual([null, 'x']);
    expect(await agentOf({ outbound_agent_id: 'legacy' })).toEqual([null, 'legacy']);
  });
});

describe('retell phoneNumbers.get', () => {
  it('gets a number by its E.164 number, percent-encoded in the path', async () => {
    server.use(http.get(`${base}/get-phone-number/:number`, () => HttpResponse.json(first)));
    const number = await createRetellClient({ apiKey }).phoneNumbers.get('+14155550101');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.url).toBe(`${base}/get-phone-number/%2B14155550101`);
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(number.id).toBe('+14155550101');
    expect(number.agentId).toBe('agent_b');
    expect(number.raw).toEqual(first);
  });

  it('reads its key from RETELL_API_KEY and talks to api.retellai.com by default', async () => {
    process.env.RETELL_API_KEY = 'key_from_environment';
    try {
      server.use(http.get(`${base}/get-phone-number/:number`, () => HttpResponse.json(first)));
      await createClient({ provider: 'retell' }).phoneNumbers.get('+14155550101');
      expect(requests[0]!.headers.get('authorization')).toBe('Bearer key_from_environment');
    } finally {
      delete process.env.RETELL_API_KEY;
    }
  });
});
