// One measurement in a fresh process: `node --import tsx bench/child.ts '<task as JSON>'`.
// Each platform's runs start from a cold process, so one platform's warm code or heap does not
// help or hurt the next, and a peak RSS belongs to one listing alone. Prints one `RESULT <json>` line.
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadE164Formatter } from '../src/core/kit/e164.js';
import { providers } from '../src/providers/registry.js';
import {
  createBenchClient,
  listingBaseUrl,
  loadSdk,
  rawPage,
  replayListing,
  sdkListing,
  type Listing,
  type ReadPage,
  type RecordedPage,
} from './listings.js';
import { pageSize, type PlatformId } from './platforms.js';
import { unlisted } from './unlisted.js';
import { measureWire, type ThroughputContender, type ThroughputResult as WireResult } from './throughput.js';
import { median } from './stats.js';

export type ChildTask =
  | {
      kind: 'throughput';
      platform: PlatformId;
      /** The wire's listing: the numbers when omitted. */
      listing?: Listing;
      serverUrl: string;
      total: number;
      rounds: number;
      warmups: number;
      /** Only this contender (a profile of the SDK alone); all when omitted. */
      only?: ThroughputContender;
    }
  | {
      kind: 'prefetch';
      platform: PlatformId;
      listing: Listing;
      serverUrl: string;
      total: number;
      delayMs: number;
      consumerMs: number;
      prefetch: number;
      rounds: number;
    }
  | {
      kind: 'memory';
      platform: PlatformId;
      listing: Listing;
      serverUrl: string;
      total: number;
      contender: 'sdk' | 'raw';
      /** A listing projected to take longer than this stops early, reported as `tooSlow`; no limit when omitted. */
      maxSeconds?: number;
      /** The raw contender's pages, recorded by a `record` task in another process (the raw contender needs it). */
      pagesFile?: string;
    }
  | { kind: 'record'; platform: PlatformId; listing: Listing; serverUrl: string; total: number; pagesFile: string }
  | { kind: 'paging'; platform: PlatformId; serverUrl: string; total: number }
  | { kind: 'unlisted'; platform: PlatformId; listing: Listing; serverUrl: string; total: number };

/** One wire's CPU and wall times per contender (bench/throughput.ts), and the E.164 formatter's share. */
export interface ThroughputResult extends WireResult {
  /** Milliseconds the SDK's E.164 formatter takes over the numbers of one listing, each round. */
  e164Ms: number[];
}

/** A listing the platform does not offer: why, in the SDK's words, instead of figures. */
export interface UnlistedResult {
  unlisted: string;
}

export interface PrefetchResult {
  /** Items and pages of the listing (about the task's total: a filter keeps its share of the repeated seed). */
  items: number;
  pages: number;
  /** Milliseconds of each measured run, in run order. */
  serverAlone: number[];
  withoutPrefetch: number[];
  withPrefetch: number[];
}

/** How many pages a listing of the task's total took, each listing the platform supports (`null`: none). */
export type PagingResult = Record<Exclude<Listing, 'calls'>, number | null>;

export interface MemoryResult {
  /** Why the listing was not measured, when it stopped. */
  skipped?: string;
  /**
   * Set when the listing was stopped because it would take longer than the task allows: the
   * milliseconds a page took once the listing was under way, and the seconds the whole would take.
   */
  tooSlow?: { msPerPage: number; projectedSeconds: number };
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
  /** RSS and V8 heap at points of the listing; `heapAfterGc` after a full collection (with --expose-gc). */
  samples: { items: number; rss: number; heapUsed: number; heapAfterGc: number | null }[];
}

/** Times one listing; `expected`: the item count it must give (that of the recorded SDK listing). */
const elapsed = async (run: () => Promise<number>, expected: number | null): Promise<number> => {
  const start = performance.now();
  const count = await run();
  const milliseconds = performance.now() - start;
  if (expected !== null && count !== expected) throw new Error(`listed ${count} items, expected ${expected}`);
  return milliseconds;
};

/**
 * A calls listing stops at the task's total: a double that derives its calls (rather than repeating a
 * list of them, bench/listed-list.ts) may hold more than the listing asks for.
 */
const maxItemsOf = (listing: Listing, total: number) => (listing === 'calls' ? { maxItems: total } : {});

/** The pages one SDK listing asks for, and the numbers it maps (spelling as received). */
async function recordListing(
  sdk: Awaited<ReturnType<typeof loadSdk>>,
  platform: PlatformId,
  baseUrl: string,
  prefetch = 0,
  listing: Listing = 'phoneNumbers',
  total?: number,
) {
  const pages: RecordedPage[] = [];
  const numbers: string[] = [];
  const count = await sdkListing(createBenchClient(sdk, platform, baseUrl, pages), {
    listing,
    prefetch,
    onNumber: (_e164, number) => numbers.push(number),
    ...(total === undefined ? {} : maxItemsOf(listing, total)),
  });
  return { pages, numbers, count };
}


