import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { createRedisCallSlots, LimiterUnavailableError } from '../../src/redis/index.js';
import { dialer, startDialerAccount, stillPending, type DialerAccount } from '../fleet/dialer.js';
import { RedisServer } from './redis-server.js';

// The client's callSlots option with the Redis call slots: several processes (each its own Redis
// connection and slots object) creating calls on one loopback account, against a real redis-server.

interface CallView {
  id: string;
}
interface DialerClient {
  calls: { create(input: unknown): Promise<CallView>; get(id: string): Promise<CallView> };
}

let server: RedisServer;
let account: DialerAccount;
const connections: Redis[] = [];
let keyNumber = 0;

beforeAll(async () => {
  server = await RedisServer.start();
});
afterAll(() => server.stop());
beforeEach(async () => {
  account = await startDialerAccount();
});
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.disconnect();
  await account.close();
});

function connect(url = server.url): Redis {
  const connection = new Redis(url);
  connection.on('error', () => {});
  connections.push(connection);
  return connection;
}

/** One worker process: its own Redis connection, slots and client. */
function worker(key: string, options: Record<string, unknown> = {}) {
  const callSlots = createRedisCallSlots({ redis: connect(), key, maxConcurrentCalls: 1, pollMs: 20, ...options });
  const client = createClient({ provider: dialer, apiKey: 'dialer-key', baseUrl: account.server.url, callSlots }) as unknown as DialerClient;
  return { callSlots, client };
}

const call = { to: '+14155550100' };

describe('callSlots: createRedisCallSlots shared by several processes', () => {
  it('holds a create in one process while another has the account’s call, until a webhook handler elsewhere releases it', async () => {
    const key = `test:client-calls:${process.pid}:${++keyNumber}`;
    const first = worker(key);
    const second = worker(key);
    const webhookHandler = createRedisCallSlots({ redis: connect(), key, maxConcurrentCalls: 1 });
    const placed = await first.client.calls.create(call);
    const waiting = second.client.calls.create(call);
    expect(await stillPending(waiting, 400)).toBe(true);
    expect(account.creates()).toBe(1);
    // The call ends; the platform's webhook reaches a handler in a third process.
    account.end(placed.id);
    await webhookHandler.release(placed.id);
    expect((await waiting).id).toBe('call_2');
    expect(account.mostInFlight).toBe(1);
    expect(await webhookHandler.inFlight()).toBe(1);
  });

  it('frees the place fleet-wide when calls.get in any process sees the call over', async () => {
    const key = `test:client-calls:${process.pid}:${++keyNumber}`;
    const first = worker(key);
    const second = worker(key);
    const placed = await first.client.calls.create(call);
    account.end(placed.id);
    const waiting = second.client.calls.create(call);
    expect(await stillPending(waiting, 300)).toBe(true);
    await second.client.calls.get(placed.id);
    expect((await waiting).id).toBe('call_2');
  });

  it("'fail': no create is sent while Redis is away; 'local': creates go on, counted in this process", async () => {
    const gone = await RedisServer.start();
    const url = gone.url;
    await gone.kill();
    const failing = createRedisCallSlots({ redis: connect(url), key: 'away', maxConcurrentCalls: 1, onLimiterError: 'fail', commandTimeoutMs: 100 });
    const strict = createClient({ provider: dialer, apiKey: 'dialer-key', baseUrl: account.server.url, callSlots: failing }) as unknown as DialerClient;
    const startedAt = performance.now();
    await expect(strict.calls.create(call)).rejects.toThrow(LimiterUnavailableError);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(account.creates()).toBe(0);

    const warnings: string[] = [];
    const falling = createRedisCallSlots({
      redis: connect(url),
      key: 'away',
      maxConcurrentCalls: 1,
      commandTimeoutMs: 100,
      pollMs: 20,
      logger: { warn: (line) => warnings.push(line) },
    });
    const lenient = createClient({ provider: dialer, apiKey: 'dialer-key', baseUrl: account.server.url, callSlots: falling }) as unknown as DialerClient;
    const placed = await lenient.calls.create(call);
    const held = lenient.calls.create(call);
    expect(await stillPending(held, 400)).toBe(true);
    await falling.release(placed.id);
    await held;
    expect(account.creates()).toBe(2);
    expect(warnings).toEqual([
      '[voiceplane] call slots "away": Redis did not answer within 100 ms; counting this process\'s calls alone until Redis answers again.',
    ]);
  });
});
