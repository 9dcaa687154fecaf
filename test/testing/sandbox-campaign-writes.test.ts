import { describe, expect, it } from 'vitest';
import { BadRequestError, ConflictError, createClient, NotFoundError } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { collect, failureOf, useSandbox } from './use-sandbox.js';

// Campaign writes and number routing on the vox and Vogent doubles, through the public API: each
// change is seen by later reads, as users testing their own code against the sandbox need.

const sandbox = useSandbox();
const seeds = await sandboxSeed();
const vox = () => createClient(sandbox().clientOptions('vox'));
const vogent = () => createClient(sandbox().clientOptions('vogent'));
const voxFrom = seeds.vox.phoneNumbers.find((number) => number.status === 'active' && number.provider === 'vox')!;
const vogentFrom = seeds.vogent.phoneNumbers.find((number) => number.type === 'PSTN')!;

describe('sandbox: vox campaign lifecycle', () => {
  it('creates a campaign that reads back, then pauses, resumes and cancels it, each state read back', async () => {
    const created = await vox().campaigns.create({
      name: '배송 안내',
      agentId: 'agent-sandbox',
      fromNumberId: voxFrom.id,
      recipients: [{ number: '01012345678', variables: { name: '김' } }, { number: '01087654321' }],
      concurrency: 2,
    });
    expect(created).toMatchObject({
      provider: 'vox',
      name: '배송 안내',
      status: { unified: 'pending', raw: 'pending' },
      agentId: 'agent-sandbox',
      fromNumber: voxFrom.number,
      totalCalls: 2,
      concurrency: 2,
    });
    expect((await vox().campaigns.get(created.id)).status.raw).toBe('pending');

    await vox().campaigns.pause(created.id);
    const paused = await vox().campaigns.get(created.id);
    expect(paused.status).toEqual({ unified: 'paused', raw: 'paused' });
    expect(paused.pausedAt).toBeInstanceOf(Date);

    await vox().campaigns.resume(created.id);
    expect((await vox().campaigns.get(created.id)).status).toEqual({ unified: 'running', raw: 'ongoing' });

    await vox().campaigns.cancel(created.id);
    const canceled = await vox().campaigns.get(created.id);
    expect(canceled.status).toEqual({ unified: 'canceled', raw: 'canceled' });
    expect(canceled.finishedAt).toBeInstanceOf(Date);

    const conflict = await failureOf(vox().campaigns.resume(created.id));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as Error).message).toMatch(/INVALID_STATE: Cannot resume a campaign that is canceled/);

    const writes = sandbox().requests.filter((request) => request.method === 'POST');
    expect(writes.map((request) => `${request.path} ${request.status}`)).toEqual([
      '/v3/campaigns 201',
      `/v3/campaigns/${created.id}/pause 200`,
      `/v3/campaigns/${created.id}/resume 200`,
      `/v3/campaigns/${created.id}/cancel 200`,
      `/v3/campaigns/${created.id}/resume 409`,
    ]);
  });

  it('a campaign scheduled later reads back waiting for its time, and lists under its status', async () => {
    const later = new Date(Date.now() + 86_400_000);
    const created = await vox().campaigns.create({ name: 'Later', agentId: 'a', fromNumberId: voxFrom.id, recipients: [{ number: '01012345678' }], scheduledAt: later });
    expect(created.status.raw).toBe('draft');
    expect(created.scheduledAt).toEqual(later);
    const listed = await collect(vox().campaigns.list({ status: created.status.unified as never, limit: 5 }));
    expect(listed.map((campaign) => campaign.id)).toContain(created.id);
    expect(listed.every((campaign) => campaign.status.raw === 'draft')).toBe(true);
  });

  it('lists every campaign through cursor pages', async () => {
    const all = await collect(vox().campaigns.list({ limit: 4 }));
    expect(all.map((campaign) => campaign.raw).sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(
      [...seeds.vox.campaigns].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(sandbox().requests).toHaveLength(Math.ceil(seeds.vox.campaigns.length / 4));
  });

  it('refuses a from-number that is not the organization\'s with a 404, and sends no create', async () => {
    expect(await failureOf(vox().campaigns.create({ name: 'x', agentId: 'a', fromNumberId: 'nope', recipients: [{ number: '01012345678' }] }))).toBeInstanceOf(NotFoundError);
    expect(sandbox().requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('routes a number to another agent, and the number reads back with it; null unlinks', async () => {
    const number = seeds.vox.phoneNumbers.find((item) => item.status === 'active' && item.outbound_agent !== null)!;
    const routed = await vox().phoneNumbers.update(number.id, { agentId: 'agent-routed' });
    expect(routed.agentId).toBe('agent-routed');
    const read = await vox().phoneNumbers.get(number.id);
    expect(read.agentId).toBe('agent-routed');
    expect(read.outboundAgentId).toBe(number.outbound_agent!.agent_id);
    await vox().phoneNumbers.update(number.id, { agentId: null });
    expect((await vox().phoneNumbers.get(number.id)).agentId).toBeNull();
  });
});

describe('sandbox: vogent campaign lifecycle', () => {
  it('creates a job and starts it; pause and resume read back; a finished job cannot be paused', async () => {
    const created = await vogent().campaigns.create({
      name: 'Renewals',
      agentId: 'agent-sandbox',
      fromNumberId: vogentFrom.id,
      recipients: [{ number: '+14155550101', variables: { plan: 'pro' } }],
    });
    expect(created).toMatchObject({ provider: 'vogent', name: 'Renewals', status: { unified: 'running', raw: 'ACTIVE' }, concurrency: 1 });
    expect(sandbox().requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      '/batch_dial_jobs',
      `/batch_dial_jobs/${created.id}/paused`,
    ]);

    await vogent().campaigns.pause(created.id);
    expect((await vogent().campaigns.get(created.id)).status).toEqual({ unified: 'paused', raw: 'PAUSED' });
    await vogent().campaigns.resume(created.id);
    expect((await vogent().campaigns.get(created.id)).status).toEqual({ unified: 'running', raw: 'ACTIVE' });
    const listed = await collect(vogent().campaigns.list({ status: 'running' }));
    expect(listed.map((campaign) => campaign.id)).toContain(created.id);

    const finished = seeds.vogent.batchDialJobs.find((job) => job.status === 'COMPLETE')!;
    const error = await failureOf(vogent().campaigns.pause(finished.id));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(/it can no longer be started, paused or resumed/);
  });

  it('a from-number id Vogent does not know is its 400, and no start follows', async () => {
    const error = await failureOf(vogent().campaigns.create({ name: 'x', agentId: 'a', fromNumberId: 'pn-unknown', recipients: [{ number: '+14155550101' }] }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(sandbox().requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual(['POST /batch_dial_jobs 400']);
  });
});
