import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError } from '../../src/core/errors.js';
import { createClient } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { allPages } from '../providers/calls-kit.js';
import { useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed()).bland;
const bland = () => createClient(sandbox().clientOptions('bland'));

afterEach(() => vi.useRealTimers());

describe('sandbox: Bland calls and pathways', () => {
  it('lists every call newest first, by index range, with the total', async () => {
    const pages = await allPages(bland().calls.list({ limit: 25 }));
    expect(pages.length).toBe(Math.ceil(seed.calls.length / 25));
    expect(pages[0]!.totalCount).toBe(seed.calls.length);
    const calls = pages.flatMap((page) => page.items);
    expect(calls.map((call) => call.id)).toEqual(seed.calls.map((call) => call.call_id));
    // The list leaves out transcripts and recordings.
    expect(calls.every((call) => call.transcript === null && call.recording === null)).toBe(true);
  });

  it('serves calls in every status and end-reason family Bland can tell, with transcripts and recordings', async () => {
    const calls = await Promise.all(seed.calls.map((call) => bland().calls.get(call.call_id)));
    expect(new Set(calls.map((call) => call.status.unified))).toEqual(new Set(['completed', 'not_connected', 'failed', 'queued', 'in_progress']));
    expect(new Set(calls.flatMap((call) => (call.endReason ? [call.endReason.unified] : [])))).toEqual(
      new Set(['customer_hangup', 'agent_hangup', 'transferred', 'voicemail', 'no_answer', 'error', 'unknown']),
    );
    expect(calls.some((call) => call.recording !== null)).toBe(true);
    expect(calls.some((call) => (call.transcript ?? []).map((turn) => turn.role).join() === 'agent,customer,tool,agent,customer')).toBe(true);
    const pathwayIds = new Set(seed.pathways.map((pathway) => pathway.id));
    const numbers = new Set(seed.numbers.map((number) => number.phone_number));
    expect(calls.every((call) => call.agentId === null || pathwayIds.has(call.agentId))).toBe(true);
    expect(calls.every((call) => call.phoneNumberId !== null && numbers.has(call.phoneNumberId))).toBe(true);
    expect(seed.numbers.every((number) => !number.pathway_id || pathwayIds.has(number.pathway_id))).toBe(true);
  });

  it("lists a batch's calls, one per recipient, from the batch's number and pathway", async () => {
    const batch = seed.batches.find((item) => JSON.parse(item.base_prompt).pathway_id && item.call_objects.length > 1)!;
    const global = JSON.parse(batch.base_prompt) as { pathway_id: string; from: string };
    const [page] = await allPages(bland().calls.list({ campaignId: batch.id }));
    expect(page!.items.map((call) => call.to).sort()).toEqual(batch.call_objects.map((recipient) => recipient.phone_number as string).sort());
    expect(page!.items.every((call) => call.campaignId === batch.id && call.agentId === global.pathway_id && call.from === global.from)).toBe(true);
    await expect(bland().calls.list({ campaignId: 'no-such-batch' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('serves pathways as agents, each with its start prompt', async () => {
    const agents = (await allPages(bland().agents.list({}))).flatMap((page) => page.items);
    expect(agents.map((agent) => agent.id)).toEqual(seed.pathwayIds);
    const pathway = seed.pathways[0]!;
    const agent = await bland().agents.get(pathway.id, {});
    expect([agent.name, agent.prompt, agent.promptRef]).toEqual([pathway.name, pathway.nodes[0]!.data.globalPrompt, { kind: 'pathway', id: pathway.id }]);
    await expect(bland().calls.get('no-such-call')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates a call that moves from queued to an end over a few seconds of the double clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-07-01T00:00:00Z'));
    const from = seed.numbers[0]!.phone_number;
    const pathway = seed.pathways[1]!.id;
    const created = await bland().calls.create({ agentId: pathway, fromNumberId: from, to: '+14155550123', variables: { first: 'Ada' } });
    expect([created.status.unified, created.endReason, created.agentId, created.from, created.to, created.variables]).toEqual([
      'queued',
      null,
      pathway,
      from,
      '+14155550123',
      { first: 'Ada' },
    ]);
    vi.setSystemTime(new Date('2025-07-01T00:00:02Z'));
    expect((await bland().calls.get(created.id)).status.unified).toBe('in_progress');
    vi.setSystemTime(new Date('2025-07-01T00:00:05Z'));
    const ended = await bland().calls.get(created.id);
    expect([ended.status.unified, ended.endReason?.unified, ended.durationSeconds]).toEqual(['completed', 'customer_hangup', 3]);
    expect((await bland().calls.list({ limit: 1 })).items[0]!.id).toBe(created.id);
  });

  it('refuses a call from a number that is not the account\'s', async () => {
    await expect(bland().calls.create({ agentId: seed.pathwayIds[0]!, fromNumberId: '+15005550000', to: '+14155550123' })).rejects.toThrow(/from must be one of your Bland numbers/);
  });
});
