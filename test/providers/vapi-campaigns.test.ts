import { describe, expect, it } from 'vitest';
import { InternalServerError, InvalidRequestError } from '../../src/index.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { assistantId, base, campaignId, campaignSummary, client, failureOf, fullCampaign, key, numberId, useVapiContract } from '../helpers/vapi.js';

useVapiContract();
useMsw();

const listUrl = `${base}/v2/campaign`;
const campaignUrl = `${base}/v2/campaign/${campaignId}`;

function page(results: unknown[]) {
  return { results, metadata: { itemsPerPage: 100, totalItems: results.length, currentPage: 1, totalPages: 1 } };
}

const statuses: Array<[string, string | undefined, string]> = [
  ['scheduled', undefined, 'scheduled'],
  ['in-progress', undefined, 'running'],
  ['cancelled', 'campaign.scheduled.ended-by-user', 'canceled'],
  ['ended', 'campaign.ended.success', 'completed'],
  ['ended', 'campaign.in-progress.ended-by-user', 'canceled'],
  ['archived', 'campaign.ended.success', 'completed'],
  ['archived', 'campaign.in-progress.ended-by-user', 'canceled'],
];

describe('vapi campaigns.list and get', () => {
  it('sends GET /v2/campaign with includeCounters, and maps every field', async () => {
    server.use(http.get(listUrl, () => HttpResponse.json(page([campaignSummary()]))));
    const result = await client().campaigns.list();
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/v2/campaign');
    expect(queryOf(requests[0]!)).toEqual({ page: ['1'], limit: ['100'], includeCounters: ['true'] });
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${key}`);
    expect(result.totalCount).toBe(1);
    expect(result.items[0]).toEqual({
      provider: 'vapi',
      id: campaignId,
      name: 'Renewals',
      status: { unified: 'running', raw: 'in-progress' },
      agentId: assistantId,
      fromNumber: null,
      totalCalls: 20,
      completedCalls: 5,
      failedCalls: 2,
      concurrency: 3,
      activeConcurrency: null,
      createdAt: new Date('2025-04-30T08:00:00.000Z'),
      scheduledAt: new Date('2025-05-01T09:30:00.000Z'),
      finishedAt: null,
      pausedAt: null,
      raw: campaignSummary(),
    });
  });

  it.each(statuses)('maps status %s with endedReason %s to %s', async (status, endedReason, unified) => {
    server.use(http.get(campaignUrl, () => HttpResponse.json(campaignSummary({ status, endedReason }))));
    expect((await client().campaigns.get(campaignId)).status).toEqual({ unified, raw: status });
    expect(queryOf(requests[0]!)).toEqual({ includeCounters: ['true'] });
    expect(new URL(requests[0]!.url).pathname).toBe(`/v2/campaign/${campaignId}`);
  });

  it('leaves the counts null when the answer has no counters, and reads a squad as the agent', async () => {
    const { contactCounters: _counters, assistantId: _assistant, ...rest } = campaignSummary();
    server.use(http.get(campaignUrl, () => HttpResponse.json({ ...rest, squadId: 'squad-1' })));
    expect(await client().campaigns.get(campaignId)).toMatchObject({ totalCalls: null, completedCalls: null, failedCalls: null, agentId: 'squad-1' });
  });

  it('filters by unified status on each page itself, since ended and archived depend on endedReason', async () => {
    const wires = statuses.map(([status, endedReason], index) =>
      campaignSummary({ id: `00000000-0000-4000-8000-00000000000${index}`, status, endedReason }),
    );
    server.use(http.get(listUrl, () => HttpResponse.json(page(wires))));
    const result = await client().campaigns.list({ status: 'canceled' });
    expect(result.items.map((campaign) => campaign.status.raw)).toEqual(['cancelled', 'ended', 'archived']);
    expect(result.totalCount).toBeNull();
    expect(queryOf(requests[0]!)).toEqual({ page: ['1'], limit: ['100'], includeCounters: ['true'] });
  });

  it.each([
    ['scheduled', 'scheduled'],
    ['running', 'in-progress'],
    [['running'], 'in-progress'],
  ] as const)("sends %j as Vapi's own status filter (%s), so totalCount stays", async (status, wire) => {
    server.use(
      http.get(listUrl, ({ request }) => {
        const currentPage = Number(new URL(request.url).searchParams.get('page'));
        const wires = [campaignSummary({ id: `00000000-0000-4000-8000-00000000000${currentPage}`, status: wire })];
        return HttpResponse.json({ results: wires, metadata: { itemsPerPage: 1, totalItems: 7, currentPage, totalPages: 7, hasNextPage: true } });
      }),
    );
    const result = await client().campaigns.list({ status, limit: 1 });
    expect(queryOf(requests[0]!)).toEqual({ page: ['1'], limit: ['1'], includeCounters: ['true'], status: [wire] });
    expect(result.totalCount).toBe(7);
    expect(result.nextCursor).toBe('2');
    const next = await result.nextPage();
    expect(queryOf(requests[1]!)).toEqual({ page: ['2'], limit: ['1'], includeCounters: ['true'], status: [wire] });
    expect(next!.totalCount).toBe(7);
  });

  it('filters a set of statuses Vapi cannot send in one request on each page itself', async () => {
    server.use(http.get(listUrl, () => HttpResponse.json(page([campaignSummary({ status: 'scheduled' }), campaignSummary({ id: campaignId.replace('9a8b', '1a8b'), status: 'ended' })]))));
    const result = await client().campaigns.list({ status: ['scheduled', 'running'] });
    expect(result.items.map((campaign) => campaign.status.raw)).toEqual(['scheduled']);
    expect(result.totalCount).toBeNull();
    expect(queryOf(requests[0]!)).toEqual({ page: ['1'], limit: ['100'], includeCounters: ['true'] });
  });
});

describe('vapi campaigns.create', () => {
  // Tomorrow, on the hour: campaigns.create refuses a start more than a minute past or a year ahead.
  const later = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000).toISOString();
  const input = {
    name: 'Renewals',
    agentId: assistantId,
    fromNumberId: numberId,
    recipients: [{ number: '+14155550101', variables: { first: 'Ada' } }, { number: '+14155550102' }],
    scheduledAt: new Date(later),
    concurrency: 3,
  };

  it('posts the documented body and maps the 201 answer', async () => {
    // The create answer lists the customers sent, and no counters.
    const answer = fullCampaign({
      status: 'scheduled',
      schedulePlan: { earliestAt: later },
      customers: [{ number: '+14155550101', assistantOverrides: { variableValues: { first: 'Ada' } } }, { number: '+14155550102' }],
    });
    server.use(http.post(listUrl, () => HttpResponse.json(answer, { status: 201 })));
    const campaign = await client().campaigns.create(input);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe('/v2/campaign');
    expect(queryOf(requests[0]!)).toEqual({});
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({
      name: 'Renewals',
      assistantId,
      phoneNumberId: numberId,
      customers: [{ number: '+14155550101', assistantOverrides: { variableValues: { first: 'Ada' } } }, { number: '+14155550102' }],
      schedulePlan: { earliestAt: later },
      maxConcurrency: 3,
    });
    expect(campaign).toMatchObject({
      id: campaignId,
      status: { unified: 'scheduled', raw: 'scheduled' },
      scheduledAt: new Date(later),
      // The number of customers: the campaign calls each once.
      totalCalls: 2,
      raw: answer,
    });
  });

  it('leaves schedulePlan and maxConcurrency out when not given', async () => {
    server.use(http.post(listUrl, () => HttpResponse.json(fullCampaign(), { status: 201 })));
    await client().campaigns.create({ name: 'Now', agentId: assistantId, fromNumberId: numberId, recipients: [{ number: '+14155550101' }] });
    expect(await requests[0]!.json()).toEqual({ name: 'Now', assistantId, phoneNumberId: numberId, customers: [{ number: '+14155550101' }] });
  });

  it('names every missing required field at once, before any request', async () => {
    const error = await failureOf(client().campaigns.create({ recipients: [] } as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe('vapi: campaigns.create: name, agentId, fromNumberId, recipients are required. Nothing was sent.');
    expect(requests).toHaveLength(0);
  });

  it.each([
    [{ recipients: Array.from({ length: 10_001 }, () => ({ number: '+14155550101' })) }, /10001 recipients is more than vapi takes in one campaign \(10000\)/],
    [{ concurrency: 0 }, /concurrency must be a whole number from 1/],
    [{ recipients: [{ number: 'call me' }] }, /recipients\[0\]\.number "call me" cannot be read as a phone number/],
    [{ pause: true }, /does not take "pause"/],
  ])('refuses %# before any request (never truncated)', async (change, message) => {
    const error = await failureOf(client().campaigns.create({ ...input, ...change } as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('is never retried: a 500 is one attempt', async () => {
    server.use(http.post(listUrl, () => HttpResponse.json({ message: 'Internal server error', statusCode: 500 }, { status: 500 })));
    const error = await failureOf(client().campaigns.create(input, { maxRetries: 2 }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain('Internal server error');
    expect(requests).toHaveLength(1);
  });
});

describe('vapi campaigns.cancel', () => {
  it('sends PATCH /v2/campaign/{id} with exactly { status: "cancelled" } and resolves to undefined', async () => {
    server.use(http.patch(campaignUrl, () => HttpResponse.json(fullCampaign({ status: 'cancelled', endedReason: 'campaign.in-progress.ended-by-user' }))));
    await expect(client().campaigns.cancel(campaignId)).resolves.toBeUndefined();
    expect(requests.map((request) => request.method)).toEqual(['PATCH']);
    expect(new URL(requests[0]!.url).pathname).toBe(`/v2/campaign/${campaignId}`);
    expect(await requests[0]!.json()).toEqual({ status: 'cancelled' });
  });

  it('is never retried: a 503 is one attempt', async () => {
    server.use(http.patch(campaignUrl, () => HttpResponse.json({ message: 'Service Unavailable', statusCode: 503 }, { status: 503 })));
    await expect(client().campaigns.cancel(campaignId, { maxRetries: 2 })).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
  });
});
