import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/index.js';
import { NotFoundError } from '../../src/core/errors.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { allPages } from '../providers/calls-kit.js';
import { useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed()).vogent;
const vogent = () => createClient(sandbox().clientOptions('vogent'));
const finished = ['completed', 'failed', 'canceled', 'busy', 'no-answer'];

afterEach(() => vi.useRealTimers());

describe('sandbox: Vogent dials', () => {
  it("lists a job's finished dials, in pages, each with its agent, number and transcript", async () => {
    const job = seed.batchDialJobs.find((item) => item.status === 'ACTIVE')!;
    const pages = await allPages(vogent().calls.list({ campaignId: job.id, limit: 4 }));
    const calls = pages.flatMap((page) => page.items);
    const expected = seed.dials.filter((dial) => dial.batchDialJobId === job.id && finished.includes(dial.status));
    expect(pages.length).toBe(Math.ceil(expected.length / 4));
    expect(calls.map((call) => call.id).sort()).toEqual(expected.map((dial) => dial.id).sort());
    // An active job also has dials under way: Vogent lists only the finished ones.
    expect(seed.dials.some((dial) => dial.batchDialJobId === job.id && !finished.includes(dial.status))).toBe(true);
    expect(calls.every((call) => call.campaignId === job.id && call.agentId === job.callAgentId)).toBe(true);
    const numberIds = new Set(seed.phoneNumbers.map((number) => number.id));
    expect(calls.every((call) => call.phoneNumberId !== null && numberIds.has(call.phoneNumberId))).toBe(true);
    expect(calls.some((call) => (call.transcript ?? []).some((turn) => turn.role === 'tool'))).toBe(true);
  });

  it('serves dials in every status and end-reason family Vogent reports, with recordings that need the key', async () => {
    const calls = await Promise.all(seed.dials.slice(0, 40).map((dial) => vogent().calls.get(dial.id)));
    expect(new Set(calls.map((call) => call.status.unified))).toEqual(new Set(['completed', 'not_connected', 'canceled', 'queued', 'ringing', 'in_progress']));
    expect(new Set(calls.flatMap((call) => (call.endReason ? [call.endReason.unified] : [])))).toEqual(
      new Set(['unknown', 'voicemail', 'busy', 'no_answer', 'dial_failed', 'canceled']),
    );
    const recorded = calls.find((call) => call.recording !== null)!;
    expect(recorded.recording!.requiresAuth).toBe(true);
    const agentIds = new Set(seed.agents.map((agent) => agent.id));
    expect(seed.phoneNumbers.every((number) => number.agentId === null || agentIds.has(number.agentId))).toBe(true);
    expect(calls.every((call) => call.agentId !== null && agentIds.has(call.agentId))).toBe(true);
  });

  it('answers an unknown dial or job with NotFoundError', async () => {
    await expect(vogent().calls.get('no-such-dial')).rejects.toBeInstanceOf(NotFoundError);
    await expect(vogent().calls.list({ campaignId: 'no-such-job' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates a dial that moves from queued to completed over a few seconds of the double clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-07-01T00:00:00Z'));
    const from = seed.phoneNumbers.find((number) => number.type === 'PSTN')!;
    const agent = seed.agents[2]!;
    const created = await vogent().calls.create({ agentId: agent.id, fromNumberId: from.id, to: '+14155550123', variables: { firstName: 'Ada' } });
    expect([created.status.unified, created.endReason, created.agentId, created.customerE164, created.variables]).toEqual([
      'queued',
      null,
      agent.id,
      '+14155550123',
      { firstName: 'Ada' },
    ]);
    vi.setSystemTime(new Date('2025-07-01T00:00:01.500Z'));
    expect((await vogent().calls.get(created.id)).status.unified).toBe('ringing');
    vi.setSystemTime(new Date('2025-07-01T00:00:03Z'));
    expect((await vogent().calls.get(created.id)).status.unified).toBe('in_progress');
    vi.setSystemTime(new Date('2025-07-01T00:00:06Z'));
    const ended = await vogent().calls.get(created.id);
    expect([ended.status.unified, ended.endReason?.unified, ended.durationSeconds]).toEqual(['completed', 'unknown', 3]);
  });

  it('refuses a dial from a number that is not the account\'s', async () => {
    await expect(vogent().calls.create({ agentId: seed.agents[0]!.id, fromNumberId: 'not-a-number-id', to: '+14155550123' })).rejects.toThrow(/fromNumberId/);
  });
});
