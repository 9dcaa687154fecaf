import { describe, expect, it } from 'vitest';
import { APIUserAbortError, AuthenticationError, createClient, InvalidRequestError, NotFoundError, UnprocessableEntityError, UnsupportedOperationError } from '../../src/index.js';
import { createBlandClient } from '../../src/providers/bland/entry.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { base, client, failureOf, key, neutralClient, pathOf, promptNumber, routedNumber } from './bland-helpers.js';

useMsw();

const listAnswer = { inbound_numbers: [routedNumber, promptNumber, { ...promptNumber, phone_number: '+18005550000', pathway_id: null }] };
/** The documented outbound list: one number that is also inbound, one that only places calls. */
const outboundOnly = { created_at: '2023-12-01T09:00:00.5+00:00', phone_number: '+18005557777', last_initiated: '2023-12-08T21:47:49.808+00:00' };
const outboundAnswer = { outbound_numbers: [{ created_at: '2023-11-27T17:21:38.33359+00:00', phone_number: '+18005551234', last_initiated: null }, outboundOnly] };
/** Bland's 404 for a number its inbound endpoint does not know, in the v1 envelope. */
const inboundNotFound = () => HttpResponse.json({ status: 'error', message: 'Inbound number not found' }, { status: 404 });
const serveBoth = () =>
  server.use(
    http.get(`${base}/v1/inbound`, () => HttpResponse.json(listAnswer)),
    http.get(`${base}/v1/outbound`, () => HttpResponse.json(outboundAnswer)),
  );

