import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  BadRequestError,
  CampaignStartError,
  createClient,
  InternalServerError,
  InvalidRequestError,
  UnsupportedOperationError,
  VoiceplaneError,
  type Client,
} from '../../src/index.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { apiKey, jobsUrl, vogent } from '../helpers/vogent.js';
import { failureOf, pathOf } from '../helpers/outcomes.js';

useMsw();

const jobWire = (status: string) => ({
  id: 'bdj_7a3b',
  name: 'Lead follow-up',
  status,
  callAgentId: 'agent-1',
  maxConcurrentDials: 3,
  createdAt: '2026-01-05T09:30:00Z',
  fromPhoneNumberIds: ['pn_1'],
  schedule: null,
});
const input = {
  name: 'Lead follow-up',
  agentId: 'agent-1',
  fromNumberId: 'pn_1',
  recipients: [{ number: '+14155550101', variables: { first_name: 'Ada' } }, { number: '+14155550102' }],
  concurrency: 3,
};

describe('vogent campaigns.create: create, then start', () => {
  it('posts the job, then { paused: false } to start it, and returns the started job mapped', async () => {
    server.use(
      http.post(jobsUrl, () => HttpResponse.json(jobWire('INIT'))),
      http.post(`${jobsUrl}/:id/paused`, () => HttpResponse.json(jobWire('ACTIVE'))),
    );
    const campaign = await vogent().campaigns.create(input);

    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual([
      'POST /api/batch_dial_jobs',
      'POST /api/batch_dial_jobs/bdj_7a3b/paused',
    ]);
    for (const request of requests) {
      expect(request.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
      expect(queryOf(request)).toEqual({});
    }
    expect(await requests[0]!.json()).toEqual({
      name: 'Lead follow-up',
      callAgentId: 'agent-1',
      maxConcurrentDials: 3,
      rows: [
        { toNumber: '+14155550101', inputs: { first_name: 'Ada' } },
        { toNumber: '+14155550102', inputs: {} },
      ],
      fromPhoneNumberIds: ['pn_1'],
    });
    expect(await requests[1]!.json()).toEqual({ paused: false });
    expect(campaign).toEqual({
      provider: 'vogent',
      id: 'bdj_7a3b',
      name: 'Lead follow-up',
      status: { unified: 'running', raw: 'ACTIVE' },
      agentId: 'agent-1',
      fromNumber: null,
      totalCalls: null,
      completedCalls: null,
      failedCalls: null,
      concurrency: 3,
      activeConcurrency: null,
      createdAt: new Date('2026-01-05T09:30:00Z'),
      scheduledAt: null,
      finishedAt: null,
      pausedAt: null,
      raw: jobWire('ACTIVE'),
    });
  });

  it('sends maxConcurrentDials 1 when no concurrency is given', async () => {
    server.use(
      http.post(jobsUrl, () => HttpResponse.json(jobWire('INIT'))),
      http.post(`${jobsUrl}/:id/paused`, () => HttpResponse.json(jobWire('ACTIVE'))),
    );
    await vogent().campaigns.create({ ...input, concurrency: undefined });
    expect(((await requests[0]!.json()) as { maxConcurrentDials: number }).maxConcurrentDials).toBe(1);
  });

  it('a failed start is a CampaignStartError that carries the created job id, after exactly one create and one start', async () => {
    server.use(
      http.post(jobsUrl, () => HttpResponse.json(jobWire('INIT'))),
      http.post(`${jobsUrl}/:id/paused`, () => HttpResponse.json({ message: 'Agent has no voice configured' }, { status: 500 })),
    );
    const error = await failureOf(createClient({ provider: 'vogent', apiKey, maxRetries: 3 }).campaigns.create(input));
    expect(error).toBeInstanceOf(CampaignStartError);
    expect(error).toBeInstanceOf(VoiceplaneError);
    expect(error).toMatchObject({ name: 'CampaignStartError', provider: 'vogent', campaignId: 'bdj_7a3b' });
    expect((error as Error).cause).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toMatch(/^vogent created batch dial job bdj_7a3b \("Lead follow-up"\) but could not start it: vogent answered 500: Agent has no voice configured\./);
    expect((error as Error).message).toContain("start it with campaigns.resume('bdj_7a3b')");
    expect((error as Error).message).not.toContain(apiKey);
    expect(requests.map((request) => pathOf(request))).toEqual(['/api/batch_dial_jobs', '/api/batch_dial_jobs/bdj_7a3b/paused']);
  });

  it('a 500 on the create is one request, no start follows, and the error says the job may exist', async () => {
    server.use(http.post(jobsUrl, () => HttpResponse.json({ message: 'upstream down' }, { status: 503 })));
    const error = await failureOf(createClient({ provider: 'vogent', apiKey, maxRetries: 3 }).campaigns.create(input));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain(
      'The POST /api/batch_dial_jobs was sent once and not repeated, and may have taken effect: ' +
        `check whether it did (campaigns.list({ status: 'draft' }) shows whether a job named "Lead follow-up" exists) before sending it again.`,
    );
    expect(requests).toHaveLength(1);
  });

  it('a connection lost on the create is one request and says the job may exist', async () => {
    server.use(http.post(jobsUrl, () => HttpResponse.error()));
    const error = await failureOf(vogent().campaigns.create(input));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain(`may have taken effect: check whether it did (campaigns.list({ status: 'draft' })`);
    expect(requests).toHaveLength(1);
  });

  it.each([
    [{ ...input, scheduledAt: new Date(Date.now() + 86_400_000) }, /Vogent has no start time for a batch dial job/],
    [{ ...input, recipients: [{ number: '4155550101' }] }, /recipients\[0\]\.number "4155550101" cannot be read as a phone number; give it in E\.164/],
    [{ ...input, recipients: 'everyone' }, /recipients must be a list of one or more/],
    [{ ...input, concurrency: 0 }, /concurrency must be a whole number from 1/],
    [{ ...input, fromNumberId: '' }, /fromNumberId must be a non-empty string/],
  ])('refuses a bad input before any request (%#)', async (bad, message) => {
    const error = await failureOf(vogent().campaigns.create(bad as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/^vogent: campaigns\.create: /);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });
});

describe('vogent campaigns.pause, resume; no cancel', () => {
  it.each([
    ['pause', true, 'PAUSED'],
    ['resume', false, 'ACTIVE'],
  ] as const)('%s posts { paused: %s } once and resolves with nothing', async (action, paused, status) => {
    server.use(http.post(`${jobsUrl}/:id/paused`, () => HttpResponse.json(jobWire(status))));
    await expect(vogent().campaigns[action]('bdj_7a3b')).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(pathOf(requests[0]!)).toBe('/api/batch_dial_jobs/bdj_7a3b/paused');
    expect(await requests[0]!.json()).toEqual({ paused });
  });

  it('reads a 400 for a finished job into a BadRequestError with Vogent\'s message', async () => {
    server.use(http.post(`${jobsUrl}/:id/paused`, () => HttpResponse.json({ message: 'Job is COMPLETE' }, { status: 400 })));
    const error = await failureOf(vogent().campaigns.pause('bdj_7a3b'));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(/^vogent answered 400: Job is COMPLETE\./);
    expect((error as Error).message).not.toContain('may have taken effect');
  });

  it('cancel is an UnsupportedOperationError before any request', async () => {
    const client: Client = vogent() as unknown as Client;
    expect(client.supports('campaigns.cancel')).toBe(false);
    expect(client.supports('campaigns.create')).toBe(true);
    const error = await failureOf(client.campaigns.cancel!('bdj_7a3b'));
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(requests).toHaveLength(0);
  });
});
