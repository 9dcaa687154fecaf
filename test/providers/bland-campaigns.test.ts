import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  ResponseValidationError,
  UnsupportedOperationError,
  VoiceplaneError,
} from '../../src/index.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { base, batch, client, failureOf, key, neutralClient, pathOf } from './bland-helpers.js';

useMsw();

const batchesUrl = `${base}/v2/batches`;
const batchOf = (index: number) => ({ ...batch, id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, description: `Batch ${index}` });

/** Serves `count` batches by take/skip, as Bland does. */
function serveBatches(count: number) {
  const all = Array.from({ length: count }, (_, index) => batchOf(index));
  server.use(
    http.get(`${batchesUrl}/list`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const skip = Number(query.get('skip'));
      return HttpResponse.json({ data: all.slice(skip, skip + Number(query.get('take'))), errors: null });
    }),
  );
}

const input = {
  name: 'Clinic follow-ups',
  agentId: 'pw_clinic',
  fromNumberId: '+18005551234',
  recipients: [{ number: '+14155550101', variables: { first: 'Ada' } }, { number: '+14155550102' }],
};

describe('bland campaigns.get', () => {
  it('GETs /v2/batches/{id} and maps every field from the { data } envelope', async () => {
    server.use(http.get(`${batchesUrl}/:id`, () => HttpResponse.json({ data: batch, errors: null })));
    const campaign = await client().campaigns.get(batch.id);
    expect(requests[0]!.method).toBe('GET');
    expect(pathOf(requests[0]!)).toBe(`/v2/batches/${batch.id}`);
    expect(requests[0]!.headers.get('authorization')).toBe(key);
    expect(campaign).toEqual({
      provider: 'bland',
      id: batch.id,
      name: 'Clinic follow-ups',
      status: { unified: 'unknown', raw: null },
      agentId: 'pw_clinic',
      fromNumber: '+18005551234',
      totalCalls: null,
      completedCalls: null,
      failedCalls: null,
      concurrency: null,
      activeConcurrency: null,
      createdAt: new Date('2025-05-08T19:28:12.627Z'),
      scheduledAt: new Date('2026-01-01T17:00:00Z'),
      finishedAt: null,
      pausedAt: null,
      raw: batch,
    });
  });

  it.each([
    ['validating', 'pending'],
    ['in_progress_chunked', 'running'],
    ['waiting_for_scheduled_calls', 'scheduled'],
    ['completed_partial', 'completed'],
    ['failed', 'failed'],
    ['paused_by_magic', 'unknown'],
  ])('maps a status %s to %s, keeping the raw value', async (status, unified) => {
    server.use(http.get(`${batchesUrl}/:id`, () => HttpResponse.json({ data: { ...batch, status }, errors: null })));
    expect((await client().campaigns.get(batch.id)).status).toEqual({ unified, raw: status });
  });

  it('reads start_time without an offset as UTC, a one-digit hour too; a task batch has no agent; bad JSON reads as empty', async () => {
    const answers = [
      { ...batch, base_prompt: JSON.stringify({ task: 'Say hello', start_time: '2026-01-01 1:05:00' }) },
      { ...batch, base_prompt: '{not json', description: null },
    ];
    server.use(http.get(`${batchesUrl}/:id`, () => HttpResponse.json({ data: answers.shift(), errors: null })));
    expect(await client().campaigns.get('b1')).toMatchObject({ agentId: null, fromNumber: null, scheduledAt: new Date('2026-01-01T01:05:00Z') });
    expect(await client().campaigns.get('b2')).toMatchObject({ name: '', agentId: null, fromNumber: null, scheduledAt: null });
  });

  it('reads the v2 error envelope of a 404 into NotFoundError', async () => {
    server.use(
      http.get(`${batchesUrl}/:id`, () =>
        HttpResponse.json({ data: null, errors: [{ error: 'BATCH_NOT_FOUND', message: 'Batch not found' }] }, { status: 404 }),
      ),
    );
    const error = await failureOf(client().campaigns.get('nope'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('bland answered 404: BATCH_NOT_FOUND: Batch not found.');
  });
});

describe('bland campaigns.list', () => {
  it('sends take and skip, and pages by offset until a short page', async () => {
    serveBatches(25);
    const names: string[] = [];
    for await (const campaign of client().campaigns.list({ limit: 10 })) names.push(campaign.name);
    expect(names).toHaveLength(25);
    expect(names[24]).toBe('Batch 24');
    expect(requests.map((request) => queryOf(request))).toEqual([
      { take: ['10'], skip: ['0'] },
      { take: ['10'], skip: ['10'] },
      { take: ['10'], skip: ['20'] },
    ]);
    expect(requests.every((request) => pathOf(request) === '/v2/batches/list' && request.headers.get('authorization') === key)).toBe(true);
  });

  it('takes 100 by default; a full last page costs one more, empty request', async () => {
    serveBatches(100);
    const first = await client().campaigns.list();
    expect(first.items).toHaveLength(100);
    expect(first.nextCursor).toBe('100');
    expect(first.totalCount).toBeNull();
    const second = await first.nextPage();
    expect(second!.items).toEqual([]);
    expect(second!.hasMore).toBe(false);
    expect(requests.map((request) => queryOf(request))).toEqual([
      { take: ['100'], skip: ['0'] },
      { take: ['100'], skip: ['100'] },
    ]);
  });

  it.each([
    [{ status: 'running' }, /Bland batches carry no status to filter by/],
    [{ limit: 1001 }, /limit must be from 1 to 1000 \(got 1001\)/],
    [{ cursor: 'abc' }, /cursor "abc" is not a bland cursor/],
  ])('refuses %j before any request', async (params, message) => {
    const error = await failureOf(client().campaigns.list(params as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });
});

describe('bland campaigns.create', () => {
  it('POSTs { label, global, call_objects }, then reads the batch back', async () => {
    server.use(
      http.post(`${batchesUrl}/create`, () => HttpResponse.json({ data: { batch_id: batch.id }, errors: null })),
      http.get(`${batchesUrl}/:id`, () => HttpResponse.json({ data: batch, errors: null })),
    );
    // Tomorrow, on the hour, plus 250 ms that Bland's format drops (a start more than a year ahead is refused).
    const hour = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000;
    const campaign = await client().campaigns.create({ ...input, scheduledAt: new Date(hour + 250) });
    const startTime = new Date(hour).toISOString().replace('T', ' ').replace('.000Z', '+00:00');
    expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual(['POST /v2/batches/create', `GET /v2/batches/${batch.id}`]);
    expect(requests[0]!.headers.get('authorization')).toBe(key);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(queryOf(requests[0]!)).toEqual({});
    expect(await requests[0]!.json()).toEqual({
      label: 'Clinic follow-ups',
      global: { pathway_id: 'pw_clinic', from: '+18005551234', start_time: startTime },
      call_objects: [{ phone_number: '+14155550101', request_data: { first: 'Ada' } }, { phone_number: '+14155550102' }],
    });
    expect(campaign).toMatchObject({ id: batch.id, name: 'Clinic follow-ups', agentId: 'pw_clinic', raw: batch });
  });

  it('leaves start_time out without scheduledAt, and reads national recipients as US numbers', async () => {
    server.use(
      http.post(`${batchesUrl}/create`, () => HttpResponse.json({ data: { batch_id: batch.id }, errors: null })),
      http.get(`${batchesUrl}/:id`, () => HttpResponse.json({ data: batch, errors: null })),
    );
    await client().campaigns.create({ ...input, recipients: [{ number: '(415) 555-0103' }] });
    expect(await requests[0]!.json()).toEqual({
      label: 'Clinic follow-ups',
      global: { pathway_id: 'pw_clinic', from: '+18005551234' },
      call_objects: [{ phone_number: '+14155550103' }],
    });
  });

  it('is never retried: a 500 is one attempt', async () => {
    server.use(
      http.post(`${batchesUrl}/create`, () =>
        HttpResponse.json({ data: null, errors: [{ error: 'INTERNAL', message: 'try later' }] }, { status: 500, headers: { 'retry-after-ms': '0' } }),
      ),
    );
    const error = await failureOf(client().campaigns.create(input, { maxRetries: 2 }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain('bland answered 500: INTERNAL: try later.');
    expect(requests).toHaveLength(1);
  });

  it('is never retried: a lost connection is one attempt', async () => {
    server.use(http.post(`${batchesUrl}/create`, () => HttpResponse.error()));
    expect(await failureOf(client().campaigns.create(input))).toBeInstanceOf(APIConnectionError);
    expect(requests).toHaveLength(1);
  });

  it('says the batch was created and carries error.campaignId when the read-back fails', async () => {
    server.use(
      http.post(`${batchesUrl}/create`, () => HttpResponse.json({ data: { batch_id: batch.id }, errors: null })),
      http.get(`${batchesUrl}/:id`, () =>
        HttpResponse.json({ data: null, errors: [{ error: 'BATCH_NOT_FOUND', message: 'Batch not found' }] }, { status: 404 }),
      ),
    );
    const error = await failureOf(client().campaigns.create(input));
    expect(error).toBeInstanceOf(VoiceplaneError);
    expect((error as VoiceplaneError).campaignId).toBe(batch.id);
    expect((error as Error).message).toMatch(new RegExp(`the batch ${batch.id} was created, but reading it back failed .*Do not create it again`));
    expect((error as Error).cause).toBeInstanceOf(NotFoundError);
    expect(requests.map((request) => request.method)).toEqual(['POST', 'GET']);
  });

  it('refuses an answer without a batch id, and reads nothing back', async () => {
    server.use(http.post(`${batchesUrl}/create`, () => HttpResponse.json({ data: {}, errors: null })));
    expect(await failureOf(client().campaigns.create(input))).toBeInstanceOf(ResponseValidationError);
    expect(requests).toHaveLength(1);
  });

  it('refuses an empty batch id, says the batch may exist and how to check, and reads nothing back', async () => {
    server.use(http.post(`${batchesUrl}/create`, () => HttpResponse.json({ data: { batch_id: '' }, errors: null })));
    const error = await failureOf(client().campaigns.create(input));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([{ path: 'data.batch_id', message: 'expected a non-empty string' }]);
    expect((error as Error).message).toMatch(/empty batch_id.*was sent once and not repeated, and may have taken effect: check whether it did \(campaigns\.list\(\) shows whether a batch labelled ".*" exists\)/);
    expect(requests).toHaveLength(1);
  });

  it.each([
    [{ ...input, name: 'x'.repeat(61) }, /name is 61 characters long; bland keeps at most 60/],
    [{ ...input, concurrency: 5 }, /bland takes no concurrency for a campaign/],
    [{ ...input, recipients: [] }, /recipients must be a list of one or more/],
    [{ ...input, recipients: [{ number: 'call me' }] }, /recipients\[0\]\.number "call me" cannot be read as a phone number/],
    [{ ...input, agentId: '' }, /agentId must be a non-empty string/],
    [{ ...input, scheduledAt: new Date(Number.NaN) }, /scheduledAt must be a valid Date/],
  ])('refuses %# before any request', async (given, message) => {
    const error = await failureOf(client().campaigns.create(given as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });
});

describe('bland campaigns.cancel', () => {
  it('POSTs /v2/batches/{id}/stop with no body and resolves to undefined', async () => {
    server.use(http.post(`${batchesUrl}/:id/stop`, () => HttpResponse.json({ data: null, errors: null })));
    expect(await client().campaigns.cancel('b/1')).toBeUndefined();
    expect(requests[0]!.method).toBe('POST');
    expect(pathOf(requests[0]!)).toBe('/v2/batches/b%2F1/stop');
    expect(requests[0]!.headers.get('authorization')).toBe(key);
    expect(await requests[0]!.text()).toBe('');
  });

  it('is never retried, and pause and resume are not offered', async () => {
    server.use(http.post(`${batchesUrl}/:id/stop`, () => HttpResponse.json({ data: null, errors: [{ error: 'X', message: 'down' }] }, { status: 503 })));
    expect(await failureOf(client().campaigns.cancel('b1', { maxRetries: 2 }))).toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
    expect(client().supports('campaigns.pause')).toBe(false);
    expect(client().supports('campaigns.resume')).toBe(false);
    await expect(neutralClient().campaigns.pause!('b1')).rejects.toThrow(UnsupportedOperationError);
    expect(requests).toHaveLength(1);
  });
});
