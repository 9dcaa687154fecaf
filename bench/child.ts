// One measurement in a fresh process: `node --import tsx bench/child.ts '<task as JSON>'`.
// Each platform's runs start from a cold process, so one platform's warm code or heap does not
// help or hurt the next, and a peak RSS belongs to one listing alone. Prints one `RESULT <json>` line.
import { setTimeout as sleep } from 'node:timers/promises';
import { loadE164Formatter } from '../src/core/kit/e164.js';
import { createBenchClient, listingBaseUrl, loadSdk, rawListing, sdkListing } from './listings.js';
import { pageSize, platforms, type PlatformId } from './platforms.js';

export type ChildTask =
  | {
      kind: 'throughput';
      platform: PlatformId;
      serverUrl: string;
      total: number;
      rounds: number;
      warmups: number;
      /** Only these contenders (a profile of the SDK alone); both when omitted. */
      only?: 'sdk' | 'raw';
    }
  | {
      kind: 'prefetch';
      platform: PlatformId;
      serverUrl: string;
      total: number;
      delayMs: number;
      consumerMs: number;
      prefetch: number;
      rounds: number;
    }
  | { kind: 'memory'; platform: PlatformId; serverUrl: string; total: number; contender: 'sdk' | 'raw' };

export interface ThroughputResult {
  /** Items per second of each measured run, in run order. */
  sdk: number[];
  raw: number[];
  /** Milliseconds the SDK's E.164 formatter takes over the numbers of one listing, each round. */
  e164Ms: number[];
}

export interface PrefetchResult {
  /** Milliseconds of each measured run, in run order. */
  serverAlone: number[];
  withoutPrefetch: number[];
  withPrefetch: number[];
}

export interface MemoryResult {
  items: number;
  seconds: number;
  /** RSS after the first 10 pages (code loaded, connections open, caches warm), in bytes. */
  baselineRss: number;
  /** RSS after the first 1% of the listing, when the heap has grown to its working size, in bytes. */
  onePercentRss: number;
  /** The most V8 heap in use at any sample, garbage not yet collected included, in bytes. */
  maxHeapUsed: number;
  /** The highest RSS sampled while iterating (every 10 pages), in bytes. */
  peakRss: number;
  /** The process's peak RSS as the OS counts it, start-up included, in bytes. */
  maxRss: number;
  /** RSS and V8 heap at points of the listing. */
  samples: { items: number; rss: number; heapUsed: number }[];
}

const elapsed = async (run: () => Promise<number>, expected: number): Promise<number> => {
  const start = performance.now();
  const count = await run();
  const milliseconds = performance.now() - start;
  if (count !== expected) throw new Error(`listed ${count} items, expected ${expected}`);
  return milliseconds;
};

async function throughput(task: Extract<ChildTask, { kind: 'throughput' }>): Promise<ThroughputResult> {
  const sdk = await loadSdk();
  const platform = platforms[task.platform];
  const baseUrl = listingBaseUrl(task.serverUrl, platform, 0, task.total);
  const client = createBenchClient(sdk, platform, baseUrl);
  const runs = {
    sdk: () => elapsed(() => sdkListing(client), task.total),
    raw: () => elapsed(() => rawListing(platform, baseUrl), task.total),
  };
  const result: ThroughputResult = { sdk: [], raw: [], e164Ms: [] };
  for (let round = 0; round < task.warmups + task.rounds; round++) {
    // Alternate which contender goes first, so that neither always runs on a heap the other left.
    const order = round % 2 === 0 ? (['sdk', 'raw'] as const) : (['raw', 'sdk'] as const);
    for (const contender of order) {
      if (task.only && contender !== task.only) continue;
      const milliseconds = await runs[contender]();
      if (round >= task.warmups) result[contender].push(task.total / (milliseconds / 1000));
    }
  }
  result.e164Ms = await e164Cost(task);
  return result;
}

