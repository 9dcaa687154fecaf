// The throughput measurement of one wire (a platform's listing: its numbers, its calls...): the CPU
// time of the client process (`process.cpuUsage`, user + system) each contender spends on the same
// pages, in a random order each round. What the SDK is held to is its CPU time per page beyond bare
// ky's on the same pages, against a budget of 75 µs + 2 × the CPU time of `JSON.parse` of the page.
import ky from 'ky';
import {
  itemsOf,
  kyPage,
  kyRequest,
  pageInit,
  rawPage,
  replayListing,
  sdkListing,
  type BenchClient,
  type Listing,
  type ReadPage,
  type RecordedPage,
} from './listings.js';

/**
 * The contenders of a wire, each one entry: the SDK's `for await`; the same pages by `fetch` +
 * `JSON.parse`; by bare ky; the floor (ky and the work any client must do on the items, alone); and
 * `JSON.parse` of the pages' texts, no fetch at all (what the budget is made of).
 */
export const throughputContenders = ['sdk', 'raw', 'ky', 'floor', 'parse'] as const;
export type ThroughputContender = (typeof throughputContenders)[number];

export interface ThroughputResult {
  /** The listing measured. */
  listing: Listing;
  /** Items and pages of the listing (a one-answer list is one page of every item). */
  items: number;
  pages: number;
  /** CPU time of the client process over the whole listing, in µs, each measured round, per contender. */
  cpuMicroseconds: Record<ThroughputContender, number[]>;
  /** Wall time of the listing, in ms, each measured round, per contender. */
  wallMs: Record<ThroughputContender, number[]>;
  /** The order the contenders ran in, each round (warm-ups included). */
  orders: ThroughputContender[][];
}

/** The task's settings for one wire. */
export interface ThroughputSettings {
  rounds: number;
  warmups: number;
  /** Only this contender (a profile of the SDK alone); all when omitted. */
  only?: ThroughputContender;
  /** The SDK's listing stops after this many items (as the recorded one did). */
  maxItems?: number;
}

/** A Fisher-Yates shuffle: a fixed rotation biases a contender by up to 18 % on a shared machine. */
export function shuffled<Value>(values: readonly Value[], random: () => number = Math.random): Value[] {
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

const bareKy = ky.create({ retry: 0, timeout: false, throwHttpErrors: true });

/**
 * The floor: what a hand-written client must do with ky on these pages, and nothing else. The page
 * through ky, parsed; each item checked to be an object and copied field by field into a new one
 * (the mapped item a caller reads; its nested objects are kept as they are), each field's type read.
 */
export const floorPage: ReadPage = async (page) => {
  const body = await kyRequest(bareKy, page).json();
  const items = itemsOf(body);
  const mapped: Record<string, unknown>[] = new Array(items.length);
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (typeof item !== 'object' || item === null) throw new Error('an item that is not an object');
    const copy: Record<string, unknown> = {};
    for (const key in item as Record<string, unknown>) {
      const value = (item as Record<string, unknown>)[key];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null || typeof value === 'object') copy[key] = value;
    }
    mapped[index] = copy;
  }
  return mapped;
};

/** The CPU time (µs) and wall time (ms) of one run, and the count it gave. */
async function timed(run: () => Promise<number>, expected: number | null): Promise<{ cpu: number; wall: number }> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const count = await run();
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - start;
  if (expected !== null && count !== expected) throw new Error(`listed ${count} items, expected ${expected}`);
  return { cpu: cpu.user + cpu.system, wall };
}

/**
 * Measures one wire. `pages`: the requests one SDK listing made (recorded), `count`: the items it
 * gave. Every contender reads the same pages in the same order; the replays are held to their own
 * first count (the SDK may leave out, by design, items a replay counts).
 */
export async function measureWire(
  client: BenchClient,
  listing: Listing,
  pages: readonly RecordedPage[],
  count: number,
  settings: ThroughputSettings,
): Promise<ThroughputResult> {
  const replayed = await replayListing(pages, rawPage);
  const texts: string[] = [];
  for (const page of pages) texts.push(await (await fetch(page.url, pageInit(page))).text());
  const replay = (read: ReadPage) => () => timed(() => replayListing(pages, read), replayed);
  const runs: Record<ThroughputContender, () => Promise<{ cpu: number; wall: number }>> = {
    sdk: () => timed(() => sdkListing(client, { listing, ...(settings.maxItems === undefined ? {} : { maxItems: settings.maxItems }) }), count),
    raw: replay(rawPage),
    ky: replay(kyPage),
    floor: replay(floorPage),
    parse: () =>
      timed(async () => {
        let parsed = 0;
        for (const text of texts) parsed += itemsOf(JSON.parse(text)).length;
        return parsed;
      }, replayed),
  };
  const empty = () => Object.fromEntries(throughputContenders.map((name) => [name, [] as number[]])) as Record<ThroughputContender, number[]>;
  const result: ThroughputResult = { listing, items: count, pages: pages.length, cpuMicroseconds: empty(), wallMs: empty(), orders: [] };
  for (let round = 0; round < settings.warmups + settings.rounds; round++) {
    const order = shuffled(throughputContenders).filter((name) => !settings.only || name === settings.only);
    result.orders.push(order);
    for (const contender of order) {
      const { cpu, wall } = await runs[contender]();
      if (round < settings.warmups) continue;
      result.cpuMicroseconds[contender].push(cpu);
      result.wallMs[contender].push(wall);
    }
  }
  return result;
}

