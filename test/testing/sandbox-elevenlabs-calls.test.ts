import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, NotFoundError } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { allPages } from '../providers/calls-kit.js';
import { useSandbox } from './use-sandbox.js';

// The ElevenLabs double's conversations and agents, read through the client over `startSandbox()`.

const sandbox = useSandbox();
const seed = (await sandboxSeed()).elevenlabs;
const elevenlabs = () => createClient(sandbox().clientOptions('elevenlabs'));

afterEach(() => vi.useRealTimers());

describe('sandbox: ElevenLabs calls and agents', () => {
  it('lists every conversation once, newest first, of agents that exist; get adds the transcript', async () => {
    const pages = await allPages(elevenlabs().calls.list({ limit: 100 }));
    expect(pages.length).toBe(Math.ceil(seed.conversations.length / 100));
    const calls = pages.flatMap((page) => page.items);
    expect(calls.map((call) => call.id)).toEqual([...seed.conversations].reverse().map((conversation) => conversation.conversation_id));
    expect(calls.every((call) => call.transcript === null)).toBe(true);
    // A list item carries no call_result, so a `done` call reads completed there; get tells not_connected (below).
    expect(new Set(calls.map((call) => call.status.unified))).toEqual(new Set(['completed', 'failed', 'queued', 'in_progress']));
    const agentIds = new Set(seed.agents.map((agent) => agent.agent_id));
    expect(calls.every((call) => call.agentId !== null && agentIds.has(call.agentId))).toBe(true);
    const talked = seed.conversations.find((conversation) => conversation.transcript.length > 1)!;
    const full = await elevenlabs().calls.get(talked.conversation_id);
    expect(full.transcript).toHaveLength(talked.transcript.length);
    expect(full.cost?.unit).toBe('credits');
    const unanswered = seed.conversations.find((conversation) => conversation.status === 'done' && conversation.metadata.phone_call?.call_result === 'no_answer')!;
    expect((await elevenlabs().calls.get(unanswered.conversation_id)).status.unified).toBe('not_connected');
    await expect(elevenlabs().calls.get('conv_no_such')).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a batch's calls exist: its recipients' conversations, each naming the batch", async () => {
    const batch = seed.batchCalls.find((item) => item.recipients.filter((recipient) => recipient.conversation_id).length > 1)!;
    const page = await elevenlabs().calls.list({ campaignId: batch.id });
    const expected = batch.recipients.filter((recipient) => recipient.conversation_id).map((recipient) => recipient.conversation_id);
    expect(page.items.map((call) => call.id).sort()).toEqual([...expected].sort());
    expect(page.items.every((call) => call.campaignId === batch.id)).toBe(true);
  });

  it('lists agents and gets one with its prompt; a number routes to an agent agents.get accepts', async () => {
    const agents = (await allPages(elevenlabs().agents.list({ limit: 4 }))).flatMap((page) => page.items);
    expect(agents.map((agent) => agent.id).sort()).toEqual(seed.agents.map((agent) => agent.agent_id).sort());
    const routed = (await allPages(elevenlabs().phoneNumbers.list())).flatMap((page) => page.items).find((number) => number.agentId !== null)!;
    const agent = await elevenlabs().agents.get(routed.agentId!, { withPrompt: true });
    expect(agent.id).toBe(routed.agentId);
    expect(agent.prompt).toBe(seed.agents.find((item) => item.agent_id === routed.agentId)!.conversation_config.agent.prompt.prompt);
  });

  it('creates a call that moves from queued to an end over a few seconds of the double clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    const from = seed.phoneNumbers.find((number) => number.supports_outbound)!;
    const created = await elevenlabs().calls.create({ agentId: seed.agents[0]!.agent_id, fromNumberId: from.phone_number_id, to: '+14155550123' });
    expect([created.status.unified, created.endReason]).toEqual(['queued', null]);
    vi.setSystemTime(new Date('2026-01-01T10:00:03Z'));
    expect((await elevenlabs().calls.get(created.id)).status.unified).toBe('in_progress');
    vi.setSystemTime(new Date('2026-01-01T10:00:06Z'));
    const ended = await elevenlabs().calls.get(created.id);
    expect([ended.status.unified, ended.endReason?.unified, ended.durationSeconds]).toEqual(['completed', 'agent_hangup', 3]);
    expect((await elevenlabs().calls.list({ limit: 1 })).items[0]!.id).toBe(created.id);
  });
});
