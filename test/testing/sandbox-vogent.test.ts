import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, createClient, NotFoundError } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { collect, failureOf, useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed()).vogent;
const vogent = () => createClient(sandbox().clientOptions('vogent'));

describe('sandbox: vogent', () => {
  it('lists every number to the end with { data, cursor } pages and no total', async () => {
    const page = await vogent().phoneNumbers.list({ limit: 50 });
    expect(page.totalCount).toBeNull();
    expect(page.items).toHaveLength(50);

    const numbers = await collect(vogent().phoneNumbers.list({ limit: 50 }));
    expect(numbers).toHaveLength(180);
    expect(numbers.map((number) => number.raw)).toEqual(seed.phoneNumbers);
    expect(numbers.filter((number) => number.type === 'pstn')).toHaveLength(120);
    expect(numbers.filter((number) => number.type === 'sip')).toHaveLength(45);
    // A SIP user name is no phone number: no E.164 form. Every PSTN number has one.
    expect(numbers.filter((number) => number.type === 'sip').every((number) => number.e164 === null)).toBe(true);
    expect(numbers.filter((number) => number.type === 'pstn').every((number) => number.e164?.startsWith('+'))).toBe(true);
    expect(numbers.filter((number) => !('type' in number.raw))).toHaveLength(15);
    // 1 page above, then 4 pages of 50, the last one of 30 with a null cursor.
    expect(sandbox().requestCount('vogent')).toBe(5);
  });

  it('gets one number, links and unlinks its agent, and the change stays', async () => {
    const wire = seed.phoneNumbers.find((number) => number.agentId === null)!;
    expect((await vogent().phoneNumbers.get(wire.id)).agentId).toBeNull();

    const linked = await vogent().phoneNumbers.update(wire.id, { agentId: 'agent-42' });
    expect(linked.agentId).toBe('agent-42');
    expect((await vogent().phoneNumbers.get(wire.id)).agentId).toBe('agent-42');
    const listed = await collect(vogent().phoneNumbers.list());
    expect(listed.find((number) => number.id === wire.id)!.agentId).toBe('agent-42');

    await vogent().phoneNumbers.update(wire.id, { agentId: null });
    expect((await vogent().phoneNumbers.get(wire.id)).agentId).toBeNull();
    expect(sandbox().requests.filter((request) => request.method === 'PUT').map((request) => request.status)).toEqual([200, 200]);
  });

  it('deletes a number for the rest of the sandbox life, until reset()', async () => {
    const wire = seed.phoneNumbers[3]!;
    await vogent().phoneNumbers.delete(wire.id);

    expect(await failureOf(vogent().phoneNumbers.get(wire.id))).toBeInstanceOf(NotFoundError);
    expect(await failureOf(vogent().phoneNumbers.delete(wire.id))).toBeInstanceOf(NotFoundError);
    expect(await collect(vogent().phoneNumbers.list())).toHaveLength(179);

    sandbox().reset();
    expect((await vogent().phoneNumbers.get(wire.id)).id).toBe(wire.id);
  });

  it('answers a PUT without an agentId with a 422 naming the field', async () => {
    const response = await fetch(`${sandbox().baseUrl('vogent')}/phone_numbers/${seed.phoneNumbers[0]!.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${sandbox().apiKeys.vogent}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'x' }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      message: 'Validation exception',
      errors: [{ field: 'agentId', message: 'agentId must be a string: an agent id to link, or "" to unlink.' }],
    });
  });

  it('lists every batch dial job, filters by status and agent, and gets one', async () => {
    const jobs = await collect(vogent().campaigns.list({ limit: 4 }));
    expect(jobs.map((job) => job.raw)).toEqual(seed.batchDialJobs);
    expect(new Set(jobs.map((job) => job.status.raw))).toEqual(new Set(['INIT', 'ACTIVE', 'PAUSED', 'COMPLETE', 'CANCELLED']));

    const paused = await collect(vogent().campaigns.list({ status: 'paused' }));
    expect(paused.map((job) => job.id)).toEqual(seed.batchDialJobs.filter((job) => job.status === 'PAUSED').map((job) => job.id));

    const agentId = seed.batchDialJobs[0]!.callAgentId;
    const ofAgent = await collect(vogent().campaigns.list({ agentId }));
    expect(ofAgent.map((job) => job.id)).toEqual(seed.batchDialJobs.filter((job) => job.callAgentId === agentId).map((job) => job.id));
    expect(sandbox().requests.at(-1)!.query).toEqual({ callAgentId: [agentId] });

    const job = await vogent().campaigns.get(seed.batchDialJobs[2]!.id);
    expect(job.raw).toEqual(seed.batchDialJobs[2]);
    expect(await failureOf(vogent().campaigns.get('no-such-job'))).toBeInstanceOf(NotFoundError);
  });

  it('refuses a wrong key with a 401 and a made-up cursor with a 400', async () => {
    const wrong = createClient({ ...sandbox().clientOptions('vogent'), apiKey: 'wrong-key' });
    const error = await failureOf(wrong.phoneNumbers.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ message: 'Unauthorized: invalid API key.' });

    const badCursor = await failureOf(vogent().phoneNumbers.list({ cursor: 'made-up' }));
    expect(badCursor).toBeInstanceOf(BadRequestError);
    expect((badCursor as BadRequestError).message).toContain('cursor: cursor must be a cursor from the previous response');
  });
});
