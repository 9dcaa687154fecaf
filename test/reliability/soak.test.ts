import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { resetBeforeResponse, sendJson, startFaultServer } from '../helpers/fault-server.js';

// A gc() for this file only: the flag is set at run time, so no other test file runs with it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const totalRequests = 20_000;
/** The loop also stops starting new rounds after this long, so that a busy shared machine cannot stretch the run. */
const timeBudgetMs = 25_000;
const concurrency = 16;
const pageSize = 20;
const pagesPerListing = 50;
const failEvery = { serverError: 40, reset: 200 }; // 2.5 % answered 500 (retry-after-ms 0), 0.5 % reset

/** A small deterministic generator, so that a failing run can be replayed as it was. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Runs `concurrency` workers against a fresh loopback server that injects faults; each worker
 * alternates a full listing (50 pages, items checked in order) and 50 single gets, until `total`
 * requests were made or the time budget is spent. The server is closed before this returns.
 */
async function workload(total: number, budgetMs: number) {
  const random = seeded(20_250_301);
  const injected = { serverError: 0, reset: 0 };
  const server = await startFaultServer((request, response) => {
    const roll = random();
    if (roll < 1 / failEvery.reset) {
      injected.reset++;
      return resetBeforeResponse(request);
    }
    if (roll < 1 / failEvery.reset + 1 / failEvery.serverError) {
      injected.serverError++;
      return sendJson(response, 500, { error: { message: 'injected' } }, { 'retry-after-ms': '0' });
    }
    const url = new URL(request.url!, 'http://loopback');
    if (url.pathname.startsWith('/v3/campaigns/')) {
      return sendJson(response, 200, { id: url.pathname.split('/').pop(), name: 'Soak', status: 'ongoing' });
    }
    const page = Number(url.searchParams.get('cursor') ?? '0');
    const items = Array.from({ length: pageSize }, (_, index) => ({
      id: `pn_${page * pageSize + index}`,
      number: '0212345678',
      status: 'active',
    }));
    sendJson(response, 200, { items, total_count: null, next_cursor: page + 1 < pagesPerListing ? String(page + 1) : null });
  });

  const client = createClient({ provider: 'vox', apiKey: 'SOAK_SECRET_KEY_0123456789', baseUrl: server.url, maxRetries: 6 });
  let requests = 0;
  let itemsSeen = 0;
  let listings = 0;
  const started = performance.now();
  const worker = async (id: number) => {
    for (let round = 0; requests < total && performance.now() - started < budgetMs; round++) {
      if ((id + round) % 2 === 0) {
        requests += pagesPerListing;
        let count = 0;
        for await (const number of client.phoneNumbers.list({ limit: pageSize, status: 'active' })) {
          if (number.id !== `pn_${count}`) throw new Error(`listing out of order at ${count}: ${number.id}`);
          count++;
        }
        if (count !== pageSize * pagesPerListing) throw new Error(`listing lost items: ${count}`);
        itemsSeen += count;
        listings++;
      } else {
        for (let index = 0; index < pagesPerListing; index++) {
          requests++;
          const campaign = await client.campaigns.get(`cmp_${id}_${round}_${index}`);
          if (campaign.id !== `cmp_${id}_${round}_${index}`) throw new Error(`wrong campaign ${campaign.id}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id)));
  const durationMs = performance.now() - started;
  const attempts = server.arrivals.length;
  await server.close();
  server.arrivals.length = 0;
  return { requests, attempts, injected, itemsSeen, listings, durationMs };
}

/** Waits until no kind of handle (socket, timer ...) is more numerous than in `before`: sockets close a moment after the server. */
async function settle(before: Record<string, number>): Promise<void> {
  await expect
    .poll(
      () => {
        const now = resourceCounts();
        return Object.entries(now).every(([name, count]) => count <= (before[name] ?? 0));
      },
      { timeout: 5000, interval: 50 },
    )
    .toBe(true);
}

/**
 * The heap once what the run let go of is collected: the least of several readings, each after a
 * full gc and a pause. Some garbage (response bodies undici tracks with a FinalizationRegistry,
 * sockets closing) is freed only on a later turn, and a loaded machine may need more turns; memory
 * a leak holds is never freed, so the least reading hides no leak.
 */
async function settledHeap(readings = 5): Promise<number> {
  let least = Number.POSITIVE_INFINITY;
  for (let round = 0; round < readings; round++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    gc();
    least = Math.min(least, process.memoryUsage().heapUsed);
  }
  return least;
}

/** Heap growth that run-time noise (code the JIT optimised, caches of V8 and undici) stays under. */
const heapNoiseBytes = 3 * 1024 * 1024;

describe('soak', () => {
  it(`up to ${totalRequests} GETs through lists and gets, with faults injected, leave nothing behind`, async () => {
    let unhandled = 0;
    const onUnhandled = () => unhandled++;
    process.on('unhandledRejection', onUnhandled);

    // A short warm-up first, so that what loads once (modules, schemas, phone metadata) is not taken for a leak.
    const resourcesBefore = resourceCounts();
    await workload(500, timeBudgetMs);
    await settle(resourcesBefore);
    const heapBefore = await settledHeap();

    const run = await workload(totalRequests, timeBudgetMs);
    await settle(resourcesBefore);
    // Read again, for up to 10 s, while the growth is above the noise: garbage a busy machine had
    // not collected yet goes away, memory a leak holds does not.
    let heapAfter = await settledHeap();
    const readUntil = performance.now() + 10_000;
    while (heapAfter - heapBefore >= heapNoiseBytes && performance.now() < readUntil) heapAfter = Math.min(heapAfter, await settledHeap());
    process.off('unhandledRejection', onUnhandled);

    const faults = run.injected.serverError + run.injected.reset;
    const resourcesAfter = resourceCounts();
    const figures = {
      requests: run.requests,
      attempts: run.attempts,
      retries: run.attempts - run.requests,
      faultsInjected: faults,
      serverErrors: run.injected.serverError,
      resets: run.injected.reset,
      listings: run.listings,
      itemsSeen: run.itemsSeen,
      durationMs: Math.round(run.durationMs),
      requestsPerSecond: Math.round(run.requests / (run.durationMs / 1000)),
      heapBeforeMB: megabytes(heapBefore),
      heapAfterMB: megabytes(heapAfter),
      unhandledRejections: unhandled,
      resourcesBefore,
      resourcesAfter,
      stoppedBy: run.requests >= totalRequests ? 'count' : 'time budget',
    };
    console.log(`soak figures: ${JSON.stringify(figures)}`);

    // On an idle machine the whole count runs; under load the time budget may end it early, but never this early.
    expect(run.requests).toBeGreaterThanOrEqual(2_000);
    expect(run.itemsSeen).toBe(run.listings * pageSize * pagesPerListing);
    // Every fault was retried, and nothing else was: each extra attempt answers one fault.
    expect(run.attempts - run.requests).toBe(faults);
    expect(faults).toBeGreaterThan(run.requests * 0.02);
    expect(unhandled).toBe(0);
    for (const [name, count] of Object.entries(resourcesAfter)) expect(count).toBeLessThanOrEqual(resourcesBefore[name] ?? 0);
    // The heap settles back to where it started, within the noise. A leak of 300 bytes per request
    // exceeds it once 10,500 requests ran (about 6 MB at the full 20,000); the figures above say
    // how many ran, since a busy machine may have ended the run at its time budget.
    expect(heapAfter - heapBefore).toBeLessThan(heapNoiseBytes);
  }, 90_000);
});
