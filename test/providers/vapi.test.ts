import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  UnsupportedOperationError,
} from '../../src/index.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { assistantId, base, client, failureOf, key, numberId, twilioNumber, useVapiContract } from '../helpers/vapi.js';

// Registered before useMsw: its check runs after msw's own cleanup, so a failed check cannot leak requests into the next test.
const contract = useVapiContract();
useMsw();

const listUrl = `${base}/v2/phone-number`;
const numberUrl = `${base}/phone-number/${numberId}`;

const sipOnly = {
  id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  orgId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  provider: 'vapi',
  sipUri: 'sip:frontdesk@sip.vapi.ai',
  status: 'activating',
  squadId: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
  createdAt: '2025-02-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
};
const byoWithoutStatus = {
  id: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a',
  orgId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  provider: 'byo-phone-number',
  number: '4155550199',
  credentialId: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
  workflowId: 'f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b9c',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-05T00:00:00.000Z',
};
const blocked = twilioNumber({ id: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d', status: 'blocked', name: undefined, assistantId: undefined });

function page(results: unknown[], metadata: Record<string, unknown>) {
  return { results, metadata: { itemsPerPage: 100, totalItems: results.length, currentPage: 1, ...metadata } };
}

describe('vapi phoneNumbers.list', () => {
  it('sends GET /v2/phone-number with page and limit and the Bearer key, and maps every field', async () => {
    server.use(http.get(listUrl, () => HttpResponse.json(page([twilioNumber(), sipOnly, byoWithoutStatus, blocked], { totalItems: 4, totalPages: 1 }))));
    const result = await client().phoneNumbers.list();

    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/v2/phone-number');
    expect(queryOf(requests[0]!)).toEqual({ page: ['1'], limit: ['100'] });
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${key}`);
    expect(result.totalCount).toBe(4);
    expect(result.hasMore).toBe(false);
    expect(result.items[0]).toEqual({
      provider: 'vapi',
      id: numberId,
      number: '+14155550101',
      e164: '+14155550101',
      status: { unified: 'active', raw: 'active' },
      agentId: assistantId,
      outboundAgentId: null,
      label: 'Support line',
      type: 'pstn',
      carrier: 'twilio',
      inbound: null,
      outbound: null,
      createdAt: new Date('2025-03-01T10:00:00.000Z'),
      updatedAt: new Date('2025-03-02T11:30:00.000Z'),
      raw: twilioNumber(),
    });
    expect(result.items[1]).toMatchObject({
      number: 'sip:frontdesk@sip.vapi.ai',
      e164: null,
      type: 'sip',
      carrier: 'vapi',
      status: { unified: 'pending', raw: 'activating' },
      agentId: sipOnly.squadId,
      label: null,
      // A free Vapi number takes inbound calls only.
      outbound: false,
    });
    expect(result.items[2]).toMatchObject({
      number: '4155550199',
      e164: null,
      type: 'pstn',
      status: { unified: 'active', raw: null },
      agentId: byoWithoutStatus.workflowId,
      carrier: 'byo-phone-number',
      outbound: null,
    });
    expect(result.items[3]).toMatchObject({ status: { unified: 'inactive', raw: 'blocked' }, agentId: null, label: null });
  });

  it('asks for the next page while hasNextPage is true, and stops when it is false', async () => {
    server.use(
      http.get(listUrl, ({ request }) => {
        const current = Number(new URL(request.url).searchParams.get('page'));
        const number = twilioNumber({ id: `00000000-0000-4000-8000-00000000000${current}` });
        return HttpResponse.json(page([number], { itemsPerPage: 1, totalItems: 3, currentPage: current, hasNextPage: current < 3 }));
      }),
    );
    const ids: string[] = [];
    for await (const number of client().phoneNumbers.list({ limit: 1 })) ids.push(number.id);
    expect(ids).toHaveLength(3);
    expect(requests.map((request) => queryOf(request))).toEqual([1, 2, 3].map((current) => ({ page: [String(current)], limit: ['1'] })));
  });

  it('uses currentPage < totalPages where hasNextPage is missing, and the cursor is the next page number', async () => {
    server.use(
      http.get(listUrl, ({ request }) => {
        const current = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json(page([twilioNumber()], { itemsPerPage: 50, totalItems: 60, currentPage: current, totalPages: 2 }));
      }),
    );
    const first = await client().phoneNumbers.list({ limit: 50 });
    expect(first.nextCursor).toBe('2');
    const second = await client().phoneNumbers.list({ limit: 50, cursor: first.nextCursor! });
    expect(second.hasMore).toBe(false);
    expect(queryOf(requests[1]!)).toEqual({ page: ['2'], limit: ['50'] });
  });

  it('applies a status filter to each page itself (Vapi has none), so totalCount is null', async () => {
    server.use(http.get(listUrl, () => HttpResponse.json(page([twilioNumber(), sipOnly, blocked], { totalPages: 1 }))));
    const result = await client().phoneNumbers.list({ status: ['pending', 'inactive'] });
    expect(result.items.map((number) => number.status.raw)).toEqual(['activating', 'blocked']);
    expect(result.totalCount).toBeNull();
    expect(queryOf(requests[0]!)).toEqual({ page: ['1'], limit: ['100'] });
  });

  it('sends search as Vapi names it', async () => {
    server.use(http.get(listUrl, () => HttpResponse.json(page([], { totalPages: 0 }))));
    await client().phoneNumbers.list({ search: 'front desk' } as never);
    expect(queryOf(requests[0]!)).toEqual({ page: ['1'], limit: ['100'], search: ['front desk'] });
  });

  it.each([
    [{ limit: 1001 }, /limit must be from 1 to 1000 \(got 1001\)/],
    [{ search: 'x'.repeat(101) }, /search must be a non-empty text of at most 100 characters/],
    [{ sortBy: 'cost' }, /sortBy/],
  ])('refuses %j before any request', async (params, message) => {
    const error = await failureOf(client().phoneNumbers.list(params as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });
});

describe('vapi phoneNumbers.get, update, delete', () => {
  it('gets one number by GET /phone-number/{id}', async () => {
    server.use(http.get(numberUrl, () => HttpResponse.json(twilioNumber())));
    const number = await client().phoneNumbers.get(numberId);
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe(`/phone-number/${numberId}`);
    expect(queryOf(requests[0]!)).toEqual({});
    expect(number).toMatchObject({ id: numberId, agentId: assistantId, raw: twilioNumber() });
  });

  it('sends an id that is not a uuid percent-encoded, and lets the platform refuse it', async () => {
    server.use(
      http.get(`${base}/phone-number/:id`, () =>
        HttpResponse.json({ message: 'Validation failed (uuid is expected)', error: 'Bad Request', statusCode: 400 }, { status: 400 }),
      ),
    );
    contract.allowMismatches(['GET /phone-number/not%20a%2Fuuid: path/id: must match format "uuid"']);
    const error = await failureOf(client().phoneNumbers.get('not a/uuid'));
    expect(new URL(requests[0]!.url).pathname).toBe('/phone-number/not%20a%2Fuuid');
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toContain('Validation failed (uuid is expected)');
  });

  it('reads a 404 and an array message from NestJS error bodies', async () => {
    server.use(
      http.get(numberUrl, () => HttpResponse.json({ message: 'Phone Number Not Found', error: 'Not Found', statusCode: 404 }, { status: 404 })),
      http.patch(numberUrl, () =>
        HttpResponse.json(
          { message: ['name must be shorter than or equal to 40 characters', 'property x should not exist'], error: 'Bad Request', statusCode: 400 },
          { status: 400 },
        ),
      ),
    );
    const missing = await failureOf(client().phoneNumbers.get(numberId));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toContain('Phone Number Not Found');
    const refused = await failureOf(client().phoneNumbers.update(numberId, { label: 'Sales' }));
    expect(refused).toBeInstanceOf(BadRequestError);
    expect((refused as Error).message).toContain('name must be shorter than or equal to 40 characters; property x should not exist');
  });

  it('says a wrong key is refused, without the key in the message', async () => {
    server.use(http.get(numberUrl, () => HttpResponse.json({ message: 'Invalid Key.', error: 'Unauthorized', statusCode: 401 }, { status: 401 })));
    const error = await failureOf(client().phoneNumbers.get(numberId));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(key);
  });

  it('routes a number with PATCH { assistantId } and maps the answer', async () => {
    const answer = twilioNumber({ assistantId: 'agent-2' });
    server.use(http.patch(numberUrl, () => HttpResponse.json(answer)));
    const number = await client().phoneNumbers.update(numberId, { agentId: 'agent-2' });
    expect(requests[0]!.method).toBe('PATCH');
    expect(new URL(requests[0]!.url).pathname).toBe(`/phone-number/${numberId}`);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ assistantId: 'agent-2' });
    expect(number).toMatchObject({ agentId: 'agent-2', raw: answer });
  });

  it('sends label as name', async () => {
    server.use(http.patch(numberUrl, () => HttpResponse.json(twilioNumber({ name: 'Sales' }))));
    expect((await client().phoneNumbers.update(numberId, { label: 'Sales' })).label).toBe('Sales');
    expect(await requests[0]!.json()).toEqual({ name: 'Sales' });
  });

  it('unlinks with null for the assistant, the workflow and the squad (the document types them as strings only)', async () => {
    server.use(http.patch(numberUrl, () => HttpResponse.json(twilioNumber({ assistantId: undefined }))));
    contract.allowMismatches(
      ['assistantId', 'workflowId', 'squadId'].map((field) => `PATCH /phone-number/${numberId}: body/${field}: must be string`),
    );
    const number = await client().phoneNumbers.update(numberId, { agentId: null });
    expect(await requests[0]!.json()).toEqual({ assistantId: null, workflowId: null, squadId: null });
    expect(number.agentId).toBeNull();
  });

  it.each([
    [{ status: 'inactive' }, /the patch takes agentId and label on vapi, not "status"\. Nothing was sent\./],
    [{}, /the patch is empty/],
    [{ agentId: '' }, /agentId must be a non-empty assistant id/],
    [{ label: 'x'.repeat(41) }, /label is 41 characters long; Vapi keeps at most 40/],
  ])('refuses the patch %j before any request', async (patch, message) => {
    const error = await failureOf(client().phoneNumbers.update(numberId, patch as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('never retries a PATCH: a 500 is one attempt', async () => {
    server.use(http.patch(numberUrl, () => HttpResponse.json({ message: 'Internal server error', statusCode: 500 }, { status: 500 })));
    const error = await failureOf(client().phoneNumbers.update(numberId, { agentId: 'agent-2' }, { maxRetries: 2 }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
  });

  it('deletes with DELETE /phone-number/{id} and resolves to undefined', async () => {
    server.use(http.delete(numberUrl, () => HttpResponse.json(twilioNumber())));
    await expect(client().phoneNumbers.delete(numberId)).resolves.toBeUndefined();
    expect(requests.map((request) => request.method)).toEqual(['DELETE']);
    expect(new URL(requests[0]!.url).pathname).toBe(`/phone-number/${numberId}`);
  });

  it('offers neither create nor listByAgent, and no campaign pause or resume', async () => {
    const vapi = client();
    expect(vapi.supports('phoneNumbers.create')).toBe(false);
    expect(vapi.supports('phoneNumbers.listByAgent')).toBe(false);
    expect(vapi.supports('campaigns.pause')).toBe(false);
    expect(vapi.supports('campaigns.resume')).toBe(false);
    expect(vapi.supports('campaigns.cancel')).toBe(true);
    await expect((vapi as unknown as { campaigns: { pause(id: string): Promise<void> } }).campaigns.pause(numberId)).rejects.toBeInstanceOf(
      UnsupportedOperationError,
    );
    expect(requests).toHaveLength(0);
  });
});
