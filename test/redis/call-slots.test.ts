import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/core/errors.js';
import { createLocalCallSlots, createRedisCallSlots, LimiterUnavailableError, type CallSlots } from '../../src/redis/index.js';
import { RedisServer } from './redis-server.js';

let server: RedisServer;
const clients: Redis[] = [];
let keyNumber = 0;

beforeAll(async () => {
  server = await RedisServer.start();
});
afterAll(async () => {
  await server.stop();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

function connect(): Redis {
  const client = new Redis(server.url);
  client.on('error', () => {});
  clients.push(client);
  return client;
}

/** Two views of one account's places: two processes over Redis, or one process's own counter twice. */
const kinds: Array<[string, (options: { maxConcurrentCalls: number; callTtlMs?: number; pollMs?: number }) => [CallSlots, CallSlots]]> = [
  [
    'Redis, two processes',
    (options) => {
      const key = `test:calls:${process.pid}:${++keyNumber}`;
      return [createRedisCallSlots({ redis: connect(), key, ...options }), createRedisCallSlots({ redis: connect(), key, ...options })];
    },
  ],
  [
    'in-process',
    (options) => {
      const slots = createLocalCallSlots(options);
      return [slots, slots];
    },
  ],
];

describe.each(kinds)('call slots (%s)', (_kind, make) => {
  it('holds a call from before create until its end is seen, wherever the end is seen', async () => {
    const [worker, webhookHandler] = make({ maxConcurrentCalls: 2, pollMs: 10 });
    const first = await worker.acquire();
    await first.assign('call_1');
    const second = await worker.acquire();
    await second.assign('call_2');
    expect(await webhookHandler.inFlight()).toBe(2);
    let thirdHeld = false;
    const third = worker.acquire().then((slot) => {
      thirdHeld = true;
      return slot;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(thirdHeld).toBe(false);
    await webhookHandler.release('call_1');
    await third;
    expect(await webhookHandler.inFlight()).toBe(2);
    // The same end seen twice (a webhook and calls.get), or an id never counted, changes nothing.
    await webhookHandler.release('call_1');
    await webhookHandler.release('call_unknown');
    expect(await worker.inFlight()).toBe(2);
  });

  it('frees the place of a create that placed no call', async () => {
    const [slots] = make({ maxConcurrentCalls: 1 });
    const slot = await slots.acquire();
    expect(slot.key).toMatch(/^pending:/);
    await slot.cancel();
    expect(await slots.inFlight()).toBe(0);
  });

  it('frees a place after callTtlMs when no end is ever seen (a lost webhook, a process that died)', async () => {
    const [worker, other] = make({ maxConcurrentCalls: 1, callTtlMs: 200, pollMs: 10 });
    await (await worker.acquire()).assign('call_forgotten');
    const askedAt = performance.now();
    await other.acquire();
    expect(performance.now() - askedAt).toBeGreaterThanOrEqual(150);
  });

  it('rejects with the caller’s reason when the signal aborts while every place is taken', async () => {
    const [slots] = make({ maxConcurrentCalls: 1, pollMs: 10 });
    await slots.acquire();
    await expect(slots.acquire(AbortSignal.timeout(50))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(await slots.inFlight()).toBe(1);
  });
});

describe('call slots: options and faults', () => {
  it('refuses a missing or bad maxConcurrentCalls before counting anything', () => {
    expect(() => createLocalCallSlots({} as never)).toThrow(InvalidRequestError);
    expect(() => createLocalCallSlots({ maxConcurrentCalls: 0 })).toThrow(
      'createLocalCallSlots: maxConcurrentCalls must be a whole number of 1 or more (got 0).',
    );
    expect(() => createRedisCallSlots({ redis: connect(), key: '', maxConcurrentCalls: 1 })).toThrow(InvalidRequestError);
  });

  it("'fail': no call is created while Redis is away; 'local': this process's calls are counted alone", async () => {
    const gone = await RedisServer.start();
    const redis = new Redis(gone.url);
    redis.on('error', () => {});
    clients.push(redis);
    await gone.kill();
    const failing = createRedisCallSlots({ redis, key: 'calls:away', maxConcurrentCalls: 1, onLimiterError: 'fail', commandTimeoutMs: 100 });
    await expect(failing.acquire()).rejects.toThrow(LimiterUnavailableError);
    await expect(failing.acquire()).rejects.toThrow(
      'The call slots (key "calls:away") could not be counted: Redis did not answer within 100 ms; no call was created.',
    );
    const warnings: string[] = [];
    const local = createRedisCallSlots({
      redis,
      key: 'calls:away',
      maxConcurrentCalls: 1,
      commandTimeoutMs: 100,
      pollMs: 10,
      logger: { warn: (line) => warnings.push(line) },
    });
    const slot = await local.acquire();
    await expect(local.acquire(AbortSignal.timeout(300))).rejects.toMatchObject({ name: 'TimeoutError' });
    await slot.cancel();
    await local.acquire();
    expect(warnings).toHaveLength(1);
  });
});
