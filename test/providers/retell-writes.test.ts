import { describe, expect, it } from 'vitest';
import {
  createClient,
  InternalServerError,
  InvalidRequestError,
  UnsupportedOperationError,
  type Campaign,
} from '../../src/index.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';

// Retell writes: routing and naming a number, deleting it, and a batch call as campaigns.create.

useMsw();

const base = 'https://api.retellai.com';
const apiKey = 'key_retell_test_0123456789';
const retell = () => createClient({ provider: 'retell', apiKey, maxRetries: 2 });
const number = {
  phone_number: '+14155550101',
  phone_number_type: 'retell-telnyx',
  last_modification_timestamp: 1_719_792_000_000,
  inbound_agents: [
    { agent_id: 'agent_a', weight: 0.6 },
    { agent_id: 'agent_b', weight: 0.4 },
  ],
  outbound_agents: [{ agent_id: 'agent_out', weight: 1 }],
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (caught: unknown) => caught,
  );
}

describe('retell phoneNumbers.update', () => {
  it('routes to one agent by replacing the weighted inbound list, and maps the answer', async () => {
    const updated = { ...number, inbound_agents: [{ agent_id: 'agent_new', weight: 1 }], nickname: 'Front desk' };
    server.use(http.patch(`${base}/update-phone-number/:number`, () => HttpResponse.json(updated)));
    const result = await retell().phoneNumbers.update('+14155550101', { agentId: 'agent_new', label: 'Front desk' });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('PATCH');
    expect(requests[0]!.url).toBe(`${base}/update-phone-number/%2B14155550101`);
    expect(queryOf(requests[0]!)).toEqual({});
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ inbound_agents: [{ agent_id: 'agent_new', weight: 1 }], nickname: 'Front desk' });
    expect(result).toMatchObject({ id: '+14155550101', agentId: 'agent_new', outboundAgentId: 'agent_out', label: 'Front desk', raw: updated });
  });

  it.each([
    [{ agentId: null }, { inbound_agents: null }],
    [{ label: null }, { nickname: null }],
    [{ label: 'Sales' }, { nickname: 'Sales' }],
    [{ agentId: 'x', label: undefined }, { inbound_agents: [{ agent_id: 'x', weight: 1 }] }],
  ])('sends %j as exactly %j', async (patch, body) => {
    server.use(http.patch(`${base}/update-phone-number/:number`, () => HttpResponse.json(number)));
    await retell().phoneNumbers.update('+14155550101', patch);
    expect(await requests[0]!.json()).toEqual(body);
  });

  it.each([
    [{ status: 'inactive' }, 'the patch takes agentId and label on retell, not "status". Nothing was sent.'],
    [{}, 'the patch is empty; give agentId or label (agentId: null unlinks the agent). Nothing was sent.'],
    [{ agentId: '' }, 'agentId must be a non-empty agent id, or null to unbind every inbound agent (got "").'],
    [{ label: 7 }, 'label must be a string, or null to clear the nickname (got 7).'],
    [null, 'the patch must be an object such as { agentId: "..." } (got null); it takes agentId and label. Nothing was sent.'],
  ])('refuses %j before any request', async (patch, message) => {
    const error = await failure(retell().phoneNumbers.update('+14155550101', patch as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(`retell: phoneNumbers.update: ${message}`);
    expect(requests).toHaveLength(0);
  });

  it('never sends a PATCH twice, even after a 500', async () => {
    server.use(
      http.patch(`${base}/update-phone-number/:number`, () =>
        HttpResponse.json({ status: 'error', message: 'An unexpected server error occurred.' }, { status: 500 }),
      ),
    );
    const error = await failure(retell().phoneNumbers.update('+14155550101', { agentId: 'x' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toBe(
      'retell answered 500: An unexpected server error occurred. The platform failed. ' +
        'The PATCH /update-phone-number/%2B14155550101 was sent once and not repeated, and may have taken effect: ' +
        "check whether it did (phoneNumbers.get('+14155550101') shows the number's agent and nickname) before sending it again.",
    );
    expect(requests).toHaveLength(1);
  });
});

describe('retell phoneNumbers.delete', () => {
  it('sends DELETE to the encoded number and resolves with nothing on 204', async () => {
    server.use(http.delete(`${base}/delete-phone-number/:number`, () => new HttpResponse(null, { status: 204 })));
    await expect(retell().phoneNumbers.delete('+14155550101')).resolves.toBeUndefined();
    expect(requests.map((request) => [request.method, request.url])).toEqual([['DELETE', `${base}/delete-phone-number/%2B14155550101`]]);
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
  });

  it('retries a DELETE after a 503', async () => {
    let attempts = 0;
    server.use(
      http.delete(`${base}/delete-phone-number/:number`, () =>
        ++attempts === 1 ? HttpResponse.text('busy', { status: 503, headers: { 'retry-after-ms': '0' } }) : new HttpResponse(null, { status: 204 }),
      ),
    );
    await retell().phoneNumbers.delete('+14155550101');
    expect(requests).toHaveLength(2);
  });
});

describe('retell campaigns.create (a batch call)', () => {
  // Tomorrow, on the hour: campaigns.create refuses a start more than a minute past or a year ahead.
  const scheduledAt = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000);
  const input = {
    name: 'Spring reminders',
    agentId: 'agent_caller',
    fromNumberId: '+14155550101',
    recipients: [{ number: '+14155550102', variables: { first: 'Ada' } }, { number: '+1 415 555 0103' }],
  };
  const answer = (overrides: Record<string, unknown> = {}) => ({
    batch_call_id: 'batch_call_8f2a',
    name: 'Spring reminders',
    from_number: '+14155550101',
    scheduled_timestamp: scheduledAt.getTime(),
    total_task_count: 2,
    ...overrides,
  });

  it('posts the batch with the agent on every task and maps the created batch as scheduled', async () => {
    server.use(http.post(`${base}/create-batch-call`, () => HttpResponse.json(answer(), { status: 201 })));
    const campaign = await retell().campaigns.create({ ...input, scheduledAt });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.url).toBe(`${base}/create-batch-call`);
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(await requests[0]!.json()).toEqual({
      name: 'Spring reminders',
      from_number: '+14155550101',
      tasks: [
        { to_number: '+14155550102', override_agent_id: 'agent_caller', retell_llm_dynamic_variables: { first: 'Ada' } },
        { to_number: '+14155550103', override_agent_id: 'agent_caller' },
      ],
      trigger_timestamp: scheduledAt.getTime(),
    });
    expect(campaign).toEqual<Campaign<'retell'>>({
      provider: 'retell',
      id: 'batch_call_8f2a',
      name: 'Spring reminders',
      status: { unified: 'scheduled', raw: null },
      agentId: null,
      fromNumber: '+14155550101',
      totalCalls: 2,
      completedCalls: null,
      failedCalls: null,
      concurrency: null,
      activeConcurrency: null,
      createdAt: null,
      scheduledAt,
      finishedAt: null,
      pausedAt: null,
      raw: answer(),
    });
  });

  it('says a refusal (4xx) changed nothing: no note about a possible effect', async () => {
    server.use(http.post(`${base}/create-batch-call`, () => HttpResponse.json({ status: 'error', message: 'Invalid from_number' }, { status: 400 })));
    const error = await failure(retell().campaigns.create(input));
    expect((error as Error).message).toBe('retell answered 400: Invalid from_number. Check the parameters sent.');
  });

  it('sends no trigger_timestamp without scheduledAt, and a batch sent now is pending', async () => {
    const sentAt = Date.now() - 1000;
    server.use(http.post(`${base}/create-batch-call`, () => HttpResponse.json(answer({ scheduled_timestamp: sentAt }), { status: 201 })));
    const campaign = await retell().campaigns.create(input);
    expect(await requests[0]!.json()).not.toHaveProperty('trigger_timestamp');
    expect(campaign.status).toEqual({ unified: 'pending', raw: null });
    expect(campaign.scheduledAt).toEqual(new Date(sentAt));
  });

  it.each([
    [{ concurrency: 5 }, 'retell takes no concurrency for a campaign; leave concurrency out.'],
    [{ fromNumberId: 'pn_123' }, 'fromNumberId must be a Retell number id, which is the number in E.164 such as "+14155550100" (got "pn_123").'],
    [{ recipients: [] }, 'recipients must be a list of one or more { number, variables? }.'],
    [{ recipients: [{ number: '4155550102' }] }, 'recipients[0].number "4155550102" cannot be read as a phone number; give it in E.164 (+14155550100), or set defaultCountry for national numbers.'],
    [{ agentId: '' }, 'agentId must be a non-empty string (got "").'],
  ])('refuses %j before any request', async (change, message) => {
    const error = await failure(retell().campaigns.create({ ...input, ...change } as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(`retell: campaigns.create: ${message}`);
    expect(requests).toHaveLength(0);
  });

  it('never sends a POST twice: a 500 is one attempt', async () => {
    server.use(http.post(`${base}/create-batch-call`, () => HttpResponse.json({ status: 'error', message: 'boom' }, { status: 500 })));
    const error = await failure(retell().campaigns.create(input));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toBe(
      'retell answered 500: boom. The platform failed. The POST /create-batch-call was sent once and not repeated, and may have taken effect: ' +
        `check whether it did (the Batch Call page of Retell's dashboard shows whether "Spring reminders" exists) before sending it again.`,
    );
    expect(requests).toHaveLength(1);
  });

  it('offers no other campaign operation, and emulates none', async () => {
    const client = retell();
    for (const operation of ['campaigns.get', 'campaigns.list', 'campaigns.cancel', 'campaigns.pause', 'campaigns.resume', 'phoneNumbers.create', 'phoneNumbers.listByAgent'] as const) {
      expect(client.supports(operation)).toBe(false);
    }
    const neutral = createClient({ provider: 'retell' as string, apiKey } as never) as unknown as { campaigns: { get(id: string): Promise<unknown> } };
    const error = await failure(neutral.campaigns.get('batch_call_8f2a'));
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as Error).message).toMatch(
      /^retell does not offer campaigns\.get; nothing was sent\..*retell offers: phoneNumbers\.list, phoneNumbers\.get, phoneNumbers\.update, phoneNumbers\.delete, campaigns\.create, calls\.create, calls\.list, calls\.get, agents\.list, agents\.get\.$/,
    );
    expect(requests).toHaveLength(0);
  });
});