describe('bland phoneNumbers.list', () => {
  it('sends GET /v1/inbound and GET /v1/outbound with the raw key (no Bearer) and maps every field', async () => {
    serveBoth();
    const page = await client().phoneNumbers.list({ limit: 2 });

    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual(['GET /v1/inbound', 'GET /v1/outbound']);
    expect(requests.map((request) => queryOf(request))).toEqual([{}, {}]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([key, key]);
    expect(page.items).toHaveLength(4);
    expect(page.nextCursor).toBeNull();
    expect(page.hasMore).toBe(false);
    expect(page.totalCount).toBe(4);
    expect(page.items[0]).toEqual({
      provider: 'bland',
      id: '+18005551234',
      number: '+18005551234',
      e164: '+18005551234',
      status: { unified: 'active', raw: null },
      agentId: 'pw_clinic',
      outboundAgentId: null,
      label: null,
      type: 'pstn',
      carrier: null,
      inbound: true,
      outbound: true,
      createdAt: new Date('2023-11-27T17:21:38.333Z'),
      updatedAt: null,
      raw: routedNumber,
    });
    expect(page.items[3]).toEqual({
      provider: 'bland',
      id: '+18005557777',
      number: '+18005557777',
      e164: '+18005557777',
      status: { unified: 'active', raw: null },
      agentId: null,
      outboundAgentId: null,
      label: null,
      type: 'pstn',
      carrier: null,
      inbound: null,
      outbound: true,
      createdAt: new Date('2023-12-01T09:00:00.500Z'),
      updatedAt: null,
      raw: outboundOnly,
    });
    // Each number once: +18005551234 is on both lists.
    expect(page.items.map((number) => [number.id, number.inbound, number.outbound])).toEqual([
      ['+18005551234', true, true],
      ['+18005559876', true, null],
      ['+18005550000', true, null],
      ['+18005557777', null, true],
    ]);
    expect(page.items.map((number) => number.agentId)).toEqual(['pw_clinic', null, null, null]);
  });

  it('reads the persona a number is attached to as its agent, before any pathway', async () => {
    const personaNumber = { ...promptNumber, phone_number: '+18005552222', persona_id: 'persona_front_desk', persona_settings: null };
    const overridden = { ...routedNumber, phone_number: '+18005553333', persona_id: 'persona_sales', pathway_id: 'pw_old' };
    server.use(
      http.get(`${base}/v1/inbound`, () => HttpResponse.json({ inbound_numbers: [personaNumber, overridden, routedNumber] })),
      http.get(`${base}/v1/outbound`, () => HttpResponse.json({ outbound_numbers: [] })),
      http.get(`${base}/v1/inbound/:number`, () => HttpResponse.json(personaNumber)),
    );
    const page = await client().phoneNumbers.list();
    expect(page.items.map((number) => number.agentId)).toEqual(['persona_front_desk', 'persona_sales', 'pw_clinic']);
    expect((await client().phoneNumbers.get('+18005552222')).agentId).toBe('persona_front_desk');
  });

  it('applies a neutral status filter itself, and answers a set without active at once, with no request', async () => {
    serveBoth();
    expect((await client().phoneNumbers.list({ status: 'active' })).items).toHaveLength(4);
    expect(requests).toHaveLength(2);
    const none = await client().phoneNumbers.list({ status: ['inactive', 'pending'] });
    expect(none.items).toEqual([]);
    expect(none.totalCount).toBe(0);
    expect(none.hasMore).toBe(false);
    expect(requests).toHaveLength(2);
  });

  it('iterates to the end with one request per list', async () => {
    serveBoth();
    const ids: string[] = [];
    for await (const number of client().phoneNumbers.list()) ids.push(number.id);
    expect(ids).toEqual(['+18005551234', '+18005559876', '+18005550000', '+18005557777']);
    expect(requests).toHaveLength(2);
  });

  it('reads the v1 error envelope into the message, and takes the key from BLAND_API_KEY', async () => {
    server.use(http.get(`${base}/v1/inbound`, () => HttpResponse.json({ status: 'error', message: 'Invalid API key' }, { status: 401 })));
    const previous = process.env.BLAND_API_KEY;
    process.env.BLAND_API_KEY = 'from_environment_key';
    try {
      const error = await failureOf(createBlandClient({ baseUrl: base }).phoneNumbers.list());
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as Error).message).toContain('bland answered 401: Invalid API key.');
      expect((error as Error).message).not.toContain('from_environment_key');
      expect(requests[0]!.headers.get('authorization')).toBe('from_environment_key');
    } finally {
      if (previous === undefined) delete process.env.BLAND_API_KEY;
      else process.env.BLAND_API_KEY = previous;
    }
  });

  it('uses https://api.bland.ai by default', async () => {
    server.use(
      http.get('https://api.bland.ai/v1/inbound', () => HttpResponse.json({ inbound_numbers: [] })),
      http.get('https://api.bland.ai/v1/outbound', () => HttpResponse.json({ outbound_numbers: [] })),
    );
    const page = await createClient({ provider: 'bland', apiKey: key }).phoneNumbers.list();
    expect(page.items).toEqual([]);
    expect(requests[0]!.url).toBe('https://api.bland.ai/v1/inbound');
  });
});