/** How many pages each listing of the platform takes over `total` items: whether it pages at all. */
async function paging(task: Extract<ChildTask, { kind: 'paging' }>): Promise<PagingResult> {
  const sdk = await loadSdk();
  const result: PagingResult = { phoneNumbers: null, campaigns: null };
  for (const listing of Object.keys(result) as (keyof PagingResult)[]) {
    const baseUrl = listingBaseUrl(task.serverUrl, task.platform, 0, task.total, listing);
    if (!createBenchClient(sdk, task.platform, baseUrl).supports(`${listing}.list`)) continue;
    result[listing] = (await recordListing(sdk, task.platform, baseUrl, 0, listing)).pages.length;
  }
  return result;
}

async function throughput(task: Extract<ChildTask, { kind: 'throughput' }>): Promise<ThroughputResult> {
  const sdk = await loadSdk();
  const listing = task.listing ?? 'phoneNumbers';
  const baseUrl = listingBaseUrl(task.serverUrl, task.platform, 0, task.total, listing);
  // The double lists about `total` items (a filter keeps its share of the repeated seed): the recorded
  // listing's count is the one every contender must give.
  const { pages, numbers, count } = await recordListing(sdk, task.platform, baseUrl, 0, listing, task.total);
  const client = createBenchClient(sdk, task.platform, baseUrl);
  const result = await measureWire(client, listing, pages, count, { ...task, ...maxItemsOf(listing, task.total) });
  return { ...result, e164Ms: listing === 'phoneNumbers' ? await e164Cost(task, numbers) : [] };
}

/** The share of E.164 derivation in the SDK's time: the SDK's formatter alone over the listing's numbers. */
async function e164Cost(task: Extract<ChildTask, { kind: 'throughput' }>, numbers: readonly string[]): Promise<number[]> {
  const definition = (providers as unknown as Record<string, { defaultCountry?: string | null }>)[task.platform]!;
  const toE164 = await loadE164Formatter(definition.defaultCountry ?? null);
  const times: number[] = [];
  for (let round = 0; round < task.warmups + task.rounds; round++) {
    const start = performance.now();
    let derived = 0;
    for (const number of numbers) if (toE164(number) !== null) derived++;
    if (round >= task.warmups) times.push(performance.now() - start);
    if (numbers.length > 0 && derived === 0) times.push(Number.NaN);
  }
  return times;
}

async function prefetch(task: Extract<ChildTask, { kind: 'prefetch' }>): Promise<PrefetchResult> {
  const sdk = await loadSdk();
  const { platform, listing } = task;
  const warm = listingBaseUrl(task.serverUrl, platform, 0, task.total, listing);
  await recordListing(sdk, platform, warm, task.prefetch, listing);

  const baseUrl = listingBaseUrl(task.serverUrl, platform, task.delayMs, task.total, listing);
  // The delayed listing's own pages, recorded (and answered once, so kept by the server) before timing.
  const { pages, count } = await recordListing(sdk, platform, baseUrl, task.prefetch, listing);
  const client = createBenchClient(sdk, platform, baseUrl);
  const consumer = () => sleep(task.consumerMs);
  const runs = {
    serverAlone: () => elapsed(() => replayListing(pages, rawPage), null),
    withoutPrefetch: () => elapsed(() => sdkListing(client, { listing, perPage: consumer, prefetch: 0 }), count),
    withPrefetch: () => elapsed(() => sdkListing(client, { listing, perPage: consumer, prefetch: task.prefetch }), count),
  };
  const result: PrefetchResult = { items: count, pages: pages.length, serverAlone: [], withoutPrefetch: [], withPrefetch: [] };
  const contenders = Object.keys(runs) as (keyof typeof runs)[];
  for (let round = 0; round < task.rounds; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) result[contender as 'serverAlone'].push(await runs[contender]());
  }
  return result;
}

/**
 * The heap still in use once everything unreachable is freed, `null` without --expose-gc. One `gc()`
 * is not enough: objects registered with a FinalizationRegistry (undici and Node's abort machinery
 * register some for every request) keep what their cleanup callbacks hold until those callbacks run,
 * in a task of their own after the collection. How much waits there depends on when collections
 * happened to run (measured: 16 to 23 MB after one `gc()` at page 1,000 of a Vogent listing, about
 * 15 MB once the callbacks ran), and none of it is held by the listing. So: three times a
 * collection then a 1 ms timer (a turn in which the queued callbacks run), then a last collection,
 * as Node's own tests collect and yield before they read the heap.
 */
async function heapAfterCollection(): Promise<number | null> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) return null;
  for (let round = 0; round < 3; round++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  collect();
  return process.memoryUsage().heapUsed;
}

class TooSlow extends Error {
  constructor(readonly msPerPage: number, readonly projectedSeconds: number) {
    super('too slow');
  }
}

/**
 * Pages timed, once the listing is under way, to project how long the whole would take: the median
 * of their times, so that a pause of the machine's (a collection, other work) does not decide it.
 */
const projection = { fromPage: 10, toPage: 60 };

