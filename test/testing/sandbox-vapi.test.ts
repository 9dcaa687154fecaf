import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, createClient, NotFoundError } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { collect, failureOf, useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed()).vapi;
const vapi = () => createClient(sandbox().clientOptions('vapi'));

describe('sandbox: vapi', () => {
  it('lists every seeded number through for await, newest first, in pages of 100', async () => {
    const numbers = await collect(vapi().phoneNumbers.list());
    expect(numbers).toHaveLength(320);
    expect(numbers.map((number) => number.raw)).toEqual([...seed.phoneNumbers].reverse());
    expect(sandbox().requestCount('vapi')).toBe(4);
    expect(numbers.filter((number) => number.type === 'sip')).toHaveLength(40);
    expect(numbers.filter((number) => number.type === 'sip').every((number) => number.e164 === null && number.number.startsWith('sip:'))).toBe(true);
    const bound = (field: string) => seed.phoneNumbers.filter((number) => typeof number[field] === 'string').length;
    expect([bound('assistantId'), bound('squadId'), bound('workflowId')]).toEqual([190, 40, 30]);
    expect(numbers.filter((number) => number.agentId === null)).toHaveLength(60);
    expect(new Set(numbers.map((number) => number.status.unified))).toEqual(new Set(['active', 'pending', 'inactive']));
    expect(numbers.some((number) => number.status.raw === null)).toBe(true);
  });

  it('lists campaigns in every status, with their counts', async () => {
    const campaigns = await collect(vapi().campaigns.list({ limit: 20 }));
    expect(campaigns).toHaveLength(seed.campaigns.length);
    expect(new Set(campaigns.map((campaign) => campaign.status.raw))).toEqual(new Set(['scheduled', 'in-progress', 'ended', 'cancelled', 'archived']));
    expect(new Set(campaigns.map((campaign) => campaign.status.unified))).toEqual(new Set(['scheduled', 'running', 'completed', 'canceled']));
    expect(campaigns.every((campaign) => typeof campaign.totalCalls === 'number')).toBe(true);
    expect(sandbox().requests.every((request) => request.query.includeCounters?.[0] === 'true')).toBe(true);
  });

  it('routes a number to another agent and unlinks it, and later reads see it', async () => {
    const wire = seed.phoneNumbers.find((number) => typeof number.squadId === 'string')!;
    const routed = await vapi().phoneNumbers.update(wire.id, { agentId: 'assistant-42' });
    // Vapi reads the assistant first: the squad stays on the number, the assistant answers.
    expect(routed.agentId).toBe('assistant-42');
    expect((await vapi().phoneNumbers.get(wire.id)).agentId).toBe('assistant-42');
    await vapi().phoneNumbers.update(wire.id, { agentId: null });
    const unlinked = await vapi().phoneNumbers.get(wire.id);
    expect(unlinked.agentId).toBeNull();
    expect(unlinked.raw).not.toHaveProperty('squadId');
  });

  it('creates a campaign that starts later, cancels it, and it reads back canceled', async () => {
    const from = seed.phoneNumbers.find((number) => typeof number.number === 'string')!;
    const created = await vapi().campaigns.create({
      name: 'Renewals',
      agentId: seed.assistantIds[0]!,
      fromNumberId: from.id,
      recipients: [{ number: '+14155550101' }, { number: '+14155550102', variables: { first: 'Ada' } }],
      scheduledAt: new Date(Date.now() + 3_600_000),
    });
    expect(created.status).toEqual({ unified: 'scheduled', raw: 'scheduled' });
    expect((await vapi().campaigns.get(created.id)).totalCalls).toBe(2);
    await vapi().campaigns.cancel(created.id);
    expect((await vapi().campaigns.get(created.id)).status).toEqual({ unified: 'canceled', raw: 'cancelled' });
    const listed = await collect(vapi().campaigns.list({ status: 'canceled' }));
    expect(listed.some((campaign) => campaign.id === created.id)).toBe(true);
    await expect(vapi().campaigns.cancel(created.id)).rejects.toBeInstanceOf(BadRequestError);
  });

  it('starts a campaign without scheduledAt at once', async () => {
    const from = seed.phoneNumbers.find((number) => typeof number.number === 'string')!;
    const created = await vapi().campaigns.create({ name: 'Now', agentId: 'a', fromNumberId: from.id, recipients: [{ number: '+14155550101' }] });
    expect(created.status).toEqual({ unified: 'running', raw: 'in-progress' });
  });

  it('deletes a number until reset(), answers 404 for an unknown id and 400 for a non-uuid one', async () => {
    const wire = seed.phoneNumbers[5]!;
    await vapi().phoneNumbers.delete(wire.id);
    const missing = await failureOf(vapi().phoneNumbers.get(wire.id));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toContain('Phone Number Not Found');
    const malformed = await failureOf(vapi().phoneNumbers.get('pn_1'));
    expect(malformed).toBeInstanceOf(BadRequestError);
    expect((malformed as Error).message).toContain('Validation failed (uuid is expected)');
    sandbox().reset();
    expect((await vapi().phoneNumbers.get(wire.id)).id).toBe(wire.id);
  });

  it('refuses a wrong key and an unknown body property as Vapi does', async () => {
    const wrong = createClient({ ...sandbox().clientOptions('vapi'), apiKey: 'wrong' });
    expect(await failureOf(wrong.phoneNumbers.get(seed.phoneNumbers[0]!.id))).toBeInstanceOf(AuthenticationError);
    const response = await fetch(`${sandbox().baseUrl('vapi')}/phone-number/${seed.phoneNumbers[0]!.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${sandbox().apiKeys.vapi}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'x' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: ['property label should not exist'], error: 'Bad Request', statusCode: 400 });
  });
});
