import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisServer } from '../redis/redis-server.js';
import { runFleet, type FleetRun } from './run-fleet.js';

// Eight worker processes share one account that allows 20 requests a second and 5 in flight, and
// answers 429 with Retry-After past that. Each lists numbers 15 times, 5 at once.
const fleet: Omit<FleetRun, 'redisUrl'> = {
  workers: 8,
  requestsPerWorker: 15,
  parallel: 5,
  limits: { requestsPerSecond: 20, maxInFlight: 5, answerMs: 40, retryAfterSeconds: 1 },
};
const requests = fleet.workers * fleet.requestsPerWorker;

let redis: RedisServer;
beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(async () => {
  await redis.stop();
});

describe('a fleet of 8 processes against one account', () => {
  it('with the shared Redis limiter: the server sees no more than its limits and (almost) no 429', async () => {
    const outcome = await runFleet({ ...fleet, redisUrl: redis.url });
    expect(outcome.failures).toEqual([]);
    expect(outcome.succeeded).toBe(requests);
    expect(outcome.server.mostInFlight).toBeLessThanOrEqual(5);
    // Arrivals spaced 50 ms apart by the limiter; loopback jitter may bring a 21st within one second.
    expect(outcome.server.mostInAnySecond).toBeLessThanOrEqual(21);
    expect(outcome.server.rateLimited).toBeLessThanOrEqual(2);
    expect(outcome.server.requests).toBe(requests + outcome.server.rateLimited);
  }, 120_000);

  it('without it (each process paced alone at the account limits): the server sees the excess', async () => {
    const outcome = await runFleet(fleet);
    expect(outcome.server.mostInFlight).toBeGreaterThan(5);
    expect(outcome.server.mostInAnySecond).toBeGreaterThan(20);
    expect(outcome.server.rateLimited).toBeGreaterThan(requests / 10);
  }, 120_000);
});
