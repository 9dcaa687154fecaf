import { describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError, NotFoundError, type Campaign, type PhoneNumber } from '../../src/index.js';
import { createElevenlabsClient } from '../../src/providers/elevenlabs/entry.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';

// ElevenLabs numbers and batch calls: every request the wire note documents, and each mapping row.

useMsw();

const base = 'https://api.elevenlabs.io';
const apiKey = 'xi_test_key_0123456789';
const client = (options: { maxRetries?: number } = {}) => createClient({ provider: 'elevenlabs', apiKey, ...options });

const twilio = {
  phone_number_id: 'phnum_1',
  phone_number: '+14155550101',
  label: 'Front desk',
  provider: 'twilio',
  supports_inbound: true,
  supports_outbound: false,
  assigned_agent: { agent_id: 'agent_a', agent_name: 'Receptionist' },
};
const sip = { phone_number_id: 'phnum_2', phone_number: 'ext-1234', label: 'Trunk', provider: 'sip_trunk', assigned_agent: null, outbound_trunk: { address: 'sip.example.com' } };
const batch = {
  id: 'btcal_1',
  phone_number_id: 'phnum_1',
  name: 'Renewals',
  agent_id: 'agent_a',
  agent_name: 'Receptionist',
  created_at_unix: 1_719_792_000,
  scheduled_time_unix: 1_719_792_000,
  last_updated_at_unix: 1_719_795_600,
  status: 'completed',
  total_calls_dispatched: 3,
  total_calls_scheduled: 3,
  total_calls_finished: 3,
  retry_count: 0,
  target_concurrency_limit: 4,
};

