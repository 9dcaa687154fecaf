import { describe, expect, it } from 'vitest';
import { InvalidRequestError, ResponseValidationError, type Campaign } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { apiKey, failure, jobsCursor, jobsUrl, vogent, type WirePage } from '../helpers/vogent.js';

// Vogent campaigns are its batch dial jobs.

useMsw();

function serveJobPages() {
  server.use(
    http.get(jobsUrl, ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return HttpResponse.json(fixture('vogent', cursor === jobsCursor ? 'batch-dial-jobs-page-2' : 'batch-dial-jobs-page-1'));
    }),
  );
}

describe('vogent campaigns (batch dial jobs)', () => {
  const job = () => fixture<WirePage>('vogent', 'batch-dial-jobs-page-1').data[0]!;

  it('gets one job and maps every field', async () => {
    server.use(http.get(`${jobsUrl}/:id`, () => HttpResponse.json(job())));
    const campaign = await vogent().campaigns.get('bdj_5e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b');
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/batch_dial_jobs/bdj_5e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b');
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(campaign).toEqual<Campaign<'vogent'>>({
      provider: 'vogent',
      id: 'bdj_5e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
      name: 'April renewal reminders',
      status: { unified: 'running', raw: 'ACTIVE' },
      agentId: 'a7c3e9f1-2b4d-4e6f-8a0b-c1d2e3f4a5b6',
      fromNumber: null,
      totalCalls: null,
      completedCalls: null,
      failedCalls: null,
      concurrency: 10,
      activeConcurrency: null,
      createdAt: new Date('2026-04-01T09:30:00.000Z'),
      scheduledAt: null,
      finishedAt: null,
      pausedAt: null,
      raw: job(),
    });
  });

  it.each([
    ['INIT', 'draft'],
    ['ACTIVE', 'running'],
    ['PAUSED', 'paused'],
    ['COMPLETE', 'completed'],
    ['CANCELLED', 'canceled'],
    ['ARCHIVED', 'unknown'],
  ])('maps the job status %s to %s', async (raw, unified) => {
    server.use(http.get(`${jobsUrl}/:id`, () => HttpResponse.json({ ...job(), status: raw })));
    expect((await vogent().campaigns.get('bdj_1')).status).toEqual({ unified, raw });
  });

  it('maps a job without name, agent, concurrency or date to empty name and nulls', async () => {
    const bare = { id: 'bdj_bare', status: null };
    server.use(http.get(`${jobsUrl}/:id`, () => HttpResponse.json(bare)));
    expect(await vogent().campaigns.get('bdj_bare')).toMatchObject({
      name: '',
      status: { unified: 'unknown', raw: null },
      agentId: null,
      concurrency: null,
      createdAt: null,
      raw: bare,
    });
  });

  it('lists jobs page after page, mapping every status and carrying the filters forward', async () => {
    serveJobPages();
    const campaigns: Campaign<'vogent'>[] = [];
    for await (const campaign of vogent().campaigns.list({ limit: 3, status: 'running', agentId: 'a7c3e9f1-2b4d-4e6f-8a0b-c1d2e3f4a5b6' })) {
      campaigns.push(campaign);
    }
    const filters = { limit: ['3'], status: ['ACTIVE'], callAgentId: ['a7c3e9f1-2b4d-4e6f-8a0b-c1d2e3f4a5b6'] };
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/api/batch_dial_jobs', '/api/batch_dial_jobs']);
    expect(requests.map(queryOf)).toEqual([filters, { ...filters, cursor: [jobsCursor] }]);
    expect(campaigns.map((campaign) => [campaign.id, campaign.status])).toEqual([
      ['bdj_5e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b', { unified: 'running', raw: 'ACTIVE' }],
      ['bdj_6f2a8b3c-4d5e-4f6a-9b7c-8d9e0f1a2b3c', { unified: 'draft', raw: 'INIT' }],
      ['bdj_7a3b9c4d-5e6f-4a7b-8c8d-9e0f1a2b3c4d', { unified: 'paused', raw: 'PAUSED' }],
      ['bdj_8b4c0d5e-6f7a-4b8c-9d9e-0f1a2b3c4d5e', { unified: 'completed', raw: 'COMPLETE' }],
      ['bdj_9c5d1e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', { unified: 'canceled', raw: 'CANCELLED' }],
    ]);
    expect(campaigns[4]).toMatchObject({ agentId: null, concurrency: 1, createdAt: new Date('2025-12-20T11:00:00.000Z') });
  });

  it('reports the page shape: no total count, a cursor until the last page', async () => {
    serveJobPages();
    const first = await vogent().campaigns.list();
    expect(queryOf(requests[0]!)).toEqual({});
    expect(first).toMatchObject({ totalCount: null, hasMore: true, nextCursor: jobsCursor });
    const second = await first.nextPage();
    expect(second).toMatchObject({ totalCount: null, hasMore: false, nextCursor: null });
    expect(second!.items[0]!.raw).toEqual(fixture<WirePage>('vogent', 'batch-dial-jobs-page-2').data[0]);
  });

  it.each([
    ['draft', 'INIT'],
    ['running', 'ACTIVE'],
    ['paused', 'PAUSED'],
    ['completed', 'COMPLETE'],
    ['canceled', 'CANCELLED'],
    [['paused'], 'PAUSED'],
  ])('sends the status filter %j as %s', async (status, wireStatus) => {
    serveJobPages();
    await vogent().campaigns.list({ status: status as never });
    expect(queryOf(requests[0]!)).toEqual({ status: [wireStatus] });
  });

  it.each([
    [{ status: 'pending' }, /Vogent has no batch dial job status for "pending"; filter by one of draft, running, paused, completed, canceled/],
    [{ status: 'failed' }, /no batch dial job status for "failed"/],
    // A scheduled campaign starts by itself; a Vogent job never runs until started (INIT is draft).
    [{ status: 'scheduled' }, /no batch dial job status for "scheduled"/],
    [{ status: ['running', 'paused'] }, /one status per request \(got running, paused\)\. Pass a single status/],
    [{ agentId: '' }, /agentId must be a non-empty agent id/],
    [{ agentId: 7 }, /agentId must be a non-empty agent id/],
    [{ limit: 101 }, /vogent: campaigns\.list: limit must be from 1 to 100 \(got 101\)/],
    [{ callAgentId: 'a7c3e9f1' }, /does not take the parameter "callAgentId"; it takes limit, cursor, status, agentId/],
  ])('refuses %j before any request', async (params, message) => {
    serveJobPages();
    const error = await failure(vogent().campaigns.list(params as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('raises ResponseValidationError on a malformed job', async () => {
    const body = fixture<WirePage>('vogent', 'batch-dial-jobs-page-1');
    body.data[2]!.maxConcurrentDials = '3';
    server.use(http.get(jobsUrl, () => HttpResponse.json(body)));
    const error = await failure(vogent().campaigns.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toEqual({
      path: 'data.2.maxConcurrentDials',
      message: 'expected number, got string',
    });
  });

  it.each(['', '..'])('refuses the id %j before any request', async (id) => {
    await expect(vogent().campaigns.get(id)).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});
