// The fleet section of `npm run bench`: 8 worker processes share one account (20 requests a second,
// 5 in flight, 429 with Retry-After past that), once with the Redis limiter and once with each
// process paced alone at the account's limits; and what the limiter costs per request against a
// local Redis. Uses a redis-server of its own on a loopback port (test/redis/redis-server.ts).
import { Redis } from 'ioredis';
import { Pacer } from '../src/core/transport/pacer.js';
import type { Limiter } from '../src/core/transport/limiter.js';
import { createLocalCallSlots, createRedisCallSlots, createRedisLimiter, type CallSlots } from '../src/redis/index.js';
import { runFleet, type FleetOutcome, type FleetRun } from '../test/fleet/run-fleet.js';
import { RedisServer } from '../test/redis/redis-server.js';
import { formatNumber, markdownTable, median } from './stats.js';

/** The fleet section's figures. */
export interface FleetReport {
  run: Omit<FleetRun, 'redisUrl'>;
  shared: FleetOutcome;
  alone: FleetOutcome;
  /** One acquire and its release, one after another, in µs: the Redis limiter and the in-process pacer. */
  turnMicroseconds: { redis: { median: number; p95: number }; pacer: { median: number; p95: number }; turns: number };
  /** The call slots' work for one create whose call is then seen over (acquire, assign, release), in µs. */
  createMicroseconds?: { redis: { median: number; p95: number }; local: { median: number; p95: number }; creates: number };
}

const fleetRun: Omit<FleetRun, 'redisUrl'> = {
  workers: 8,
  requestsPerWorker: 25,
  parallel: 5,
  limits: { requestsPerSecond: 20, maxInFlight: 5, answerMs: 40, retryAfterSeconds: 1 },
};

/** Runs both fleets and the cost measurement. */
export async function measureFleet(log: (line: string) => void): Promise<FleetReport> {
  const server = await RedisServer.start();
  try {
    log(`fleet: ${fleetRun.workers} workers with the Redis limiter`);
    const shared = await runFleet({ ...fleetRun, redisUrl: server.url });
    log(`fleet: ${fleetRun.workers} workers, each paced alone`);
    const alone = await runFleet(fleetRun);
    log('fleet: the cost of a turn');
    const redis = new Redis(server.url);
    try {
      const turns = 5_000;
      const limits = { requestsPerSecond: 1e9, maxConcurrentRequests: 1_000 };
      const redisTimes = await timeTurns(createRedisLimiter({ redis, key: 'bench:turns', ...limits }), turns);
      const pacerTimes = await timeTurns(new Pacer(limits), turns);
      log('fleet: the cost of the call slots per create');
      const slotOptions = { maxConcurrentCalls: 1_000 };
      const redisCreates = await timeCreates(createRedisCallSlots({ redis, key: 'bench:calls', ...slotOptions }), turns);
      const localCreates = await timeCreates(createLocalCallSlots(slotOptions), turns);
      return {
        run: fleetRun,
        shared,
        alone,
        turnMicroseconds: { redis: summary(redisTimes), pacer: summary(pacerTimes), turns },
        createMicroseconds: { redis: summary(redisCreates), local: summary(localCreates), creates: turns },
      };
    } finally {
      redis.disconnect();
    }
  } finally {
    await server.stop();
  }
}

/** Times `turns` acquire-and-release pairs, one after another, after a tenth as many to warm up. */
async function timeTurns(limiter: Limiter, turns: number): Promise<number[]> {
  const times: number[] = [];
  for (let turn = -turns / 10; turn < turns; turn++) {
    const startedAt = performance.now();
    const release = await limiter.acquire();
    release();
    if (turn >= 0) times.push((performance.now() - startedAt) * 1000);
  }
  return times;
}

/**
 * Times what the call slots add to `creates` creates, one after another: the place held before the
 * POST, given to the call's id after it, and freed when the call is seen over.
 */
async function timeCreates(slots: CallSlots, creates: number): Promise<number[]> {
  const times: number[] = [];
  for (let create = -creates / 10; create < creates; create++) {
    const startedAt = performance.now();
    const slot = await slots.acquire();
    await slot.assign(`call_${create}`);
    await slots.release(`call_${create}`);
    if (create >= 0) times.push((performance.now() - startedAt) * 1000);
  }
  return times;
}

function summary(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(sorted), p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

/** The fleet section's lines of the printed report. */
export function fleetLines(report: FleetReport): string[] {
  const { run, shared, alone, turnMicroseconds, createMicroseconds } = report;
  const { limits } = run;
  const row = (name: string, outcome: FleetOutcome) => [
    name,
    formatNumber(outcome.server.requests),
    formatNumber(outcome.server.rateLimited),
    formatNumber(outcome.server.mostInAnySecond),
    formatNumber(outcome.server.mostInFlight),
    `${formatNumber(outcome.succeeded)} / ${formatNumber(outcome.failed)}`,
    `${formatNumber(outcome.seconds, 1)} s`,
  ];
  const turn = (figures: { median: number; p95: number }) => `${formatNumber(figures.median)} µs (p95 ${formatNumber(figures.p95)} µs)`;
  return [
    `Fleet: ${run.workers} processes list numbers ${run.requestsPerWorker} times each (${run.parallel} at once) against one account that allows ` +
      `${limits.requestsPerSecond} requests a second and ${limits.maxInFlight} in flight (429 with Retry-After: ${limits.retryAfterSeconds} past that, ` +
      `${limits.answerMs} ms an answer); the server's view`,
    '',
    markdownTable(
      ['run', 'requests sent', '429s', 'most in any second', 'most in flight', 'done / failed', 'time for the work'],
      [row('Redis limiter, shared', shared), row('each process paced alone at the account limits', alone)],
    ),
    '',
    `One turn (acquire, then release), ${formatNumber(turnMicroseconds.turns)} in a row against a local Redis: the Redis limiter ` +
      `${turn(turnMicroseconds.redis)}; the in-process pacer ${turn(turnMicroseconds.pacer)}.`,
    '',
    ...(createMicroseconds
      ? [
          `The call slots per create (acquire, assign, release), ${formatNumber(createMicroseconds.creates)} in a row: Redis slots ` +
            `${turn(createMicroseconds.redis)}; in-process slots (maxConcurrentCalls) ${turn(createMicroseconds.local)}.`,
          '',
        ]
      : []),
  ];
}
