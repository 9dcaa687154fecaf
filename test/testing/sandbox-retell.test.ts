import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, createClient, NotFoundError } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { collect, failureOf, useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed()).retell;
const retell = () => createClient(sandbox().clientOptions('retell'));

/** The leading agent of a weighted list, computed here independently of the adapter. */
function expectedAgent(list: { agent_id: string; weight: number }[] | null | undefined, deprecated: string | null | undefined): string | null {
  if (list === null || list === undefined) return deprecated ?? null;
  const top = Math.max(...list.map((entry) => entry.weight));
  return list.find((entry) => entry.weight === top)?.agent_id ?? null;
}

describe('sandbox: retell', () => {
  it('lists every seeded number, newest first, through pagination_key pages with a + in them', async () => {
    const numbers = [];
    for await (const number of retell().phoneNumbers.list({ limit: 40 })) numbers.push(number);
    expect(numbers).toHaveLength(260);
    expect(numbers.map((number) => number.raw)).toEqual([...seed.phoneNumbers].reverse());
    // 260 numbers at 40 a page: 7 pages, the last of 20 with has_more false.
    expect(sandbox().requestCount('retell')).toBe(7);
    expect(sandbox().requests.slice(1).every((request) => request.query.pagination_key?.[0]?.startsWith('+'))).toBe(true);
    expect(new Set(numbers.map((number) => number.status.unified))).toEqual(new Set(['active']));
    for (const number of numbers) {
      const wire = seed.phoneNumbers.find((item) => item.phone_number === number.id)!;
      expect(number.agentId).toBe(expectedAgent(wire.inbound_agents, wire.inbound_agent_id));
      expect(number.outboundAgentId).toBe(expectedAgent(wire.outbound_agents, undefined));
      expect(number.carrier).toBe(wire.phone_number_type);
    }
    expect(numbers.filter((number) => number.agentId === null)).toHaveLength(50);
    expect(numbers.filter((number) => ((number.raw.inbound_agents as unknown[] | undefined)?.length ?? 0) > 1)).toHaveLength(70);
  });

  it('lists ascending with the default page size of 50', async () => {
    const numbers = await collect(retell().phoneNumbers.list({ sortOrder: 'ascending' }));
    expect(numbers.map((number) => number.id)).toEqual(seed.phoneNumbers.map((number) => number.phone_number));
    expect(sandbox().requestCount('retell')).toBe(6);
  });

  it('routes a weighted number to one agent, and later reads see it', async () => {
    const wire = seed.phoneNumbers.find((number) => (number.inbound_agents?.length ?? 0) > 1)!;
    const routed = await retell().phoneNumbers.update(wire.phone_number, { agentId: 'agent_routed', label: 'Routed' });
    expect(routed.agentId).toBe('agent_routed');
    const read = await retell().phoneNumbers.get(wire.phone_number);
    expect(read.raw.inbound_agents).toEqual([{ agent_id: 'agent_routed', weight: 1 }]);
    expect(read.label).toBe('Routed');
    expect(read.outboundAgentId).toBe(expectedAgent(wire.outbound_agents, undefined));
    const listed = await collect(retell().phoneNumbers.list({ limit: 1000 }));
    expect(listed.find((number) => number.id === wire.phone_number)!.agentId).toBe('agent_routed');
  });

  it('unbinds a number that only had the deprecated field, and reads back no agent', async () => {
    const wire = seed.phoneNumbers.find((number) => number.inbound_agent_id)!;
    expect((await retell().phoneNumbers.get(wire.phone_number)).agentId).toBe(wire.inbound_agent_id);
    await retell().phoneNumbers.update(wire.phone_number, { agentId: null });
    expect((await retell().phoneNumbers.get(wire.phone_number)).agentId).toBeNull();
  });

  it('deletes a number: later reads answer the 422 that is a NotFoundError, until reset()', async () => {
    const wire = seed.phoneNumbers[10]!;
    await retell().phoneNumbers.delete(wire.phone_number);
    const error = await failureOf(retell().phoneNumbers.get(wire.phone_number));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 422, body: { status: 'error', message: 'Cannot find requested asset under given api key.' } });
    expect(await failureOf(retell().phoneNumbers.delete(wire.phone_number))).toBeInstanceOf(NotFoundError);
    expect(await failureOf(retell().phoneNumbers.update(wire.phone_number, { label: 'x' }))).toBeInstanceOf(NotFoundError);
    expect(await collect(retell().phoneNumbers.list({ limit: 1000 }))).toHaveLength(259);
    sandbox().reset();
    expect((await retell().phoneNumbers.get(wire.phone_number)).id).toBe(wire.phone_number);
  });

  it('creates a batch call from a seeded number, scheduled or sent now', async () => {
    const from = seed.phoneNumbers[0]!.phone_number;
    const scheduledAt = new Date(Date.now() + 86_400_000);
    const later = await retell().campaigns.create({
      name: 'Renewals',
      agentId: seed.agentIds[0]!,
      fromNumberId: from,
      recipients: [{ number: '+14155550102', variables: { plan: 'gold' } }, { number: '+14155550103' }],
      scheduledAt,
    });
    expect(later).toMatchObject({ name: 'Renewals', fromNumber: from, totalCalls: 2, scheduledAt, status: { unified: 'scheduled', raw: null } });
    const now = await retell().campaigns.create({ name: 'Now', agentId: seed.agentIds[1]!, fromNumberId: from, recipients: [{ number: '+14155550104' }] });
    expect(now.status.unified).toBe('pending');
    expect(now.id).not.toBe(later.id);
    expect(sandbox().requests.map((request) => [request.method, request.path, request.status])).toEqual([
      ['POST', '/create-batch-call', 201],
      ['POST', '/create-batch-call', 201],
    ]);
    const unknownFrom = await failureOf(
      retell().campaigns.create({ name: 'x', agentId: 'a', fromNumberId: '+19995550100', recipients: [{ number: '+14155550104' }] }),
    );
    expect(unknownFrom).toBeInstanceOf(NotFoundError);
  });

  it('refuses a wrong key with a 401 and a made-up pagination key with a 400', async () => {
    const wrong = createClient({ ...sandbox().clientOptions('retell'), apiKey: 'wrong-key' });
    const error = await failureOf(wrong.phoneNumbers.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ status: 'error', message: 'API key is missing or invalid.' });
    const badKey = await failureOf(retell().phoneNumbers.list({ cursor: 'made-up' }));
    expect(badKey).toBeInstanceOf(BadRequestError);
    expect((badKey as Error).message).toContain('Invalid pagination_key');
  });
});
