import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, createClient, NotFoundError } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { collect, failureOf, useSandbox } from './use-sandbox.js';

const sandbox = useSandbox();
const seed = (await sandboxSeed()).bland;
const bland = () => createClient(sandbox().clientOptions('bland'));

describe('sandbox: bland', () => {
  it('lists every seeded inbound and outbound number once through for await, one request per list with the raw key', async () => {
    const numbers = await collect(bland().phoneNumbers.list());
    const inboundIds = new Set(seed.numbers.map((number) => number.phone_number));
    const outboundOnly = seed.outboundNumbers.filter((number) => !inboundIds.has(number.phone_number));
    expect(outboundOnly.length).toBeGreaterThan(0);
    expect(seed.outboundNumbers.length - outboundOnly.length).toBeGreaterThan(0);
    expect(numbers).toHaveLength(seed.numbers.length + outboundOnly.length);
    expect(new Set(numbers.map((number) => number.id)).size).toBe(numbers.length);
    expect(numbers.map((number) => number.raw)).toEqual([...seed.numbers, ...outboundOnly]);
    expect(numbers.every((number) => number.e164 === number.id && number.status.unified === 'active')).toBe(true);
    expect(numbers.filter((number) => number.inbound === true && number.outbound === true)).toHaveLength(seed.outboundNumbers.length - outboundOnly.length);
    const routed = numbers.filter((number) => number.agentId !== null);
    expect(routed.length).toBeGreaterThan(100);
    const onPersona = numbers.filter((number) => typeof number.raw.persona_id === 'string');
    expect(onPersona.length).toBeGreaterThan(0);
    expect(onPersona.every((number) => seed.personaIds.includes(number.agentId!) && number.agentId === number.raw.persona_id)).toBe(true);
    expect(numbers.filter((number) => number.raw.pathway_id === null).length).toBeGreaterThan(30);
    expect(numbers.filter((number) => !('pathway_id' in number.raw)).length).toBeGreaterThan(30);
    expect(sandbox().requests.map((request) => [request.method, request.path, request.status])).toEqual([
      ['GET', '/v1/inbound', 200],
      ['GET', '/v1/outbound', 200],
    ]);
  });

  it('gets a number on the outbound list only as the list shows it; an update of it says why nothing changed', async () => {
    const inboundIds = new Set(seed.numbers.map((number) => number.phone_number));
    const wire = seed.outboundNumbers.find((number) => !inboundIds.has(number.phone_number))!;
    const listed = (await collect(bland().phoneNumbers.list())).find((number) => number.id === wire.phone_number);
    expect(await bland().phoneNumbers.get(wire.phone_number)).toEqual(listed);
    const error = await failureOf(bland().phoneNumbers.update(wire.phone_number, { agentId: 'pw_new_pathway' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('is one of the account\'s outbound numbers only');
    expect((await bland().phoneNumbers.get(wire.phone_number)).agentId).toBeNull();
  });

  it('gets a number by its E.164 id and routes it to a pathway; the change stays', async () => {
    const wire = seed.numbers.find((number) => !('pathway_id' in number) && !('persona_id' in number))!;
    expect((await bland().phoneNumbers.get(wire.phone_number)).agentId).toBeNull();

    const routed = await bland().phoneNumbers.update(wire.phone_number, { agentId: 'pw_new_pathway' });
    expect(routed).toMatchObject({ id: wire.phone_number, agentId: 'pw_new_pathway' });
    // Documented: a pathway replaces the prompt.
    expect(routed.raw.prompt).toBeNull();
    expect((await bland().phoneNumbers.get(wire.phone_number)).agentId).toBe('pw_new_pathway');
    const listed = await collect(bland().phoneNumbers.list());
    expect(listed.find((number) => number.id === wire.phone_number)!.agentId).toBe('pw_new_pathway');

    expect((await bland().phoneNumbers.update(wire.phone_number, { agentId: null })).agentId).toBeNull();
    expect((await bland().phoneNumbers.get(wire.phone_number)).agentId).toBeNull();
  });

  it('answers an unknown number with a 404 in the v1 envelope, and a wrong key with a 401', async () => {
    const error = await failureOf(bland().phoneNumbers.get('+19995550000'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).body).toEqual({ status: 'error', message: 'Inbound number +19995550000 not found on this account.' });
    expect(await failureOf(bland().phoneNumbers.update('+19995550000', { agentId: 'pw' }))).toBeInstanceOf(NotFoundError);

    const wrong = createClient({ ...sandbox().clientOptions('bland'), apiKey: 'nope' });
    expect(await failureOf(wrong.phoneNumbers.list())).toBeInstanceOf(AuthenticationError);
    const response = await fetch(`${sandbox().baseUrl('bland')}/v1/inbound`, {
      headers: { authorization: `Bearer ${sandbox().apiKeys.bland}` },
    });
    expect(response.status).toBe(401);
  });

  it('lists every batch by take/skip pages', async () => {
    const campaigns = await collect(bland().campaigns.list({ limit: 10 }));
    expect(campaigns.map((campaign) => campaign.raw)).toEqual(seed.batches);
    expect(sandbox().requests.map((request) => request.query)).toEqual([
      { take: ['10'], skip: ['0'] },
      { take: ['10'], skip: ['10'] },
      { take: ['10'], skip: ['20'] },
      { take: ['10'], skip: ['30'] },
    ]);
    expect(campaigns.filter((campaign) => campaign.agentId !== null).length).toBeGreaterThan(20);
    expect(campaigns.filter((campaign) => campaign.scheduledAt !== null).length).toBeGreaterThan(5);
    expect(campaigns.every((campaign) => campaign.status.unified === 'unknown' && campaign.fromNumber !== null)).toBe(true);
  });

  it('creates a batch that reads back and lists first, and stops it', async () => {
    const from = seed.numbers[0]!.phone_number;
    // Tomorrow, on the second: campaigns.create refuses a start more than a minute past or a year ahead.
    const startAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 86_400_000);
    const created = await bland().campaigns.create({
      name: 'Sandbox launch',
      agentId: seed.pathwayIds[0]!,
      fromNumberId: from,
      recipients: [{ number: '+14155550101', variables: { first: 'Ada' } }, { number: '+14155550102' }],
      scheduledAt: startAt,
    });
    expect(created).toMatchObject({
      name: 'Sandbox launch',
      agentId: seed.pathwayIds[0],
      fromNumber: from,
      scheduledAt: startAt,
    });
    expect((await bland().campaigns.get(created.id)).raw).toEqual(created.raw);
    expect((await bland().campaigns.list({ limit: 1 })).items[0]!.id).toBe(created.id);

    await bland().campaigns.cancel(created.id);
    expect(sandbox().requests.at(-1)).toMatchObject({ method: 'POST', path: `/v2/batches/${created.id}/stop`, status: 200 });
    const again = await failureOf(bland().campaigns.cancel(created.id));
    expect(again).toBeInstanceOf(BadRequestError);
    expect((again as Error).message).toContain('BATCH_ALREADY_STOPPED');
  });

  it('answers an unknown batch with a 404 in the v2 envelope', async () => {
    const error = await failureOf(bland().campaigns.get('00000000-0000-4000-8000-0000000000ff'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).body).toEqual({
      data: null,
      errors: [{ error: 'BATCH_NOT_FOUND', message: 'Batch 00000000-0000-4000-8000-0000000000ff not found.' }],
    });
    expect(await failureOf(bland().campaigns.cancel('missing'))).toBeInstanceOf(NotFoundError);
  });
});