describe('elevenlabs phoneNumbers', () => {
  it('lists the v2 pages with xi-api-key, sends the cursor back and maps every field', async () => {
    server.use(
      http.get(`${base}/v1/convai/v2/phone-numbers`, ({ request }) =>
        new URL(request.url).searchParams.get('cursor') === null
          ? HttpResponse.json({ phone_numbers: [twilio], next_cursor: 'c/1+', has_more: true })
          : HttpResponse.json({ phone_numbers: [sip], next_cursor: null, has_more: false }),
      ),
    );
    const page = await client().phoneNumbers.list({ limit: 1, agentId: 'agent_a', telephonyProvider: 'twilio', supportsOutbound: false, search: 'desk', sortBy: 'label', sortDirection: 'asc' });
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.headers.get('xi-api-key')).toBe(apiKey);
    expect(requests[0]!.headers.get('authorization')).toBeNull();
    expect(queryOf(requests[0]!)).toEqual({
      page_size: ['1'], search: ['desk'], provider: ['twilio'], supports_outbound: ['false'], agent_id: ['agent_a'], sort_by: ['label'], sort_direction: ['asc'],
    });
    expect(page.items).toEqual<PhoneNumber<'elevenlabs'>[]>([
      {
        provider: 'elevenlabs', id: 'phnum_1', number: '+14155550101', e164: '+14155550101', status: { unified: 'active', raw: null },
        agentId: 'agent_a', outboundAgentId: null, label: 'Front desk', type: 'pstn', carrier: 'twilio', inbound: true, outbound: false,
        createdAt: null, updatedAt: null, raw: twilio,
      },
    ]);
    expect(page.nextCursor).toBe('c/1+');
    expect(page.totalCount).toBeNull();
    const next = await page.nextPage();
    expect(queryOf(requests[1]!).cursor).toEqual(['c/1+']);
    expect(next!.items[0]).toMatchObject({ id: 'phnum_2', number: 'ext-1234', e164: null, type: 'sip', carrier: 'sip_trunk', agentId: null, inbound: null, outbound: null });
    expect(next!.hasMore).toBe(false);
  });

  it('falls back to the v1 bare array on a 404, and refuses a filter v1 cannot apply', async () => {
    server.use(
      http.get(`${base}/v1/convai/v2/phone-numbers`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })),
      http.get(`${base}/v1/convai/phone-numbers`, () => HttpResponse.json([twilio, sip])),
    );
    const page = await client().phoneNumbers.list({ agentId: 'agent_a' });
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`)).toEqual([
      'GET /v1/convai/v2/phone-numbers?agent_id=agent_a',
      'GET /v1/convai/phone-numbers?agent_id=agent_a',
    ]);
    expect(page.items.map((number) => number.id)).toEqual(['phnum_1', 'phnum_2']);
    expect(page.nextCursor).toBeNull();
    requests.length = 0;
    await expect(client().phoneNumbers.list({ search: 'desk' })).rejects.toThrow(/v1 list cannot apply search/);
    expect(requests).toHaveLength(1);
  });

  it('applies the status filter itself: every number is active', async () => {
    server.use(http.get(`${base}/v1/convai/v2/phone-numbers`, () => HttpResponse.json({ phone_numbers: [twilio], has_more: false })));
    expect((await client().phoneNumbers.list({ status: 'inactive' })).items).toEqual([]);
    expect((await client().phoneNumbers.list({ status: ['active'] })).items).toHaveLength(1);
  });

  it('refuses a bad filter value before any request', async () => {
    await expect(client().phoneNumbers.list({ telephonyProvider: 'vonage' as never })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client().phoneNumbers.list({ sortDirection: 'up' as never })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });

  it('gets, updates (agent_id, null unassigns, label) and deletes by phone_number_id', async () => {
    server.use(
      http.get(`${base}/v1/convai/phone-numbers/:id`, () => HttpResponse.json(twilio)),
      http.patch(`${base}/v1/convai/phone-numbers/:id`, () => HttpResponse.json({ ...twilio, assigned_agent: null })),
      http.delete(`${base}/v1/convai/phone-numbers/:id`, () => HttpResponse.json({})),
    );
    const elevenlabs = createElevenlabsClient({ apiKey });
    expect((await elevenlabs.phoneNumbers.get('phnum 1')).id).toBe('phnum_1');
    expect(new URL(requests[0]!.url).pathname).toBe('/v1/convai/phone-numbers/phnum%201');
    const updated = await elevenlabs.phoneNumbers.update('phnum_1', { agentId: null, label: 'Desk' });
    expect(updated.agentId).toBeNull();
    expect(requests[1]!.method).toBe('PATCH');
    expect(await requests[1]!.json()).toEqual({ agent_id: null, label: 'Desk' });
    await elevenlabs.phoneNumbers.update('phnum_1', { agentId: 'agent_b' });
    expect(await requests[2]!.json()).toEqual({ agent_id: 'agent_b' });
    await elevenlabs.phoneNumbers.delete('phnum_1');
    expect(requests[3]!.method).toBe('DELETE');
    expect(new URL(requests[3]!.url).pathname).toBe('/v1/convai/phone-numbers/phnum_1');
    await expect(elevenlabs.phoneNumbers.update('phnum_1', { status: 'inactive' } as never)).rejects.toThrow(/not "status"/);
    await expect(elevenlabs.phoneNumbers.update('phnum_1', { label: null })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(4);
  });

  it('reads the detail envelope of an error', async () => {
    server.use(http.get(`${base}/v1/convai/phone-numbers/:id`, () => HttpResponse.json({ detail: { status: 'not_found', message: 'Phone number not found' } }, { status: 404 })));
    const error = await client().phoneNumbers.get('x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('Phone number not found');
    expect((error as Error).message).not.toContain(apiKey);
  });
});

describe('elevenlabs campaigns (batch calls)', () => {
  it('lists the workspace batches by last_doc/next_doc and maps every field', async () => {
    server.use(
      http.get(`${base}/v1/convai/batch-calling/workspace`, ({ request }) =>
        new URL(request.url).searchParams.get('last_doc') === null
          ? HttpResponse.json({ batch_calls: [batch], next_doc: 'doc_2', has_more: true })
          : HttpResponse.json({ batch_calls: [{ ...batch, id: 'btcal_2', status: 'in_progress' }], next_doc: null, has_more: false }),
      ),
    );
    const ids: string[] = [];
    for await (const campaign of client().campaigns.list({ limit: 1, agentId: 'agent_a' })) ids.push(campaign.id);
    expect(ids).toEqual(['btcal_1', 'btcal_2']);
    expect(requests.map((request) => queryOf(request))).toEqual([
      { limit: ['1'], agent_id: ['agent_a'] },
      { limit: ['1'], agent_id: ['agent_a'], last_doc: ['doc_2'] },
    ]);
    requests.length = 0;
    const page = await client().campaigns.list();
    expect(page.items[0]).toEqual<Campaign<'elevenlabs'>>({
      provider: 'elevenlabs', id: 'btcal_1', name: 'Renewals', status: { unified: 'completed', raw: 'completed' }, agentId: 'agent_a', fromNumber: null,
      totalCalls: 3, completedCalls: 3, failedCalls: null, concurrency: 4, activeConcurrency: null, createdAt: new Date(1_719_792_000_000),
      scheduledAt: new Date(1_719_792_000_000), finishedAt: new Date(1_719_795_600_000), pausedAt: null, raw: batch,
    });
  });

  it('maps each batch status; pending with a future start is scheduled; applies a status filter per page', async () => {
    const future = Math.floor(Date.now() / 1000) + 3600;
    const batches = [
      { ...batch, id: 'a', status: 'pending', scheduled_time_unix: future },
      { ...batch, id: 'b', status: 'pending', scheduled_time_unix: 1 },
      { ...batch, id: 'c', status: 'in_progress' },
      { ...batch, id: 'd', status: 'failed' },
      { ...batch, id: 'e', status: 'cancelled' },
      { ...batch, id: 'f', status: 'paused_by_ops' },
    ];
    server.use(http.get(`${base}/v1/convai/batch-calling/workspace`, () => HttpResponse.json({ batch_calls: batches, has_more: false })));
    const page = await client().campaigns.list();
    expect(page.items.map((item) => [item.status.unified, item.finishedAt !== null])).toEqual([
      ['scheduled', false], ['pending', false], ['running', false], ['failed', true], ['canceled', true], ['unknown', false],
    ]);
    expect((await client().campaigns.list({ status: 'running' })).items.map((item) => item.id)).toEqual(['c']);
  });

  it('gets one batch and counts its failed recipients', async () => {
    const detail = { ...batch, recipients: [{ id: 'r1', status: 'failed' }, { id: 'r2', status: 'completed' }, { id: 'r3', status: 'failed' }] };
    server.use(http.get(`${base}/v1/convai/batch-calling/:id`, () => HttpResponse.json(detail)));
    const campaign = await client().campaigns.get('btcal_1');
    expect(new URL(requests[0]!.url).pathname).toBe('/v1/convai/batch-calling/btcal_1');
    expect(campaign.failedCalls).toBe(2);
  });

  it('submits a batch (variables, seconds, concurrency), once, and cancels it with a POST', async () => {
    server.use(
      http.post(`${base}/v1/convai/batch-calling/submit`, () => HttpResponse.json({ ...batch, status: 'pending' })),
      http.post(`${base}/v1/convai/batch-calling/:id/cancel`, () => HttpResponse.json({ ...batch, status: 'cancelled' })),
    );
    // A start a day ahead, on a whole second plus 500 ms: sent in whole unix seconds.
    const startSeconds = Math.floor(Date.now() / 1000) + 86_400;
    const created = await client().campaigns.create({
      name: 'Renewals',
      agentId: 'agent_a',
      fromNumberId: 'phnum_1',
      recipients: [{ number: '+14155550102', variables: { name: 'Ana' } }, { number: '+14155550103' }],
      scheduledAt: new Date(startSeconds * 1000 + 500),
      concurrency: 4,
    });
    expect(created.id).toBe('btcal_1');
    expect(requests[0]!.method).toBe('POST');
    expect(await requests[0]!.json()).toEqual({
      call_name: 'Renewals',
      agent_id: 'agent_a',
      agent_phone_number_id: 'phnum_1',
      recipients: [
        { phone_number: '+14155550102', conversation_initiation_client_data: { dynamic_variables: { name: 'Ana' } } },
        { phone_number: '+14155550103' },
      ],
      scheduled_time_unix: startSeconds,
      target_concurrency_limit: 4,
    });
    await client().campaigns.cancel('btcal_1');
    expect(`${requests[1]!.method} ${new URL(requests[1]!.url).pathname}`).toBe('POST /v1/convai/batch-calling/btcal_1/cancel');
  });

  it('never sends a submit twice, and says how to check', async () => {
    server.use(http.post(`${base}/v1/convai/batch-calling/submit`, () => HttpResponse.json({ detail: 'boom' }, { status: 503 })));
    const error = await client({ maxRetries: 3 })
      .campaigns.create({ name: 'R', agentId: 'a', fromNumberId: 'p', recipients: [{ number: '+14155550102' }] })
      .catch((caught: unknown) => caught);
    expect(requests).toHaveLength(1);
    expect((error as Error).message).toMatch(/sent once and not repeated, and may have taken effect.*campaigns\.list\(\)/);
  });

  it('offers no pause or resume', async () => {
    const neutral = createClient({ provider: 'elevenlabs' as string, apiKey } as never) as unknown as { campaigns: { pause(id: string): Promise<void> } };
    await expect(neutral.campaigns.pause('btcal_1')).rejects.toThrow(/does not offer campaigns.pause/);
    expect(client().supports('campaigns.resume')).toBe(false);
  });

  it('retries a batch with POST .../retry through the client, once, resolving with nothing', async () => {
    server.use(http.post(`${base}/v1/convai/batch-calling/:id/retry`, () => HttpResponse.json({ ...batch, status: 'in_progress', retry_count: 1 })));
    expect(client().supports('campaigns.retry')).toBe(true);
    await expect(client().campaigns.retry('btcal_1')).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(`${requests[0]!.method} ${new URL(requests[0]!.url).pathname}`).toBe('POST /v1/convai/batch-calling/btcal_1/retry');
    expect(requests[0]!.headers.get('xi-api-key')).toBe(apiKey);
    server.use(http.post(`${base}/v1/convai/batch-calling/:id/retry`, () => HttpResponse.json({ detail: 'x' }, { status: 500 })));
    requests.length = 0;
    await expect(client({ maxRetries: 2 }).campaigns.retry('btcal_1')).rejects.toThrow(/sent once and not repeated, and may have taken effect/);
    expect(requests).toHaveLength(1);
  });

  it('refuses an empty batch id for retry before any request', async () => {
    await expect(client().campaigns.retry('')).rejects.toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});
