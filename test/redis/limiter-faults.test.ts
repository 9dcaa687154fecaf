import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisLimiter, LimiterUnavailableError, VoiceplaneError } from '../../src/redis/index.js';
import { RedisServer } from './redis-server.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(): Promise<RedisServer> {
  const server = await RedisServer.start();
  cleanups.push(() => server.stop());
  return server;
}

function connect(url: string): Redis {
  const client = new Redis(url);
  // A client whose server is gone reports each failed reconnection; the test expects them.
  client.on('error', () => {});
  cleanups.push(() => client.disconnect());
  return client;
}

function recordingLogger() {
  const lines: Array<{ level: string; message: string }> = [];
  return {
    lines,
    logger: {
      warn: (message: string) => lines.push({ level: 'warn', message }),
      info: (message: string) => lines.push({ level: 'info', message }),
    },
  };
}

describe('createRedisLimiter when Redis is away', () => {
  it("'fail': refuses the request with LimiterUnavailableError within commandTimeoutMs when Redis is unreachable", async () => {
    const server = await startServer();
    const redis = connect(server.url);
    await server.kill();
    const limiter = createRedisLimiter({ redis, key: 'faults:fail', requestsPerSecond: 10, onLimiterError: 'fail', commandTimeoutMs: 150 });
    const askedAt = performance.now();
    const failure = await limiter.acquire().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(performance.now() - askedAt).toBeLessThan(1000);
    expect(failure).toBeInstanceOf(LimiterUnavailableError);
    expect(failure).toBeInstanceOf(VoiceplaneError);
    expect((failure as LimiterUnavailableError).key).toBe('faults:fail');
    expect((failure as Error).message).toBe(
      'The fleet limiter (key "faults:fail") could not take a turn: Redis did not answer within 150 ms; the request was not sent. ' +
        "Check that Redis is running and reachable, or create the limiter with onLimiterError: 'local' to pace in this process while Redis is away.",
    );
  });

  it("'fail': a Redis that stops answering (frozen) never holds a request longer than commandTimeoutMs", async () => {
    const server = await startServer();
    const redis = connect(server.url);
    const limiter = createRedisLimiter({ redis, key: 'faults:frozen', maxConcurrentRequests: 2, onLimiterError: 'fail', commandTimeoutMs: 200 });
    (await limiter.acquire())();
    server.freeze();
    cleanups.push(() => server.thaw());
    const askedAt = performance.now();
    const outcomes = await Promise.allSettled([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(performance.now() - askedAt).toBeLessThan(1000);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(LimiterUnavailableError);
  });

  it('does not take a busy event loop for a slow Redis: an answer that came in while the process was blocked wins', async () => {
    const server = await startServer();
    const limiter = createRedisLimiter({ redis: connect(server.url), key: 'faults:busy', maxConcurrentRequests: 5, onLimiterError: 'fail', commandTimeoutMs: 50 });
    (await limiter.acquire())(); // the script is cached on the server from now on
    const turn = limiter.acquire();
    const blockedUntil = performance.now() + 200;
    while (performance.now() < blockedUntil) {
      // a synchronous stretch of work, four times the command timeout
    }
    await expect(turn).resolves.toBeTypeOf('function');
  });

  it("'local' (the default): paces in this process at the local limits, and warns once", async () => {
    const server = await startServer();
    const redis = connect(server.url);
    await server.kill();
    const { lines, logger } = recordingLogger();
    const limiter = createRedisLimiter({
      redis,
      key: 'faults:local',
      requestsPerSecond: 100,
      local: { requestsPerSecond: 20 },
      commandTimeoutMs: 100,
      logger,
    });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const release = await limiter.acquire();
        starts.push(performance.now());
        release();
      }),
    );
    expect(limiter.pacingLocally).toBe(true);
    expect(limiter.currentRate).toBe(20);
    // 10 starts at the local 20 a second: one every 50 ms.
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(9 * 50 - 20);
    expect(lines).toEqual([
      {
        level: 'warn',
        message:
          '[voiceplane] fleet limiter "faults:local": Redis did not answer within 100 ms; pacing in this process alone ' +
          '(20 requests a second) until Redis answers again, tried every 5000 ms.',
      },
    ]);
  });

  it("'local': a Redis restart mid-run loses no request, and the fleet's limits are shared again once it is back", async () => {
    const server = await startServer();
    const redis = connect(server.url);
    const observer = connect(server.url);
    const { lines, logger } = recordingLogger();
    const limiter = createRedisLimiter({
      redis,
      key: 'faults:restart',
      requestsPerSecond: 40,
      maxConcurrentRequests: 3,
      commandTimeoutMs: 100,
      retryRedisAfterMs: 200,
      logger,
    });
    let completed = 0;
    let inFlight = 0;
    let most = 0;
    const work = Array.from({ length: 80 }, async () => {
      const release = await limiter.acquire();
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight--;
      release();
      completed++;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.restart();
    await Promise.all(work);
    expect(completed).toBe(80);
    expect(most).toBeLessThanOrEqual(3);
    await expect.poll(async () => {
      (await limiter.acquire())();
      return limiter.pacingLocally;
    }, { timeout: 5000 }).toBe(false);
    // Back on Redis: a held place is a lease in the restarted server again.
    const release = await limiter.acquire();
    expect(await observer.zcard('{faults:restart}:leases')).toBe(1);
    release();
    expect(lines.map((line) => line.level)).toEqual(['warn', 'info']);
    expect(lines[1]!.message).toBe(`[voiceplane] fleet limiter "faults:restart": Redis answers again; the fleet's limits are shared again.`);
  });
});
