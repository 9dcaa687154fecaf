// The benchmark's results: their JSON shape, the targets, and the Markdown tables printed.
import type { MemoryResult, PrefetchResult } from './child.js';
import { budget, type Spread, type WireFigures } from './wire-figures.js';
import { runsToShow, type ImportTiming } from './import-time.js';
import type { Listing } from './listings.js';
type PlatformId = string;
import type { SizeFigure } from './sizes.js';
import { fleetLines, type FleetReport } from './fleet.js';
import { formatNumber, markdownTable, megabytes } from './stats.js';

export interface BenchReport {
  date: string;
  machine: {
    cpus: number;
    model: string;
    memoryGb: number;
    platform: string;
    /** 1, 5 and 15 minute load averages when the run started and ended (the machine may be shared). */
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  node: string;
  commit: string | null;
  settings: Record<string, unknown>;
  /** One entry per wire (a platform's numbers, its calls...), by `wireName`. */
  throughput: Record<string, WireFigures>;
  memory: Record<
    PlatformId,
    {
      /** What was listed: the numbers, or the campaigns where the platform answers its numbers in one page. */
      listing: Listing;
      /** Items of the listing: the setting, or fewer where the platform's double is too slow on that many. */
      items: number;
      sdk: MemoryResult;
      raw: MemoryResult;
      capped: MemoryResult;
    }
  >;
  prefetch: Record<
    PlatformId,
    {
      /** What was listed: the numbers, or the campaigns where the platform answers its numbers in one page. */
      listing: Listing;
      serverTimeMs: number;
      serverAloneMs: number;
      withoutPrefetchMs: number;
      withPrefetchMs: number;
      runs: PrefetchResult;
    }
  >;
  importTime: ImportTiming[];
  size: SizeFigure[];
  /** The fleet limiter: both fleet runs as the server saw them, and the cost of a turn (absent in older results). */
  fleet?: FleetReport | undefined;
  /** What was not measured, and why. */
  notes: string[];
}

/** What the SDK aims for; the benchmark reports against these, tests do not assert them. */
export const targets = {
  /** The SDK's CPU time per page beyond bare ky's, at most this budget (bench/wire-figures.ts). */
  cpuBeyondKy: budget,
  /** Heap after a full GC at the end of the million over the same at its first tenth. */
  heapAfterGcGrowthMb: 5,
  /** With prefetch, iteration time over the server's time alone (raw fetch of the same pages). */
  prefetchOverServer: 1.15,
  /** `voiceplane/vox` beyond a bare start, less what ky and zod/mini alone add, in ms (each import pair). */
  importOverDependenciesMs: 10,
};

const mark = (met: boolean) => (met ? 'met' : 'MISSED');
const ms = (value: number) => `${formatNumber(value)} ms`;
/** A figure in µs; "–" for one a results file from before it was measured does not have. */
const microseconds = (value: number | undefined) => (value === undefined ? '–' : `${formatNumber(value)} µs`);
const spreadText = (value: Spread) =>
  `${formatNumber(value.median)} µs (${formatNumber(value.quartiles[0])}-${formatNumber(value.quartiles[1])}; ${formatNumber(value.range[0])}-${formatNumber(value.range[1])})`;
const mb = (bytes: number) => `${formatNumber(megabytes(bytes), 1)} MB`;
const kb = (bytes: number) => `${formatNumber(bytes / 1000, 2)} kB`;

export function rssGrowth(result: MemoryResult): number {
  return result.peakRss - result.baselineRss;
}

/**
 * The samples after warm-up: the first one is taken after 10 pages, before the code, the connections
 * and zod's compiled parsers have reached their working size; the others at each tenth of the listing.
 */
function warmSamples(result: MemoryResult): MemoryResult['samples'] {
  return result.samples.slice(1).filter((sample) => sample.heapAfterGc !== null);
}

/** The heap after a full GC at the last sample less at the first after warm-up, in bytes. */
export function heapAfterGcGrowth(result: MemoryResult): number {
  const measured = warmSamples(result);
  if (measured.length < 2) return Number.NaN;
  return measured[measured.length - 1]!.heapAfterGc! - measured[0]!.heapAfterGc!;
}

function heapAfterGc(result: MemoryResult): string {
  const measured = warmSamples(result);
  if (measured.length < 2) return '-';
  return `${mb(measured[0]!.heapAfterGc!)} → ${mb(measured[measured.length - 1]!.heapAfterGc!)}`;
}

/** The platform, and what was listed when it is not its numbers. */
function rowName(id: PlatformId, listing: Listing): string {
  return listing === 'phoneNumbers' || id.endsWith(`(${listing})`) ? id : `${id} (${listing})`;
}

export function printReport(report: BenchReport): void {
  const out: string[] = [];
  const settings = report.settings as { listingItems: number; memoryItems: number; pageSize: number; rounds: number };
  const prefetchSettings = report.settings.prefetch as { delayMs: number; consumerMs: number; prefetch: number };
  out.push(
    `voiceplane benchmark, ${report.date.slice(0, 10)}: Node ${report.node}, ${report.machine.cpus} × ${report.machine.model}, ` +
      `${report.machine.memoryGb} GB, ${report.machine.platform}${report.commit ? `, commit ${report.commit}` : ''}`,
    '',
  );

  const throughput = Object.entries(report.throughput);
  if (throughput.length > 0) {
    const load = report.machine.loadAverageAtStart.map((value) => formatNumber(value, 2)).join(', ');
    out.push(
      `Throughput: CPU time of the client process (process.cpuUsage) per page, ${formatNumber(settings.listingItems)} items in pages of ` +
        `${settings.pageSize}, contenders in a random order each round, medians of ${settings.rounds} rounds (load average at the start: ${load}). ` +
        `Budget: ${budget.fixedMicroseconds} µs + ${budget.parseFactor} × JSON.parse of the page. Beyond ky: each round's pair, median (quartiles; lowest-highest).`,
      '',
      markdownTable(
        ['wire', 'JSON.parse', 'budget', 'SDK beyond ky', 'meets', 'floor beyond ky', 'floor meets', 'bare ky', 'SDK', 'raw fetch + JSON.parse', 'SDK / raw, wall', 'E.164 per listing'],
        throughput.map(([name, row]) => [
          name,
          microseconds(row.cpuPerPage.parse),
          microseconds(row.budgetMicrosecondsPerPage),
          spreadText(row.sdkBeyondKy),
          mark(row.meetsBudget),
          spreadText(row.floorBeyondKy),
          row.meetsBudget ? '(not needed)' : mark(row.floorMeetsBudget),
          microseconds(row.cpuPerPage.ky),
          microseconds(row.cpuPerPage.sdk),
          microseconds(row.cpuPerPage.raw),
          formatNumber(row.wallRatioToRaw, 2),
          row.e164MsPerListing === null ? '-' : ms(row.e164MsPerListing),
        ]),
      ),
      '',
    );
  }

  const memory = Object.entries(report.memory);
  if (memory.length > 0) {
    const cap = report.settings.cappedOldSpaceMb as number;
    out.push(
      `Memory: ${formatNumber(settings.memoryItems)} numbers (${formatNumber(settings.memoryItems / settings.pageSize)} pages), ` +
        'or the items and listing a row names (see the notes), each listing in a fresh process. ' +
        'Growth: the peak RSS while iterating less the RSS after the first 10 pages ' +
        `(or after the first 1%, once the heap has grown to its working size). Capped: the SDK again with --max-old-space-size=${cap}.`,
      '',
      markdownTable(
        [
          'platform',
          'items',
          'SDK RSS: 10 pages → peak',
          'SDK growth',
          'raw fetch growth',
          'SDK growth after 1%',
          'SDK max heap used',
          'SDK heap after GC: 10% → end',
          `capped at ${cap} MB: growth, time`,
          'SDK time',
          `target: heap after GC flat (< ${targets.heapAfterGcGrowthMb} MB)`,
        ],
        memory.map(([id, row]) => [
          rowName(id, row.listing),
          formatNumber(row.items),
          `${mb(row.sdk.baselineRss)} → ${mb(row.sdk.peakRss)}`,
          mb(rssGrowth(row.sdk)),
          mb(rssGrowth(row.raw)),
          mb(row.sdk.peakRss - row.sdk.onePercentRss),
          mb(row.sdk.maxHeapUsed),
          heapAfterGc(row.sdk),
          `${mb(rssGrowth(row.capped))}, ${formatNumber(row.capped.seconds, 1)} s`,
          `${formatNumber(row.sdk.seconds, 1)} s`,
          mark(megabytes(heapAfterGcGrowth(row.sdk)) < targets.heapAfterGcGrowthMb),
        ]),
      ),
      '',
    );
  }

  const prefetch = Object.entries(report.prefetch);
  if (prefetch.length > 0) {
    const { delayMs, consumerMs } = prefetchSettings;
    out.push(
      `Prefetch: ${formatNumber(settings.listingItems)} numbers (or the listing a row names), the server answering each page after ${delayMs} ms, ` +
        `the consumer awaiting ${consumerMs} ms of its own work per page; medians`,
      '',
      markdownTable(
        [
          'platform',
          `server's time (pages × ${delayMs} ms)`,
          'raw fetch, no consumer',
          'SDK, prefetch 0',
          `SDK, prefetch ${prefetchSettings.prefetch}`,
          'prefetch / raw',
          `target ≤ ${targets.prefetchOverServer}`,
        ],
        prefetch.map(([id, row]) => [
          rowName(id, row.listing),
          ms(row.serverTimeMs),
          ms(row.serverAloneMs),
          ms(row.withoutPrefetchMs),
          ms(row.withPrefetchMs),
          formatNumber(row.withPrefetchMs / row.serverAloneMs, 2),
          mark(row.withPrefetchMs / row.serverAloneMs <= targets.prefetchOverServer),
        ]),
      ),
      '',
    );
  }

  if (report.importTime.length > 0) {
    out.push(
      `Import time: fresh \`node\` processes, medians of ${report.importTime[0]!.runs} runs each`,
      '',
      markdownTable(
        ['what the process does', 'process wall time', 'the import itself', 'beyond a bare start', 'modules, source beyond ky + zod/mini'],
        report.importTime.map((row) => [
          row.name,
          ms(row.wallMs),
          Number.isFinite(row.importMs) ? `${formatNumber(row.importMs, 1)} ms` : '-',
          ms(row.addedMs),
          row.beyondDependencies ? `${row.beyondDependencies.modules} modules, ${kb(row.beyondDependencies.bytes)}` : '-',
        ]),
      ),
      '',
    );
    const pairs = [
      ["import('voiceplane/vox')", "import('ky') and import('zod/mini')", 'imported dynamically'],
      ["import 'voiceplane/vox' (static)", "import 'ky' and 'zod/mini' (static)", 'imported statically, the same loading order'],
    ] as const;
    for (const [entryName, dependenciesName, how] of pairs) {
      const dependencies = report.importTime.find((row) => row.name === dependenciesName);
      const vox = report.importTime.find((row) => row.name === entryName);
      if (!dependencies || !vox) continue;
      const beyond = vox.addedMs - dependencies.addedMs;
      const needed = vox.wallSamples && dependencies.wallSamples ? runsToShow(vox.wallSamples, dependencies.wallSamples, targets.importOverDependenciesMs) : null;
      out.push(
        `voiceplane/vox adds ${ms(beyond)} beyond ky and zod/mini alone (${how}): ` +
          `target ≤ ${targets.importOverDependenciesMs} ms ${mark(beyond <= targets.importOverDependenciesMs)}; ` +
          (needed === null
            ? 'no number of runs shows it at these figures.'
            : `runs of each needed to show it at 95 % confidence, from this run's spread: ${needed} (this run: ${vox.runs}).`),
        '',
      );
    }
  }

  if (report.size.length > 0) {
    out.push(
      'Size: min+brotli, with ky and zod/mini (size-limit)',
      '',
      markdownTable(
        ['bundle', 'size', 'budget'],
        report.size.map((row) => [
          row.name,
          kb(row.bytes),
          row.limitBytes === null ? '-' : `${kb(row.limitBytes)} ${row.passed ? 'met' : 'EXCEEDED'}`,
        ]),
      ),
      '',
    );
  }
  if (report.fleet) out.push(...fleetLines(report.fleet));
  if (report.notes.length > 0) {
    out.push('Notes: what was not measured, or measured otherwise than its heading says', '', ...report.notes.map((note) => `- ${note}`), '');
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
