import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError, VoiceplaneError } from '../../src/core/errors.js';
import { createClient } from '../../src/index.js';
import { sandboxSeed, startSandbox, type Sandbox } from '../../src/testing/index.js';
import type { CallEvent } from '../../src/webhooks/index.js';
import { docsReceiver, sandboxWebhookSecrets as secrets, until } from '../helpers/sandbox-webhook-receiver.js';

// A campaign started through the sandbox places one call per recipient in the platform's double,
// linked to the campaign as the platform links them, and startSandbox({ webhookUrl }) posts each
// call's signed events to the docs' Node handler. Only `Date` is faked: the doubles move a call on
// by the clock, the sandbox follows it on real timers.

const seeds = await sandboxSeed();
const start = Date.parse('2026-01-01T10:00:00.000Z');
const closers: Array<() => Promise<void>> = [];
const recipients = ['+14155550111', '+14155550122', '+14155550133'];

afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

async function setup(): Promise<{ sandbox: Sandbox; events: CallEvent[] }> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  const receiver = await docsReceiver(secrets, closers);
  const sandbox = await startSandbox({ webhookUrl: `${receiver.url}/webhooks/{provider}`, webhookSecrets: secrets });
  closers.push(() => sandbox.close());
  return { sandbox, events: receiver.events };
}

/** Each platform's campaign start (2 or 3 recipients), and the events it sends per call, in order. */
const platforms = [
  {
    provider: 'vapi',
    input: () => ({ agentId: seeds.vapi.assistantIds[0]!, fromNumberId: seeds.vapi.phoneNumbers.find((number) => typeof number.number === 'string')!.id }),
    count: 3,
    types: ['call.started', 'call.ended', 'call.analyzed'],
    verification: 'token',
  },
  {
    provider: 'retell',
    input: () => ({ agentId: seeds.retell.agentIds[0]!, fromNumberId: seeds.retell.phoneNumbers[0]!.phone_number }),
    count: 2,
    types: ['call.started', 'call.ended', 'call.analyzed'],
    verification: 'signature',
  },
  {
    provider: 'elevenlabs',
    input: () => ({
      agentId: seeds.elevenlabs.agents[0]!.agent_id,
      fromNumberId: seeds.elevenlabs.phoneNumbers.find((number) => number.supports_outbound)!.phone_number_id,
    }),
    count: 3,
    types: ['call.analyzed'],
    verification: 'signature',
  },
  {
    provider: 'bland',
    input: () => ({ agentId: seeds.bland.pathwayIds[0]!, fromNumberId: seeds.bland.numbers[0]!.phone_number }),
    count: 2,
    types: ['call.ended'],
    verification: 'signature',
  },
] as const;

