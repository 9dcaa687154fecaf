import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, type Call } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { useSandbox } from './use-sandbox.js';

// The Vapi double's calls and assistants, read through the client over `startSandbox()`: every status and end-reason
// family with transcripts and recordings, a campaign's calls behind its contacts, and a placed call
// that moves from queued to its end over five seconds of the clock.

const sandbox = useSandbox();
const seed = (await sandboxSeed()).vapi;
const vapi = () => createClient(sandbox().clientOptions('vapi'));

afterEach(() => vi.useRealTimers());

describe('vapi sandbox calls', () => {
  it('lists every call once, newest first, in every status and end-reason family, with transcripts and recordings', async () => {
    const client = vapi();
    const calls: Call[] = [];
    for await (const call of client.calls.list({ limit: 1000 })) calls.push(call);
    expect(new Set(calls.map((call) => call.id)).size).toBe(calls.length);
    const times = calls.map((call) => call.createdAt!.getTime());
    expect(times).toEqual([...times].sort((left, right) => right - left));
    const statuses = new Set(calls.map((call) => call.status.unified));
    for (const status of ['scheduled', 'queued', 'ringing', 'in_progress', 'completed', 'not_connected', 'failed', 'canceled']) expect(statuses).toContain(status);
    const reasons = new Set(calls.map((call) => call.endReason?.unified));
    for (const reason of ['customer_hangup', 'agent_hangup', 'transferred', 'voicemail', 'no_answer', 'busy', 'declined', 'dial_failed', 'max_duration', 'silence_timeout', 'canceled', 'concurrency_limit', 'insufficient_funds', 'error', 'unknown']) {
      expect(reasons).toContain(reason);
    }
    const answered = calls.find((call) => call.endReason?.unified === 'customer_hangup')!;
    expect(answered.transcript!.length).toBeGreaterThan(2);
    expect(answered.recording).toMatchObject({ requiresAuth: false });
    expect(calls.filter((call) => call.endReason?.unified === 'no_answer').every((call) => call.status.unified === 'not_connected')).toBe(true);
  });

  it("a campaign's calls exist: its dialled contacts' calls, each naming the campaign", async () => {
    const client = vapi();
    const campaigns = seed.campaigns as unknown as { id: string; status: string; contactCounters: { completed: number; failed: number } }[];
    const campaign = campaigns.find((item) => item.status === 'ended' && item.contactCounters.completed > 0)!;
    const calls: Call[] = [];
    for await (const call of client.calls.list({ campaignId: campaign.id, limit: 200 })) calls.push(call);
    expect(calls.length).toBe(campaign.contactCounters.completed + campaign.contactCounters.failed);
    expect(calls.every((call) => call.campaignId === campaign.id)).toBe(true);
  });

  it('agents: the assistants numbers are bound to, each with its prompt', async () => {
    const client = vapi();
    const agents = [];
    for await (const agent of client.agents.list({ limit: 3 })) agents.push(agent);
    expect(agents.map((agent) => agent.id).sort()).toEqual([...seed.assistantIds].sort());
    const one = await client.agents.get(seed.assistantIds[0]!, {});
    expect(one.prompt).toMatch(/agent of Acme/);
  });

  it('calls.create places a call that goes queued, ringing, in progress, then ends over five seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00.000Z'));
    const client = vapi();
    const from = seed.phoneNumbers.find((number) => typeof number.number === 'string')!;
    const created = await client.calls.create({ agentId: seed.assistantIds[0]!, fromNumberId: from.id, to: '+14155550123' });
    expect(created.status.unified).toBe('queued');
    const seen = [created.status.unified];
    for (const seconds of [1.5, 3, 6]) {
      vi.setSystemTime(new Date(Date.parse('2026-01-01T10:00:00.000Z') + seconds * 1000));
      seen.push((await client.calls.get(created.id)).status.unified);
    }
    expect(seen).toEqual(['queued', 'ringing', 'in_progress', 'completed']);
    const ended = await client.calls.get(created.id);
    expect(ended.endReason).toEqual({ unified: 'customer_hangup', raw: 'customer-ended-call' });
    expect(ended.durationSeconds).toBe(3);
    expect(ended.transcript!.length).toBeGreaterThan(0);
  });
});
