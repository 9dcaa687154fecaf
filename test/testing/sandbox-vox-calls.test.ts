import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { allPages } from '../providers/calls-kit.js';
import { useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed()).vox;
const vox = () => createClient(sandbox().clientOptions('vox'));

afterEach(() => vi.useRealTimers());

describe('sandbox: vox calls and agents', () => {
  it('serves calls in every status and end-reason family, with transcripts and recordings, of agents and campaigns that exist', async () => {
    const calls = (await allPages(vox().calls.list({ limit: 100 }))).flatMap((page) => page.items);
    expect(calls).toHaveLength(seed.calls.length);
    expect(new Set(calls.map((call) => call.status.unified))).toEqual(new Set(['completed', 'not_connected', 'failed', 'canceled', 'queued', 'in_progress']));
    expect(new Set(calls.flatMap((call) => (call.endReason ? [call.endReason.unified] : []))).size).toBeGreaterThanOrEqual(12);
    expect(calls.some((call) => call.recording !== null)).toBe(true);
    const agentIds = new Set(seed.agents.map((agent) => agent.agent_id));
    expect(calls.every((call) => call.agentId !== null && agentIds.has(call.agentId))).toBe(true);
    const campaignIds = new Set(seed.campaigns.map((campaign) => campaign.id));
    expect(seed.calls.filter((call) => call.campaign_id).every((call) => campaignIds.has(call.campaign_id!))).toBe(true);
    const withTranscript = seed.calls.find((call) => call.transcript.length > 0)!;
    expect((await vox().calls.get(withTranscript.id)).transcript).toHaveLength(withTranscript.transcript.length);
  });

  it('applies the status and agent filters it is sent', async () => {
    const agent = seed.agents[0]!.agent_id;
    const calls = (await allPages(vox().calls.list({ status: 'not_connected', agentId: agent }))).flatMap((page) => page.items);
    const expected = seed.calls.filter(
      (call) => call.agent?.agent_id === agent && (call.status === 'not_connected' || (call.status === 'ended' && call.disconnection_reason?.startsWith('dial_'))),
    );
    expect(calls.map((call) => call.id).sort()).toEqual(expected.map((call) => call.id).sort());
  });

  it('serves agents with their prompt', async () => {
    const agents = (await allPages(vox().agents.list({}))).flatMap((page) => page.items);
    expect(agents).toHaveLength(seed.agents.length);
    const agent = await vox().agents.get(seed.agents[0]!.agent_id, {});
    expect(agent.prompt).toBe(seed.agents[0]!.data.prompt.prompt);
  });

  it('creates a call that moves from queued to an end over a few seconds of the double clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-07-01T00:00:00Z'));
    const from = seed.phoneNumbers.find((number) => number.status === 'active')!;
    const created = await vox().calls.create({ agentId: seed.agents[1]!.agent_id, fromNumberId: from.id, to: '010-2345-6789' });
    expect([created.status.unified, created.endReason]).toEqual(['queued', null]);
    vi.setSystemTime(new Date('2025-07-01T00:00:02Z'));
    expect((await vox().calls.get(created.id)).status.unified).toBe('in_progress');
    vi.setSystemTime(new Date('2025-07-01T00:00:05Z'));
    const ended = await vox().calls.get(created.id);
    expect([ended.status.unified, ended.endReason?.unified, ended.durationSeconds]).toEqual(['completed', 'customer_hangup', 3]);
  });
});