describe('sandbox webhooks for campaign starts', () => {
  for (const platform of platforms) {
    it(`${platform.provider}: a campaign's calls are listed by calls.list({ campaignId }) and each posts its signed events, whose call is the one calls.get returns`, async () => {
      const { sandbox, events } = await setup();
      const client = createClient(sandbox.clientOptions(platform.provider));
      const to = recipients.slice(0, platform.count);
      const campaign = await client.campaigns.create({ name: 'Renewals', ...platform.input(), recipients: to.map((number) => ({ number })) });

      // One call per recipient, linked to the campaign.
      const listed = await client.calls.list({ campaignId: campaign.id });
      expect(listed.items.map((call) => call.to).sort()).toEqual(to);
      expect(listed.items.every((call) => call.campaignId === campaign.id)).toBe(true);
      const ids = listed.items.map((call) => call.id);
      expect(new Set(ids).size).toBe(platform.count);

      vi.setSystemTime(start + 6000);
      const eventsOf = (id: string) => events.filter((event) => event.call.id === id);
      await until(() => ids.every((id) => eventsOf(id).length === platform.types.length), `the events of ${platform.provider}'s campaign calls`);
      // Every event is about one of the campaign's calls, verified the platform's way.
      expect(events).toHaveLength(platform.count * platform.types.length);
      expect(events.every((event) => event.provider === platform.provider && event.verified && event.verification === platform.verification)).toBe(true);

      for (const id of ids) {
        const got = await client.calls.get(id);
        const received = eventsOf(id);
        expect(received.map((event) => event.type)).toEqual(platform.types);
        for (const event of received) {
          expect([event.call.id, event.call.to, event.call.campaignId]).toEqual([id, got.to, campaign.id]);
        }
        // The last event's call is the ended call exactly as calls.get maps it.
        expect(received.at(-1)!.call).toEqual(got);
        expect(got.status.unified).toBe('completed');
        if (platform.types[0] === 'call.started') expect(received[0]!.call.status.unified).toBe('in_progress');
      }
      expect((await client.calls.list({ campaignId: campaign.id })).items.map((call) => call.id).sort()).toEqual([...ids].sort());
      expect(sandbox.webhookDeliveries.every((delivery) => delivery.status === 200 && ids.includes(delivery.callId))).toBe(true);
    });
  }

  for (const platform of platforms.filter((candidate) => candidate.provider === 'vapi' || candidate.provider === 'elevenlabs')) {
    it(`${platform.provider}: a campaign scheduled for later dials its recipients at that time, and their events follow`, async () => {
      const { sandbox, events } = await setup();
      const client = createClient(sandbox.clientOptions(platform.provider));
      const to = recipients.slice(0, 2);
      const scheduledAt = new Date(start + 60_000);
      const campaign = await client.campaigns.create({ name: 'Later', ...platform.input(), scheduledAt, recipients: to.map((number) => ({ number })) });
      expect((await client.calls.list({ campaignId: campaign.id })).items).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sandbox.webhookDeliveries).toEqual([]);

      vi.setSystemTime(scheduledAt.getTime() + 1);
      const listed = await client.calls.list({ campaignId: campaign.id });
      expect(listed.items.map((call) => call.to).sort()).toEqual(to);
      vi.setSystemTime(scheduledAt.getTime() + 6000);
      await until(() => events.length === 2 * platform.types.length, `the events of ${platform.provider}'s scheduled calls`);
      for (const call of listed.items) {
        const received = events.filter((event) => event.call.id === call.id);
        expect(received.map((event) => event.type)).toEqual(platform.types);
        expect(received.at(-1)!.call).toEqual(await client.calls.get(call.id));
        expect(received.at(-1)!.call.startedAt!.getTime()).toBeGreaterThanOrEqual(scheduledAt.getTime());
      }
    });
  }

  it('posts nothing for a campaign start the double refuses (a from-number that is not on the account)', async () => {
    const { sandbox, events } = await setup();
    const recipientsOf = [{ number: recipients[0]! }, { number: recipients[1]! }];
    const clients = Object.fromEntries(platforms.map((platform) => [platform.provider, createClient(sandbox.clientOptions(platform.provider))]));
    const missingFrom = { vapi: '00000000-0000-4000-8000-0000000fffff', retell: '+14155559999', elevenlabs: 'phnum_missing', bland: '+14155559999' };
    for (const platform of platforms) {
      const refused = clients[platform.provider]!.campaigns.create({ name: 'Refused', ...platform.input(), fromNumberId: missingFrom[platform.provider], recipients: recipientsOf });
      await expect(refused, platform.provider).rejects.toThrow(VoiceplaneError);
    }
    await expect(clients.retell!.campaigns.create({ name: 'Refused', ...platforms[1].input(), fromNumberId: '+14155559999', recipients: recipientsOf })).rejects.toThrow(NotFoundError);
    // Each refusal came from the double itself: its POST was answered 4xx.
    expect(sandbox.requests.filter((request) => request.method === 'POST').map((request) => [request.provider, request.status >= 400 && request.status < 500])).toEqual([
      ['vapi', true],
      ['retell', true],
      ['elevenlabs', true],
      ['bland', true],
      ['retell', true],
    ]);
    vi.setSystemTime(start + 6000);
    // Longer than the sender takes to find and report a started campaign's calls (see the tests above).
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sandbox.webhookDeliveries).toEqual([]);
    expect(events).toEqual([]);
  });
});
