// One worker of a fleet, as its own process: lists numbers through the SDK, `requests` times with
// `parallel` at once, with the shared Redis limiter when `redisUrl` is given, else with the
// per-process pacer set to the account's limits (what each process of a fleet does without one).
// Waits for the parent's 'go' so that every worker starts at once, and sends back what it did.
import { Redis } from 'ioredis';
import { createClient } from '../../src/index.js';
import { createRedisLimiter } from '../../src/redis/index.js';

/** What the parent tells a worker. */
export interface WorkerTask {
  baseUrl: string;
  requests: number;
  parallel: number;
  requestsPerSecond: number;
  maxConcurrentRequests: number;
  redisUrl?: string | undefined;
  key?: string | undefined;
}

/** What a worker reports. */
export interface WorkerResult {
  succeeded: number;
  failed: number;
  failures: string[];
}

const task = JSON.parse(process.argv[2]!) as WorkerTask;
const redis = task.redisUrl ? new Redis(task.redisUrl) : undefined;
const limits = { requestsPerSecond: task.requestsPerSecond, maxConcurrentRequests: task.maxConcurrentRequests };
const client = createClient({
  provider: 'generic',
  baseUrl: task.baseUrl,
  apiKey: 'fleet_test_key',
  organizationId: 'org_fleet',
  maxRetries: 10,
  ...(redis ? { limiter: createRedisLimiter({ redis, key: task.key!, ...limits }) } : limits),
});

process.send!({ ready: true });
await new Promise((resolve) => process.once('message', resolve));

const result: WorkerResult = { succeeded: 0, failed: 0, failures: [] };
let next = 0;
await Promise.all(
  Array.from({ length: task.parallel }, async () => {
    while (next < task.requests) {
      next++;
      try {
        await client.phoneNumbers.list({ limit: 1 });
        result.succeeded++;
      } catch (error) {
        result.failed++;
        if (result.failures.length < 3) result.failures.push((error as Error).message);
      }
    }
  }),
);
process.send!(result, () => {
  redis?.disconnect();
  process.disconnect();
});
