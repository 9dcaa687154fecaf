import { Redis } from 'ioredis';
import { createClient as createNodeRedisClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/core/errors.js';
import type { Release } from '../../src/core/transport/limiter.js';
import { createRedisLimiter, type RedisLimiterOptions } from '../../src/redis/index.js';
import { RedisServer } from './redis-server.js';

let server: RedisServer;
const clients: Array<{ disconnect(): unknown }> = [];
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

/** One process's own connection, as each worker of a fleet has. */
function connect(): Redis {
  const client = new Redis(server.url);
  clients.push(client);
  return client;
}

function freshKey(): string {
  return `test:limiter:${process.pid}:${++keyNumber}`;
}

/** Limiters over separate connections sharing one key: the processes of a fleet, in one test. */
function fleet(count: number, options: Omit<RedisLimiterOptions, 'redis' | 'key'>, key = freshKey()) {
  return Array.from({ length: count }, () => createRedisLimiter({ redis: connect(), key, ...options }));
}

/** The most starts that fall in any window of `windowMs`. */
function mostInAnyWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('createRedisLimiter: what the fleet shares', () => {
  it('spaces the starts of every process sharing the key at the fleet rate', async () => {
    const limiters = fleet(4, { requestsPerSecond: 20 });
    const starts: number[] = [];
    await Promise.all(
      limiters.flatMap((limiter) =>
        Array.from({ length: 8 }, async () => {
          const release = await limiter.acquire();
          starts.push(performance.now());
          release();
        }),
      ),
    );
    expect(starts).toHaveLength(32);
    // 32 starts at 20 a second, one every 50 ms on Redis's clock: 20 in any second (a 21st where the
    // timers' jitter of a few ms brings one in), and about 1.55 s in all.
    expect(mostInAnyWindow(starts, 1000)).toBeLessThanOrEqual(21);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(31 * 50 - 60);
  });

  it('holds the requests in flight across processes at maxConcurrentRequests', async () => {
    const limiters = fleet(3, { maxConcurrentRequests: 2 });
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      limiters.flatMap((limiter) =>
        Array.from({ length: 5 }, async () => {
          const release = await limiter.acquire();
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 30));
          inFlight--;
          release();
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it('keeps each place as a lease in Redis while the attempt runs, and removes it at release', async () => {
    const key = freshKey();
    const [limiter] = fleet(1, { maxConcurrentRequests: 5 }, key);
    const observer = connect();
    const first = await limiter!.acquire();
    const second = await limiter!.acquire();
    expect(await observer.zcard(`{${key}}:leases`)).toBe(2);
    first();
    second();
    second(); // a second call of one release changes nothing
    await expect.poll(() => observer.zcard(`{${key}}:leases`)).toBe(0);
  });

  it("pauses every process until a 429's wait is over, and halves the fleet's rate", async () => {
    const [seer, other] = fleet(2, { requestsPerSecond: 10 });
    (await seer!.acquire())();
    seer!.rateLimited(400);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const askedAt = performance.now();
    (await other!.acquire())();
    expect(performance.now() - askedAt).toBeGreaterThanOrEqual(360);
    expect(other!.currentRate).toBe(5);
  });

  it('wins back a tenth of the configured rate per answer that is not a 429', async () => {
    const [seer, other] = fleet(2, { requestsPerSecond: 10 });
    seer!.rateLimited(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    (await other!.acquire())();
    expect(other!.currentRate).toBe(5);
    other!.answered();
    await expect.poll(() => other!.currentRate).toBe(6);
    (await seer!.acquire())();
    expect(seer!.currentRate).toBe(6);
  });

  it('frees the places of a process that died once their lease expires', async () => {
    const key = freshKey();
    const crashed = createRedisLimiter({ redis: connect(), key, maxConcurrentRequests: 1, leaseMs: 300 });
    await crashed.acquire();
    // The process is gone: its connection closes, so its lease is never renewed nor released.
    clients[0]!.disconnect();
    const survivor = createRedisLimiter({ redis: connect(), key, maxConcurrentRequests: 1, leaseMs: 300 });
    const askedAt = performance.now();
    (await survivor.acquire())();
    const waited = performance.now() - askedAt;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(1500);
  });

  it('renews the lease of an attempt that runs longer than leaseMs', async () => {
    const [runner, other] = fleet(2, { maxConcurrentRequests: 1, leaseMs: 150 });
    const release = await runner!.acquire();
    let otherStarted = false;
    const otherTurn = other!.acquire().then((otherRelease) => {
      otherStarted = true;
      otherRelease();
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(otherStarted).toBe(false);
    release();
    await otherTurn;
    expect(otherStarted).toBe(true);
  });

  it('rejects with the caller’s reason when the signal aborts while waiting, and holds no place', async () => {
    const key = freshKey();
    const [holder, waiter] = fleet(2, { maxConcurrentRequests: 1 }, key);
    const release = await holder!.acquire();
    const controller = new AbortController();
    const waiting = waiter!.acquire(controller.signal);
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(waiting).rejects.toThrow('caller gave up');
    release();
    await expect.poll(() => connect().zcard(`{${key}}:leases`)).toBe(0);
    await expect(waiter!.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('shares one key between an ioredis and a node-redis client', async () => {
    const key = freshKey();
    const nodeRedis = createNodeRedisClient({ url: server.url });
    await nodeRedis.connect();
    clients.push({ disconnect: () => nodeRedis.destroy() });
    const limiters = [
      createRedisLimiter({ redis: nodeRedis, key, requestsPerSecond: 20, maxConcurrentRequests: 1 }),
      createRedisLimiter({ redis: connect(), key, requestsPerSecond: 20, maxConcurrentRequests: 1 }),
    ];
    let inFlight = 0;
    let most = 0;
    const starts: number[] = [];
    await Promise.all(
      limiters.flatMap((limiter) =>
        Array.from({ length: 5 }, async () => {
          const release: Release = await limiter.acquire();
          starts.push(performance.now());
          most = Math.max(most, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight--;
          release();
        }),
      ),
    );
    expect(most).toBe(1);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(9 * 50 - 30);
  });
});

describe('createRedisLimiter: options', () => {
  const redis = { eval: async () => 1, evalsha: async () => 1 };

  it.each([
    [{ redis, key: 'k' }, 'needs requestsPerSecond, maxConcurrentRequests or both'],
    [{ redis, key: '', requestsPerSecond: 1 }, 'key must be a non-empty string'],
    [{ redis, key: 'k', requestsPerSecond: 0 }, 'requestsPerSecond must be a positive number (got 0)'],
    [{ redis, key: 'k', maxConcurrentRequests: 1.5 }, 'maxConcurrentRequests must be a whole number of 1 or more (got 1.5)'],
    [{ redis, key: 'k', requestsPerSecond: 1, onLimiterError: 'retry' }, `onLimiterError must be 'fail' or 'local' (got "retry")`],
    [{ redis: { password: 'hunter2' }, key: 'k', requestsPerSecond: 1 }, 'got an object without eval and evalsha methods'],
  ])('refuses %j before asking Redis anything', (options, message) => {
    const create = () => createRedisLimiter(options as unknown as RedisLimiterOptions);
    expect(create).toThrow(InvalidRequestError);
    expect(create).toThrow(message);
  });

  it('never prints a client it refuses (its options may hold a password)', () => {
    expect(() => createRedisLimiter({ redis: { password: 'hunter2' }, key: 'k', requestsPerSecond: 1 } as never)).not.toThrow(/hunter2/);
  });
});
