// The figures of one wire from its rounds: the SDK's CPU time per page beyond bare ky's against the
// budget, and the floor's where the SDK misses it.
import type { ThroughputResult } from './child.js';
import type { Listing } from './listings.js';
import { median, quantile } from './stats.js';

/** The budget per page: this many µs plus `parseFactor` times the CPU time of `JSON.parse` of the page. */
export const budget = { fixedMicroseconds: 75, parseFactor: 2 };

/** A median with the spread of single rounds: the first and third quartiles, the lowest and highest. */
export interface Spread {
  median: number;
  quartiles: [number, number];
  range: [number, number];
}

export interface WireFigures {
  platform: string;
  listing: Listing;
  items: number;
  pages: number;
  /** CPU time of the client per page, µs, medians over the rounds. */
  cpuPerPage: { sdk: number; raw: number; ky: number; floor: number; parse: number };
  /** 75 µs + 2 × the CPU time of JSON.parse of a page. */
  budgetMicrosecondsPerPage: number;
  /** The SDK's CPU time per page beyond bare ky's, from each round's pair (the same round, random order). */
  sdkBeyondKy: Spread;
  /** The floor loop's (ky and the necessary work alone) beyond bare ky's, likewise. */
  floorBeyondKy: Spread;
  meetsBudget: boolean;
  floorMeetsBudget: boolean;
  /** Wall-clock items per second of the SDK over raw fetch's, medians: for reading, not a target. */
  wallRatioToRaw: number;
  /** The E.164 formatter's time over the listing's numbers, alone (numbers only). */
  e164MsPerListing: number | null;
  runs: ThroughputResult;
}

/** The row name of a wire: the platform for its numbers, else the platform and the listing. */
export function wireName(platform: string, listing: Listing): string {
  return listing === 'phoneNumbers' ? platform : `${platform} ${listing}`;
}

function spread(values: readonly number[]): Spread {
  return {
    median: median(values),
    quartiles: [quantile(values, 0.25), quantile(values, 0.75)],
    range: [Math.min(...values), Math.max(...values)],
  };
}

export function wireFigures(platform: string, runs: ThroughputResult): WireFigures {
  const { cpuMicroseconds: cpu, pages } = runs;
  const perPage = (values: readonly number[]) => median(values) / pages;
  const beyondKy = (values: readonly number[]) => values.map((value, round) => (value - cpu.ky[round]!) / pages);
  const parse = perPage(cpu.parse);
  const budgetMicrosecondsPerPage = budget.fixedMicroseconds + budget.parseFactor * parse;
  const sdkBeyondKy = spread(beyondKy(cpu.sdk));
  const floorBeyondKy = spread(beyondKy(cpu.floor));
  return {
    platform,
    listing: runs.listing,
    items: runs.items,
    pages,
    cpuPerPage: { sdk: perPage(cpu.sdk), raw: perPage(cpu.raw), ky: perPage(cpu.ky), floor: perPage(cpu.floor), parse },
    budgetMicrosecondsPerPage,
    sdkBeyondKy,
    floorBeyondKy,
    meetsBudget: sdkBeyondKy.median <= budgetMicrosecondsPerPage,
    floorMeetsBudget: floorBeyondKy.median <= budgetMicrosecondsPerPage,
    wallRatioToRaw: median(runs.wallMs.raw) / median(runs.wallMs.sdk),
    e164MsPerListing: runs.e164Ms.length > 0 ? median(runs.e164Ms) : null,
    runs,
  };
}
