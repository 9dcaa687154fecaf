import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../src/core/call-types.js';
import { retellCallOperations } from '../../src/providers/retell/calls-operations.js';
import { retellProvider } from '../../src/providers/retell/index.js';
import { retellSandbox } from '../../src/providers/retell/sandbox.js';
import { kitFor, listWith } from '../helpers/provider-kit.js';

// The Retell double's calls and agents, read through the adapter: every status and end-reason
// family, transcripts on get (not in the list), prompts on the LLMs, a batch's calls, and a placed
// call that goes registered -> ongoing -> ended over five seconds of the clock.

const apiKey = 'key_retell_sandbox_0123';

function sandbox() {
  const platform = retellSandbox.create({ apiKey, options: {}, seed: retellSandbox.seed });
  const fetch = async (url: string, init?: RequestInit) => {
    const request = new Request(url, init);
    const where = new URL(url);
    return platform.authenticate(request) ?? platform.handle(request, where.pathname, where.searchParams);
  };
  const { kit } = kitFor(retellProvider, { apiKey, fetch });
  return { operations: retellCallOperations(kit), fetch };
}

afterEach(() => vi.useRealTimers());

describe('retell sandbox calls', () => {
  it('lists every call once in every status and end-reason family; get adds the transcript', async () => {
    const { operations } = sandbox();
    const calls: Call[] = [];
    for await (const call of listWith('retell', operations.calls.list, { limit: 40 })) calls.push(call);
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
    const full = await operations.calls.get(answered.id, {});
    expect(full.transcript!.map((turn) => turn.role)).toEqual(['agent', 'customer', 'agent', 'customer']);
    expect(full.recording).toMatchObject({ requiresAuth: false });
  });

  it("a batch's calls are listed by campaignId", async () => {
    const { operations } = sandbox();
    const all: Call[] = [];
    for await (const call of listWith('retell', operations.calls.list, { limit: 1000 })) all.push(call);
    const batch = all.find((call) => call.campaignId !== null)!.campaignId!;
    const page = await listWith('retell', operations.calls.list, { campaignId: batch, limit: 1000 });
    expect(page.items.length).toBe(all.filter((call) => call.campaignId === batch).length);
    expect(page.items.every((call) => call.campaignId === batch)).toBe(true);
  });

  it("agents: the agents the seeded numbers route to, each with its prompt on its LLM", async () => {
    const { operations } = sandbox();
    const seed = retellSandbox.seed();
    const ids: string[] = [];
    for await (const agent of listWith('retell', operations.agents.list, { limit: 4 })) ids.push(agent.id);
    expect(ids.sort()).toEqual([...seed.agentIds].sort());
    const agent = await operations.agents.get(seed.agentIds[0]!, { withPrompt: true }, {});
    expect(agent.promptRef?.kind).toBe('llm');
    expect(agent.prompt).toMatch(/Confirm appointments/);
  });

  it('calls.create places a call that goes registered, ongoing, then ends over five seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00.000Z'));
    const { operations } = sandbox();
    const seed = retellSandbox.seed();
    const created = await operations.calls.create({ agentId: seed.agentIds[0]!, fromNumberId: seed.phoneNumbers[0]!.phone_number, to: '+14155550123' }, {});
    const seen = [created.status.unified];
    for (const seconds of [3, 6]) {
      vi.setSystemTime(new Date(Date.parse('2026-01-01T10:00:00.000Z') + seconds * 1000));
      seen.push((await operations.calls.get(created.id, {})).status.unified);
    }
    expect(seen).toEqual(['queued', 'in_progress', 'completed']);
    const ended = await operations.calls.get(created.id, {});
    expect(ended.endReason).toEqual({ unified: 'customer_hangup', raw: 'user_hangup' });
    expect(ended.durationSeconds).toBe(3);
  });
});
