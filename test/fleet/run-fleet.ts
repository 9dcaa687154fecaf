import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { LimitServer, type AccountLimits, type ServerView } from './limit-server.js';
import type { WorkerResult, WorkerTask } from './worker.js';

/** A fleet run: worker processes sharing one account, with or without the Redis limiter. */
export interface FleetRun {
  workers: number;
  requestsPerWorker: number;
  /** Requests each worker keeps going at once. */
  parallel: number;
  limits: AccountLimits;
  /** With the shared limiter (Redis at this URL), or without (each worker paces alone at the account's limits). */
  redisUrl?: string | undefined;
}

/** What a fleet run did, as the server saw it and as the workers did. */
export interface FleetOutcome {
  server: ServerView;
  succeeded: number;
  failed: number;
  failures: string[];
  /** From the workers' common start to the last one's end. */
  seconds: number;
}

const workerFile = fileURLToPath(new URL('./worker.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Starts a limit server and the workers, lets them all go at once, and waits for every one. */
export async function runFleet(run: FleetRun): Promise<FleetOutcome> {
  const server = await LimitServer.start(run.limits);
  const key = `fleet:${process.pid}:${Date.now()}`;
  try {
    const task: WorkerTask = {
      baseUrl: server.url,
      requests: run.requestsPerWorker,
      parallel: run.parallel,
      requestsPerSecond: run.limits.requestsPerSecond,
      maxConcurrentRequests: run.limits.maxInFlight,
      redisUrl: run.redisUrl,
      key,
    };
    const workers = Array.from({ length: run.workers }, () =>
      fork(workerFile, [JSON.stringify(task)], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    try {
      await Promise.all(workers.map((worker) => nextMessage(worker)));
      const startedAt = performance.now();
      for (const worker of workers) worker.send('go');
      const results = (await Promise.all(workers.map((worker) => nextMessage(worker)))) as WorkerResult[];
      const seconds = (performance.now() - startedAt) / 1000;
      return {
        server: server.view(),
        succeeded: results.reduce((sum, result) => sum + result.succeeded, 0),
        failed: results.reduce((sum, result) => sum + result.failed, 0),
        failures: results.flatMap((result) => result.failures).slice(0, 5),
        seconds,
      };
    } finally {
      for (const worker of workers) if (worker.exitCode === null) worker.kill();
    }
  } finally {
    await server.stop();
  }
}

function nextMessage(worker: ReturnType<typeof fork>): Promise<unknown> {
  return Promise.race([
    once(worker, 'message').then(([message]) => message),
    once(worker, 'exit').then(([code]) => {
      throw new Error(`a fleet worker exited (code ${code}) before reporting`);
    }),
  ]);
}
