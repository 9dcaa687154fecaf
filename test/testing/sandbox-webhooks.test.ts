import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidRequestError } from '../../src/core/errors.js';
import { createClient } from '../../src/index.js';
import { sandboxSeed, startSandbox, type Sandbox } from '../../src/testing/index.js';
import { docsReceiver as receiverOf, sandboxWebhookSecrets as secrets, until } from '../helpers/sandbox-webhook-receiver.js';

// startSandbox({ webhookUrl }) posts each platform's own signed webhooks for the calls placed through
// it; the receiver is the Node handler of docs/webhooks.md (docs/examples/webhooks-node.ts) itself.
// Only `Date` is faked: the doubles move a placed call on by the clock, the sandbox follows it on
// real timers.

const seeds = await sandboxSeed();
const start = Date.parse('2026-01-01T10:00:00.000Z');
const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** The docs' Node handler on loopback, with `secrets` in the environment its example reads. */
const docsReceiver = (given: typeof secrets) => receiverOf(given, closers);

async function sandboxPosting(options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> {
  const sandbox = await startSandbox(options);
  closers.push(() => sandbox.close());
  return sandbox;
}

function placeCalls(sandbox: Sandbox) {
  const from = {
    vapi: seeds.vapi.phoneNumbers.find((number) => typeof number.number === 'string')!.id,
    elevenlabs: seeds.elevenlabs.phoneNumbers.find((number) => number.supports_outbound)!.phone_number_id,
  };
  const clients = {
    vapi: createClient(sandbox.clientOptions('vapi')),
    retell: createClient(sandbox.clientOptions('retell')),
    elevenlabs: createClient(sandbox.clientOptions('elevenlabs')),
    bland: createClient(sandbox.clientOptions('bland')),
  };
  const to = '+14155550123';
  return {
    clients,
    placed: Promise.all([
      clients.vapi.calls.create({ agentId: seeds.vapi.assistantIds[0]!, fromNumberId: from.vapi, to }),
      clients.retell.calls.create({ agentId: seeds.retell.agentIds[0]!, fromNumberId: seeds.retell.phoneNumbers[0]!.phone_number, to }),
      clients.elevenlabs.calls.create({ agentId: seeds.elevenlabs.agents[0]!.agent_id, fromNumberId: from.elevenlabs, to }),
      clients.bland.calls.create({ agentId: seeds.bland.pathwayIds[0]!, fromNumberId: seeds.bland.numbers[0]!.phone_number, to }),
    ]),
  };
}

describe('sandbox webhooks', () => {
  it("posts each platform's signed call events for calls placed through the clients, and the docs' handler reads them as calls.get maps the call", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    const receiver = await docsReceiver(secrets);
    const sandbox = await sandboxPosting({ webhookUrl: `${receiver.url}/webhooks/{provider}`, webhookSecrets: secrets });
    const { clients, placed } = placeCalls(sandbox);
    const [vapi, retell, elevenlabs, bland] = await placed;
    const sentByClients = sandbox.requestCount();
    const typesOf = (id: string) => receiver.events.filter((event) => event.call.id === id).map((event) => event.type);

    vi.setSystemTime(start + 3000);
    await until(() => typesOf(vapi.id).length === 1 && typesOf(retell.id).length === 1, 'the call.started events');
    expect(receiver.events.map((event) => [event.provider, event.type, event.call.status.unified])).toEqual(
      expect.arrayContaining([
        ['vapi', 'call.started', 'in_progress'],
        ['retell', 'call.started', 'in_progress'],
      ]),
    );
    expect(receiver.events).toHaveLength(2);

    vi.setSystemTime(start + 6000);
    await until(() => receiver.events.length === 8, 'the events of the ended calls');
    // Following the calls reads the doubles without a trace among the requests the clients sent.
    expect(sandbox.requestCount()).toBe(sentByClients);
    expect(typesOf(vapi.id)).toEqual(['call.started', 'call.ended', 'call.analyzed']);
    expect(typesOf(retell.id)).toEqual(['call.started', 'call.ended', 'call.analyzed']);
    expect(typesOf(elevenlabs.id)).toEqual(['call.analyzed']);
    expect(typesOf(bland.id)).toEqual(['call.ended']);

    // The last event's call is the call as calls.get maps it once it has ended.
    const last = (id: string) => receiver.events.filter((event) => event.call.id === id).at(-1)!.call;
    expect(last(vapi.id)).toEqual(await clients.vapi.calls.get(vapi.id));
    expect(last(retell.id)).toEqual(await clients.retell.calls.get(retell.id));
    expect(last(elevenlabs.id)).toEqual(await clients.elevenlabs.calls.get(elevenlabs.id));
    expect(last(bland.id)).toEqual(await clients.bland.calls.get(bland.id));
    expect(last(vapi.id).transcript?.length).toBeGreaterThan(0);
    expect(last(retell.id).status.unified).toBe('completed');

    const checks = Object.fromEntries(receiver.events.map((event) => [event.provider, [event.verified, event.verification]]));
    expect(checks).toEqual({ vapi: [true, 'token'], retell: [true, 'signature'], elevenlabs: [true, 'signature'], bland: [true, 'signature'] });
    expect(sandbox.webhookSecrets).toEqual(secrets);
    expect(sandbox.webhookDeliveries.map((delivery) => [delivery.provider, delivery.platformType, delivery.status])).toEqual(
      expect.arrayContaining([
        ['vapi', 'status-update', 200],
        ['vapi', 'end-of-call-report', 200],
        ['retell', 'call_started', 200],
        ['retell', 'call_ended', 200],
        ['retell', 'call_analyzed', 200],
        ['elevenlabs', 'post_call_transcription', 200],
        ['bland', 'call', 200],
      ]),
    );
    expect(sandbox.webhookDeliveries.every((delivery) => delivery.url === `${receiver.url}/webhooks/${delivery.provider}`)).toBe(true);
  });

  it('signs with a generated secret per platform when none is given: a handler with other secrets answers 401', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    const receiver = await docsReceiver(secrets);
    const sandbox = await sandboxPosting({ webhookUrl: `${receiver.url}/webhooks/{provider}` });
    const generated = sandbox.webhookSecrets!;
    expect(Object.keys(generated).sort()).toEqual(['bland', 'elevenlabs', 'retell', 'vapi']);
    expect(new Set(Object.values(generated)).size).toBe(4);
    expect(Object.values(generated).every((secret) => /^whsec_sandbox_[a-z]+_[0-9a-f]{24}$/.test(secret))).toBe(true);
    const created = await createClient(sandbox.clientOptions('bland')).calls.create({
      agentId: seeds.bland.pathwayIds[0]!,
      fromNumberId: seeds.bland.numbers[0]!.phone_number,
      to: '+14155550123',
    });
    vi.setSystemTime(start + 6000);
    await until(() => sandbox.webhookDeliveries.length === 1, 'the Bland delivery');
    expect(sandbox.webhookDeliveries).toEqual([
      { provider: 'bland', callId: created.id, platformType: 'call', url: `${receiver.url}/webhooks/bland`, status: 401, error: null },
    ]);
    expect(receiver.events).toEqual([]);
  });

  it('stops following calls when it closes: nothing is posted afterwards', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    const receiver = await docsReceiver(secrets);
    const sandbox = await startSandbox({ webhookUrl: `${receiver.url}/webhooks/{provider}`, webhookSecrets: secrets });
    const { placed } = placeCalls(sandbox);
    await placed;
    await sandbox.close();
    vi.setSystemTime(start + 6000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.events).toEqual([]);
    expect(sandbox.webhookDeliveries).toEqual([]);
  });

  it('refuses a webhook URL that is not http(s), secrets of a platform it does not sign for, and secrets without a URL', async () => {
    await expect(startSandbox({ webhookUrl: 'ftp://127.0.0.1/hooks' })).rejects.toThrow(InvalidRequestError);
    await expect(startSandbox({ webhookUrl: 'not a url' })).rejects.toThrow(/webhookUrl must be an http or https URL/);
    await expect(startSandbox({ webhookUrl: 'http://127.0.0.1:9/hooks', webhookSecrets: { vox: 'x' } as never })).rejects.toThrow(
      /webhookSecrets has no platform vox; use vapi, retell, elevenlabs, bland/,
    );
    await expect(startSandbox({ webhookUrl: 'http://127.0.0.1:9/hooks', webhookSecrets: { vapi: 'has space' } })).rejects.toThrow(/webhookSecrets.vapi must be/);
    await expect(startSandbox({ webhookSecrets: { vapi: 'secret' } })).rejects.toThrow(/webhookSecrets needs a webhookUrl/);
  });
});