async function memory(task: Extract<ChildTask, { kind: 'memory' }>): Promise<MemoryResult> {
  const sdk = await loadSdk();
  const { platform, listing } = task;
  const baseUrl = listingBaseUrl(task.serverUrl, platform, 0, task.total, listing);
  const samples: MemoryResult['samples'] = [];
  let baselineRss = 0;
  let onePercentRss = 0;
  let peakRss = 0;
  let maxHeapUsed = 0;
  let pages = 0;
  const totalPages = task.total / pageSize;
  const samplePages = Math.max(10, Math.round(totalPages / 10));
  const onePercentPages = Math.max(10, Math.round(totalPages / 100));
  const pageTimes: number[] = [];
  let lastPageAt = 0;
  const onPage = (count: number) => {
    pages++;
    // A double that copies or sorts its whole list for every page cannot serve a million in time. Its
    // first pages are left out of the projection: they pay for building the long list once.
    if (task.maxSeconds !== undefined && pages >= projection.fromPage && pages <= projection.toPage) {
      const now = performance.now();
      if (pages > projection.fromPage) pageTimes.push(now - lastPageAt);
      lastPageAt = now;
      if (pages === projection.toPage) {
        const msPerPage = median(pageTimes);
        const projectedSeconds = (msPerPage * totalPages) / 1000;
        if (projectedSeconds > task.maxSeconds) throw new TooSlow(msPerPage, projectedSeconds);
      }
    }
    if (pages % 10 !== 0) return;
    const { rss, heapUsed } = process.memoryUsage();
    if (pages === 10) baselineRss = rss;
    if (pages === onePercentPages) onePercentRss = rss;
    peakRss = Math.max(peakRss, rss);
    maxHeapUsed = Math.max(maxHeapUsed, heapUsed);
    if (pages % samplePages === 0 || pages === 10) sampleDue = { items: count, rss, heapUsed };
  };
  // The heap after a full collection is read between pages, with the listing paused: see heapAfterCollection.
  let sampleDue: { items: number; rss: number; heapUsed: number } | null = null;
  let samplingMs = 0;
  const perPage = async () => {
    if (!sampleDue) return;
    const due = sampleDue;
    sampleDue = null;
    const start = performance.now();
    samples.push({ ...due, heapAfterGc: await heapAfterCollection() });
    samplingMs += performance.now() - start;
  };
  // The raw contender follows the pages an SDK listing asked for, recorded in another process (a
  // `record` task): recorded here, the SDK's listing would have grown this process's heap first, and
  // the raw listing's RSS would start from there and show no growth of its own.
  const recorded: RecordedPage[] = task.contender === 'raw' ? (JSON.parse(readFileSync(task.pagesFile!, 'utf8')) as RecordedPage[]) : [];
  const bounded = maxItemsOf(listing, task.total);
  const run =
    task.contender === 'sdk'
      ? () => sdkListing(createBenchClient(sdk, platform, baseUrl), { listing, onPage, perPage, ...bounded })
      : () => replayListing(recorded, rawPage, { onPage, perPage });
  let items = 0;
  let milliseconds: number;
  try {
    milliseconds = await elapsed(async () => (items = await run()), null);
  } catch (error) {
    const unmeasured = { items: 0, seconds: 0, baselineRss: 0, onePercentRss: 0, peakRss: 0, maxHeapUsed: 0, maxRss: 0, samples: [] };
    if (error instanceof TooSlow) return { ...unmeasured, tooSlow: { msPerPage: error.msPerPage, projectedSeconds: error.projectedSeconds } };
    return { ...unmeasured, skipped: `not measured: the listing stopped (${(error as Error).message.slice(0, 160)})` };
  }
  return {
    items,
    // The pauses for the samples' collections are not the listing's time.
    seconds: (milliseconds - samplingMs) / 1000,
    baselineRss,
    onePercentRss,
    peakRss,
    maxHeapUsed,
    maxRss: process.resourceUsage().maxRSS * 1024,
    samples,
  };
}

/** Lists as the SDK does and writes the pages it asked for to `pagesFile`, for a raw contender in a fresh process. */
async function record(task: Extract<ChildTask, { kind: 'record' }>): Promise<{ pages: number }> {
  const recorded: RecordedPage[] = [];
  const client = createBenchClient(await loadSdk(), task.platform, listingBaseUrl(task.serverUrl, task.platform, 0, task.total, task.listing), recorded);
  await sdkListing(client, { listing: task.listing, ...maxItemsOf(task.listing, task.total) });
  writeFileSync(task.pagesFile, JSON.stringify(recorded));
  return { pages: recorded.length };
}

const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
const tasks = {
  record,
  throughput,
  prefetch,
  memory,
  paging,
  unlisted: async (task: Extract<ChildTask, { kind: 'unlisted' }>) => ({
    unlisted: await unlisted(await loadSdk(), task.platform, listingBaseUrl(task.serverUrl, task.platform, 0, task.total, task.listing), task.listing),
  }),
} as const;
const result = await (tasks[task.kind] as (task: ChildTask) => Promise<unknown>)(task);
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
