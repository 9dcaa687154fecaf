import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConflictError, createClient, NotFoundError } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { collect, failureOf, useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed())['numbers-assignment'];
const numbers = () => createClient(sandbox().clientOptions('numbers-assignment'));

describe('sandbox: numbers-assignment', () => {
  it('lists every assignment to the end with page/limit and { data, pagination }', async () => {
    const first = await numbers().phoneNumbers.list({ limit: 30 });
    expect(first.totalCount).toBe(140);
    expect(first.nextCursor).toBe('2');

    const all = await collect(numbers().phoneNumbers.list({ limit: 30 }));
    expect(all.map((number) => number.raw)).toEqual(seed.numbers);
    expect(new Set(all.map((number) => number.number.slice(0, 3))).size).toBeGreaterThanOrEqual(6);
    expect(sandbox().requests.slice(1).map((request) => request.query.page)).toEqual([['1'], ['2'], ['3'], ['4'], ['5']]);
  });

  it('filters by status and lists the numbers of one agent', async () => {
    const inactive = await collect(numbers().phoneNumbers.list({ status: 'inactive' }));
    expect(inactive).toHaveLength(40);
    expect(inactive.every((number) => number.status.raw === 'inactive')).toBe(true);

    const agentId = seed.agentIds[0]!;
    const ofAgent = await collect(numbers().phoneNumbers.listByAgent(agentId));
    expect(ofAgent.map((number) => number.id)).toEqual(seed.numbers.filter((number) => number.agentId === agentId).map((number) => number.id));
    expect(sandbox().requests.at(-1)).toMatchObject({ path: `/agents/${agentId}/numbers`, query: {} });
    expect(await collect(numbers().phoneNumbers.listByAgent('agent_nobody'))).toEqual([]);
    // The endpoint takes no query: the status is applied to its one answer, which holds every number of the agent.
    const requestsBefore = sandbox().requests.length;
    const inactiveOfAgent = await collect(numbers().phoneNumbers.listByAgent(agentId, { status: 'inactive' }));
    expect(inactiveOfAgent.map((number) => number.id)).toEqual(
      seed.numbers.filter((number) => number.agentId === agentId && number.status === 'inactive').map((number) => number.id),
    );
    expect(inactiveOfAgent.length).toBeGreaterThan(0);
    expect(sandbox().requests.slice(requestsBefore).map((request) => request.query)).toEqual([{}]);
  });

  it('creates an assignment that later reads and lists see, and refuses the same number twice', async () => {
    const created = await numbers().phoneNumbers.create({ number: '+14155550123', agentId: 'agent_new', label: 'Launch line' });
    expect(created).toMatchObject({ number: '+14155550123', agentId: 'agent_new', label: 'Launch line', status: { unified: 'active', raw: 'active' } });
    expect(sandbox().requests.at(-1)).toMatchObject({ method: 'POST', path: '/numbers', status: 201 });

    expect((await numbers().phoneNumbers.get(created.id)).raw).toEqual(created.raw);
    expect(await collect(numbers().phoneNumbers.list({ limit: 100 }))).toHaveLength(141);
    expect((await collect(numbers().phoneNumbers.listByAgent('agent_new'))).map((number) => number.id)).toEqual([created.id]);

    const again = await failureOf(numbers().phoneNumbers.create({ number: '+14155550123', agentId: 'agent_other' }));
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).message).toContain('+14155550123 is already assigned');
  });

  it('updates label, agent and status, and the change stays', async () => {
    const wire = seed.numbers.find((number) => number.status === 'active')!;
    const updated = await numbers().phoneNumbers.update(wire.id, { label: 'Renamed', agentId: null, status: 'inactive' });
    expect(updated).toMatchObject({ id: wire.id, label: 'Renamed', agentId: null, status: { unified: 'inactive', raw: 'inactive' } });

    const read = await numbers().phoneNumbers.get(wire.id);
    expect(read).toMatchObject({ label: 'Renamed', agentId: null, status: { unified: 'inactive' } });
    expect(read.updatedAt!.getTime()).toBeGreaterThan(Date.parse(wire.updatedAt));
    expect(await collect(numbers().phoneNumbers.list({ status: 'inactive' }))).toHaveLength(41);
  });

  it('deletes an assignment with a 200 and no content, and later reads get a 404', async () => {
    const wire = seed.numbers[10]!;
    await numbers().phoneNumbers.delete(wire.id);
    expect(sandbox().requests.at(-1)).toMatchObject({ method: 'DELETE', status: 200 });

    const error = await failureOf(numbers().phoneNumbers.get(wire.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).body).toEqual({ error: `Phone number assignment ${wire.id} not found.` });
    expect(await failureOf(numbers().phoneNumbers.update(wire.id, { label: 'x' }))).toBeInstanceOf(NotFoundError);
    expect(await collect(numbers().phoneNumbers.list({ limit: 100 }))).toHaveLength(139);
  });

  it('answers a create without E.164 with a 400 and a wrong key with a 401', async () => {
    const response = await fetch(`${sandbox().baseUrl('numbers-assignment')}/numbers`, {
      method: 'POST',
      headers: { 'x-api-key': sandbox().apiKeys['numbers-assignment'], 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumber: '0212345678', agentId: 'agent_1' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'phoneNumber is required, in E.164 (e.g. +14155550123).' });

    const wrong = createClient({ ...sandbox().clientOptions('numbers-assignment'), apiKey: 'nope' });
    const error = await failureOf(wrong.phoneNumbers.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ error: 'Invalid API key.' });

    const withoutKey = await fetch(`${sandbox().baseUrl('numbers-assignment')}/numbers`, { headers: { 'x-api-key': ' ' } });
    expect(withoutKey.status).toBe(401);
    expect(await withoutKey.json()).toEqual({ error: 'Missing X-API-Key header.' });
  });
});