/**
 * The share of E.164 derivation in the SDK's time: the formatter the mapping uses, alone, over the
 * numbers of the same listing (the server's items are those of `platform.item(0 ... total - 1)`).
 */
async function e164Cost(task: Extract<ChildTask, { kind: 'throughput' }>): Promise<number[]> {
  const platform = platforms[task.platform];
  const numbers = Array.from({ length: task.total }, (_, index) => platform.numberOf(platform.item(index)));
  const toE164 = await loadE164Formatter(platform.defaultCountry);
  const times: number[] = [];
  for (let round = 0; round < task.warmups + task.rounds; round++) {
    const start = performance.now();
    let derived = 0;
    for (const number of numbers) if (number !== null && toE164(number) !== null) derived++;
    if (derived === 0) throw new Error('no number had an E.164 form');
    if (round >= task.warmups) times.push(performance.now() - start);
  }
  return times;
}

async function prefetch(task: Extract<ChildTask, { kind: 'prefetch' }>): Promise<PrefetchResult> {
  const sdk = await loadSdk();
  const platform = platforms[task.platform];
  const warm = listingBaseUrl(task.serverUrl, platform, 0, task.total);
  await sdkListing(createBenchClient(sdk, platform, warm), { prefetch: task.prefetch });
  await rawListing(platform, warm);

  const baseUrl = listingBaseUrl(task.serverUrl, platform, task.delayMs, task.total);
  const client = createBenchClient(sdk, platform, baseUrl);
  const consumer = () => sleep(task.consumerMs);
  const runs = {
    serverAlone: () => elapsed(() => rawListing(platform, baseUrl), task.total),
    withoutPrefetch: () => elapsed(() => sdkListing(client, { perPage: consumer, prefetch: 0 }), task.total),
    withPrefetch: () => elapsed(() => sdkListing(client, { perPage: consumer, prefetch: task.prefetch }), task.total),
  };
  const result: PrefetchResult = { serverAlone: [], withoutPrefetch: [], withPrefetch: [] };
  const contenders = Object.keys(runs) as (keyof typeof runs)[];
  for (let round = 0; round < task.rounds; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) result[contender].push(await runs[contender]());
  }
  return result;
}

async function memory(task: Extract<ChildTask, { kind: 'memory' }>): Promise<MemoryResult> {
  const sdk = await loadSdk();
  const platform = platforms[task.platform];
  const baseUrl = listingBaseUrl(task.serverUrl, platform, 0, task.total);
  const samples: MemoryResult['samples'] = [];
  let baselineRss = 0;
  let onePercentRss = 0;
  let peakRss = 0;
  let maxHeapUsed = 0;
  let pages = 0;
  const totalPages = task.total / pageSize;
  const samplePages = Math.max(10, Math.round(totalPages / 10));
  const onePercentPages = Math.max(10, Math.round(totalPages / 100));
  const onPage = (count: number) => {
    pages++;
    if (pages % 10 !== 0) return;
    const { rss, heapUsed } = process.memoryUsage();
    if (pages === 10) baselineRss = rss;
    if (pages === onePercentPages) onePercentRss = rss;
    peakRss = Math.max(peakRss, rss);
    maxHeapUsed = Math.max(maxHeapUsed, heapUsed);
    if (pages % samplePages === 0 || pages === 10) samples.push({ items: count, rss, heapUsed });
  };
  const run =
    task.contender === 'sdk'
      ? () => sdkListing(createBenchClient(sdk, platform, baseUrl), { onPage })
      : () => rawListing(platform, baseUrl, { onPage });
  const milliseconds = await elapsed(run, task.total);
  return {
    items: task.total,
    seconds: milliseconds / 1000,
    baselineRss,
    onePercentRss,
    peakRss,
    maxHeapUsed,
    maxRss: process.resourceUsage().maxRSS * 1024,
    samples,
  };
}

const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
const tasks = { throughput, prefetch, memory } as const;
const result = await (tasks[task.kind] as (task: ChildTask) => Promise<unknown>)(task);
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
