import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, type Call } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { useSandbox } from './use-sandbox.js';

// The Retell double's calls and agents, read through the client over `startSandbox()`: every status and end-reason
// family, transcripts on get (not in the list), prompts on the LLMs, a batch's calls, and a placed
// call that goes registered -> ongoing -> ended over five seconds of the clock.

const sandbox = useSandbox();
const seed = (await sandboxSeed()).retell;
const retell = () => createClient(sandbox().clientOptions('retell'));

afterEach(() => vi.useRealTimers());

describe('retell sandbox calls', () => {
  it('lists every call once in every status and end-reason family; get adds the transcript', async () => {
    const client = retell();
    const calls: Call[] = [];
    for await (const call of client.calls.list({ limit: 40 })) calls.push(call);
    expect(calls).toHaveLength(300);
    expect(new Set(calls.map((call) => call.id)).size).toBe(300);
    expect(calls.every((call) => call.transcript === null)).toBe(true);
    const statuses = new Set(calls.map((call) => call.status.unified));
    for (const status of ['queued', 'in_progress', 'completed', 'not_connected', 'failed', 'canceled']) expect(statuses).toContain(status);
    const reasons = new Set(calls.map((call) => call.endReason?.unified));
    for (const reason of ['customer_hangup', 'agent_hangup', 'transferred', 'voicemail', 'no_answer', 'busy', 'declined', 'dial_failed', 'max_duration', 'silence_timeout', 'canceled', 'concurrency_limit', 'insufficient_funds', 'error', 'unknown']) {
      expect(reasons).toContain(reason);
    }
    const answered = calls.find((call) => call.endReason?.unified === 'customer_hangup')!;
    const full = await client.calls.get(answered.id);
    expect(full.transcript!.map((turn) => turn.role)).toEqual(['agent', 'customer', 'agent', 'customer']);
    expect(full.recording).toMatchObject({ requiresAuth: false });
  });

  it("a batch's calls are listed by campaignId", async () => {
    const client = retell();
    const all: Call[] = [];
    for await (const call of client.calls.list({ limit: 1000 })) all.push(call);
    const batch = all.find((call) => call.campaignId !== null)!.campaignId!;
    const page = await client.calls.list({ campaignId: batch, limit: 1000 });
    expect(page.items.length).toBe(all.filter((call) => call.campaignId === batch).length);
    expect(page.items.every((call) => call.campaignId === batch)).toBe(true);
  });

  it("agents: the agents the seeded numbers route to, each with its prompt on its LLM", async () => {
    const client = retell();
    const ids: string[] = [];
    for await (const agent of client.agents.list({ limit: 4 })) ids.push(agent.id);
    expect(ids.sort()).toEqual([...seed.agentIds].sort());
    const agent = await client.agents.get(seed.agentIds[0]!, { withPrompt: true });
    expect(agent.promptRef?.kind).toBe('llm');
    expect(agent.prompt).toMatch(/Confirm appointments/);
  });

  it('calls.create places a call that goes registered, ongoing, then ends over five seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00.000Z'));
    const client = retell();
    const created = await client.calls.create({ agentId: seed.agentIds[0]!, fromNumberId: seed.phoneNumbers[0]!.phone_number, to: '+14155550123' });
    const seen = [created.status.unified];
    for (const seconds of [3, 6]) {
      vi.setSystemTime(new Date(Date.parse('2026-01-01T10:00:00.000Z') + seconds * 1000));
      seen.push((await client.calls.get(created.id)).status.unified);
    }
    expect(seen).toEqual(['queued', 'in_progress', 'completed']);
    const ended = await client.calls.get(created.id);
    expect(ended.endReason).toEqual({ unified: 'customer_hangup', raw: 'user_hangup' });
    expect(ended.durationSeconds).toBe(3);
  });
});
