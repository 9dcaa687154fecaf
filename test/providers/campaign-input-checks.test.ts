import { describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError } from '../../src/index.js';
import { http, HttpResponse, requests, server, useMsw } from '../helpers/msw.js';
import { failureOf } from '../helpers/outcomes.js';

// The neutral checks of campaigns.create that every platform shares (src/core/kit/campaign-input.ts),
// seen through vox (national numbers read as Korean ones) and Bland (E.164 only): what is refused
// before any request, and what vox is sent for what the caller typed.

useMsw();

const voxBase = 'https://client-api.tryvox.co';
const vox = () => createClient({ provider: 'vox', apiKey: 'vox_test_key_inputs' });
const bland = () => createClient({ provider: 'bland', apiKey: 'bland_test_key_inputs' });

const fromWire = { id: 'num-1', number: '07012345678', provider: 'vox', status: 'active', inbound_agent: null, outbound_agent: null };
const campaignWire = {
  id: 'cmp-1',
  name: 'Inputs',
  status: 'pending',
  agent: { agent_id: 'agent-7', agent_version: 'production' },
  from_number: '07012345678',
  total_calls: 3,
  completed_calls: 0,
  failed_calls: 0,
  concurrency: 1,
  active_concurrency: 0,
  created_at: 1_767_225_600_000,
  presentation_number: null,
  scheduled_at: null,
  finished_at: null,
  paused_at: null,
  paused_by: null,
  call_time_window: null,
};
const voxInput = { name: 'Inputs', agentId: 'agent-7', fromNumberId: 'num-1' };
const blandInput = { name: 'Inputs', agentId: 'pathway-1', fromNumberId: '+14155550199' };

function answerVox(): void {
  server.use(
    http.get(`${voxBase}/v3/organization-telephone-numbers/num-1`, () => HttpResponse.json(fromWire)),
    http.post(`${voxBase}/v3/campaigns`, () => HttpResponse.json(campaignWire, { status: 201 })),
  );
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await failureOf(promise);
  expect(error).toBeInstanceOf(InvalidRequestError);
  expect(requests).toHaveLength(0);
  return error as Error;
}

describe('campaigns.create: the same person twice', () => {
  it('refuses +14155550100 and +1 (415) 555-0100 in one list, naming both positions, before any request', async () => {
    const recipients = [{ number: '+14155550111' }, { number: '+14155550100' }, { number: '+1 (415) 555-0100' }];
    const error = await refusal(bland().campaigns.create({ ...blandInput, recipients }));
    expect(error.message).toMatch(/^bland: campaigns\.create: recipients\[1\] and recipients\[2\] are the same number \(\+14155550100\)/);
  });

  it('refuses a national and an international spelling of one Korean number on vox', async () => {
    const recipients = [{ number: '010-1234-5678' }, { number: '+82 10 1234 5678' }];
    const error = await refusal(vox().campaigns.create({ ...voxInput, recipients }));
    expect(error.message).toContain('recipients[0] and recipients[1] are the same number (+821012345678)');
  });
});

describe('campaigns.create: a number with text around it', () => {
  it.each([
    ['call 01012345678 tomorrow'],
    ['01012345678 ext. 9999'],
    ['+14155550100 x9999'],
    ['tel:+14155550100'],
  ])('refuses %j rather than parsing a number out of it', async (number) => {
    const error = await refusal(vox().campaigns.create({ ...voxInput, recipients: [{ number: '01099998888' }, { number }] }));
    expect(error.message).toContain(`recipients[1].number ${JSON.stringify(number)} cannot be read as a phone number: it holds more than a number`);
  });
});

describe('campaigns.create on vox: recipients go in the form vox takes', () => {
  it('sends domestic digits whatever the spelling (010-1234-5678, +82 10-9876-5432, 02 1234 5678)', async () => {
    answerVox();
    const recipients = [{ number: '010-1234-5678' }, { number: '+82 10-9876-5432' }, { number: '(02) 1234 5678' }];
    await vox().campaigns.create({ ...voxInput, recipients });
    expect(requests.map((request) => request.method)).toEqual(['GET', 'POST']);
    const body = (await requests[1]!.json()) as { tasks: unknown[] };
    expect(body.tasks).toEqual([{ to_number: '01012345678' }, { to_number: '01098765432' }, { to_number: '0212345678' }]);
  });

  it('refuses a number outside Korea before any request: it has no domestic form', async () => {
    const error = await refusal(vox().campaigns.create({ ...voxInput, recipients: [{ number: '+14155550100' }] }));
    expect(error.message).toMatch(/recipients\[0\]\.number "\+14155550100" is \+14155550100, outside Korea/);
  });
});

describe('campaigns.create: a variable named __proto__', () => {
  it('is sent as data, as the caller gave it (from JSON), beside the other variables', async () => {
    answerVox();
    const variables = JSON.parse('{"__proto__":"VIP","customer":"Kim"}') as Record<string, string>;
    await vox().campaigns.create({ ...voxInput, recipients: [{ number: '01012345678', variables }] });
    const text = await requests[1]!.text();
    expect(text).toContain('"dynamic_variables":{"__proto__":"VIP","customer":"Kim"}');
  });
});

describe('campaigns.create: scheduledAt within a sane window', () => {
  const hour = 3_600_000;
  const day = 24 * hour;

  it.each([
    ['two minutes ago', () => new Date(Date.now() - 2 * 60_000), /scheduledAt .* is in the past/],
    ['a year and a day ahead', () => new Date(Date.now() + 366 * day + hour), /scheduledAt .* is more than a year ahead/],
    ['a mistyped year (2062)', () => new Date(Date.UTC(2062, 0, 2, 9)), /more than a year ahead .*check the year/],
  ])('refuses %s before any request', async (_case, scheduledAt, message) => {
    const error = await refusal(vox().campaigns.create({ ...voxInput, recipients: [{ number: '01012345678' }], scheduledAt: scheduledAt() }));
    expect(error.message).toMatch(message);
  });

  it('takes a time a few seconds ago (the request is being built) and one eleven months ahead', async () => {
    for (const scheduledAt of [new Date(Date.now() - 5_000), new Date(Date.now() + 335 * day)]) {
      answerVox();
      await vox().campaigns.create({ ...voxInput, recipients: [{ number: '01012345678' }], scheduledAt });
      const post = requests.find((request) => request.method === 'POST')!;
      expect(((await post.json()) as { scheduled_at: number }).scheduled_at).toBe(scheduledAt.getTime());
      requests.length = 0;
    }
  });
});