describe('bland phoneNumbers.get', () => {
  it('GETs /v1/inbound/{number} with the number percent-encoded and maps a number without pathway', async () => {
    server.use(http.get(`${base}/v1/inbound/:number`, () => HttpResponse.json(promptNumber)));
    const number = await client().phoneNumbers.get('+18005559876');
    expect(pathOf(requests[0]!)).toBe('/v1/inbound/%2B18005559876');
    expect(requests[0]!.headers.get('authorization')).toBe(key);
    expect(number).toMatchObject({ id: '+18005559876', agentId: null, createdAt: new Date('2023-11-25T21:42:22.325Z'), raw: promptNumber });
  });

  it('maps a 404 in the v1 envelope to NotFoundError with its message', async () => {
    server.use(
      http.get(`${base}/v1/inbound/:number`, inboundNotFound),
    );
    server.use(http.get(`${base}/v1/outbound`, () => HttpResponse.json(outboundAnswer)));
    const error = await failureOf(client().phoneNumbers.get('+18005550001'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('bland answered 404: Inbound number not found.');
    // Not on the outbound list either: the inbound endpoint's 404 is the answer.
    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual(['GET /v1/inbound/%2B18005550001', 'GET /v1/outbound']);
  });

  it('finds a number on the outbound list only (as phoneNumbers.list shows it) when the inbound endpoint answers 404, given with or without +1', async () => {
    server.use(
      http.get(`${base}/v1/inbound/:number`, inboundNotFound),
      http.get(`${base}/v1/outbound`, () => HttpResponse.json(outboundAnswer)),
    );
    for (const given of ['+18005557777', '8005557777']) {
      requests.length = 0;
      const number = await client().phoneNumbers.get(given);
      expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual([`GET /v1/inbound/${encodeURIComponent(given)}`, 'GET /v1/outbound']);
      expect(number).toMatchObject({
        id: '+18005557777',
        e164: '+18005557777',
        inbound: null,
        outbound: true,
        agentId: null,
        createdAt: new Date('2023-12-01T09:00:00.500Z'),
        raw: outboundOnly,
      });
    }
  });

  it('keeps the 404 when the outbound list cannot be read, and raises the caller\'s abort as it is', async () => {
    server.use(
      http.get(`${base}/v1/inbound/:number`, inboundNotFound),
      http.get(`${base}/v1/outbound`, () => HttpResponse.json({ status: 'error', message: 'bad gateway' }, { status: 502 })),
    );
    const error = await failureOf(client().phoneNumbers.get('+18005557777', { maxRetries: 0 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('bland answered 404: Inbound number not found.');

    const controller = new AbortController();
    server.use(
      http.get(`${base}/v1/outbound`, async () => {
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return HttpResponse.json(outboundAnswer);
      }),
    );
    const aborted = await failureOf(client().phoneNumbers.get('+18005557777', { signal: controller.signal }));
    expect(aborted).toBeInstanceOf(APIUserAbortError);
    // The same in an update's check of the outbound list, after the POST's 404.
    const updateController = new AbortController();
    server.use(
      http.post(`${base}/v1/inbound/:number`, inboundNotFound),
      http.get(`${base}/v1/outbound`, async () => {
        updateController.abort();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return HttpResponse.json(outboundAnswer);
      }),
    );
    const abortedUpdate = await failureOf(client().phoneNumbers.update('+18005557777', { agentId: 'pw_x' }, { signal: updateController.signal }));
    expect(abortedUpdate).toBeInstanceOf(APIUserAbortError);
  });

  it('does not look in the outbound list after a failure that is not a 404', async () => {
    server.use(http.get(`${base}/v1/inbound/:number`, () => HttpResponse.json({ status: 'error', message: 'bad key' }, { status: 401 })));
    const error = await failureOf(client().phoneNumbers.get('+18005557777'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(requests).toHaveLength(1);
  });
});

describe('bland phoneNumbers.update', () => {
  it('POSTs exactly { pathway_id } and returns the number read back', async () => {
    const updated = { ...promptNumber, prompt: null, pathway_id: 'pw_new' };
    server.use(
      http.post(`${base}/v1/inbound/:number`, () => HttpResponse.json({ status: 'success', message: 'Updated', updates: { pathway_id: 'pw_new' } })),
      http.get(`${base}/v1/inbound/:number`, () => HttpResponse.json(updated)),
    );
    const number = await client().phoneNumbers.update('+18005559876', { agentId: 'pw_new' });
    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual([
      'POST /v1/inbound/%2B18005559876',
      'GET /v1/inbound/%2B18005559876',
    ]);
    expect(requests[0]!.headers.get('authorization')).toBe(key);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ pathway_id: 'pw_new' });
    expect(number).toMatchObject({ id: '+18005559876', agentId: 'pw_new', raw: updated });
  });

  it('sends { pathway_id: null } to unlink', async () => {
    server.use(
      http.post(`${base}/v1/inbound/:number`, () => HttpResponse.json({ status: 'success', message: 'Updated', updates: {} })),
      http.get(`${base}/v1/inbound/:number`, () => HttpResponse.json({ ...routedNumber, pathway_id: null })),
    );
    const number = await client().phoneNumbers.update('+18005551234', { agentId: null });
    expect(await requests[0]!.json()).toEqual({ pathway_id: null });
    expect(number.agentId).toBeNull();
  });

  it('is never retried: a 500 on the POST is one attempt, and nothing is read back', async () => {
    server.use(
      http.post(`${base}/v1/inbound/:number`, () =>
        HttpResponse.json({ status: 'error', message: 'temporary failure' }, { status: 500, headers: { 'retry-after-ms': '0' } }),
      ),
    );
    const error = await failureOf(client().phoneNumbers.update('+18005551234', { agentId: 'pw_x' }, { maxRetries: 2 }));
    expect((error as Error).message).toContain('bland answered 500: temporary failure.');
    expect(requests).toHaveLength(1);
  });

  it('raises a 200 that carries the v1 failure envelope, and reads nothing back', async () => {
    server.use(http.post(`${base}/v1/inbound/:number`, () => HttpResponse.json({ status: 'error', message: 'Pathway not found' })));
    const error = await failureOf(client().phoneNumbers.update('+18005551234', { agentId: 'pw_missing' }));
    expect((error as Error).message).toContain('Pathway not found');
    expect(requests).toHaveLength(1);
  });

  /** The POST of an update answers 404; the outbound list is the documented one. */
  const serveUpdateNotFound = () =>
    server.use(http.post(`${base}/v1/inbound/:number`, inboundNotFound), http.get(`${base}/v1/outbound`, () => HttpResponse.json(outboundAnswer)));

  it('on a number on the outbound list only, says so: the 404 of the POST, nothing read back, nothing retried', async () => {
    serveUpdateNotFound();
    const error = await failureOf(client().phoneNumbers.update('+18005557777', { agentId: 'pw_x' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, provider: 'bland' });
    expect((error as Error).message).toMatch(/^bland: phoneNumbers\.update: \+18005557777 is one of the account's outbound numbers only/);
    expect((error as Error).message).toContain('Nothing was changed');
    expect(((error as Error).cause as Error).message).toContain('bland answered 404: Inbound number not found.');
    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual(['POST /v1/inbound/%2B18005557777', 'GET /v1/outbound']);
  });

  it('keeps the 404 as Bland gave it for a number on neither list', async () => {
    serveUpdateNotFound();
    const error = await failureOf(client().phoneNumbers.update('+18005550001', { agentId: 'pw_x' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('bland answered 404: Inbound number not found.');
  });

  it('maps a 422 to UnprocessableEntityError', async () => {
    server.use(http.post(`${base}/v1/inbound/:number`, () => HttpResponse.json({ status: 'error', message: 'bad pathway_id' }, { status: 422 })));
    const error = await failureOf(client().phoneNumbers.update('+18005551234', { agentId: 'x' }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as Error).message).toContain('bad pathway_id');
  });

  it.each([
    [{}, /the patch is empty; give agentId/],
    [{ label: 'Front desk' }, /the patch takes agentId on bland, not "label"\. Nothing was sent\./],
    [{ agentId: 'pw_1', status: 'inactive' }, /not "status"/],
    [{ agentId: '' }, /agentId must be a pathway id, or null to unlink the pathway \(got ""\)/],
    [{ agentId: 7 }, /agentId must be a pathway id/],
    [null, /the patch must be an object such as \{ agentId: "\.\.\." \} \(got null\); it takes agentId\./],
  ])('refuses %j before any request', async (patch, message) => {
    const error = await failureOf(client().phoneNumbers.update('+18005551234', patch as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('is not offered for delete, create or listByAgent: UnsupportedOperationError, nothing sent', async () => {
    const neutral = neutralClient();
    expect(neutral.supports('phoneNumbers.update')).toBe(true);
    expect(neutral.supports('phoneNumbers.delete')).toBe(false);
    expect(neutral.supports('phoneNumbers.create')).toBe(false);
    expect(neutral.supports('phoneNumbers.listByAgent')).toBe(false);
    await expect(neutral.phoneNumbers.delete!('+18005551234')).rejects.toThrow(UnsupportedOperationError);
    expect(requests).toHaveLength(0);
  });
});
