// The benchmark's results: their JSON shape, the targets, and the Markdown tables printed.
import type { MemoryResult, PrefetchResult, ThroughputResult } from './child.js';
import type { ImportTiming } from './import-time.js';
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
  throughput: Record<
      PlatformId,
      {
        sdkItemsPerSecond: number;
        rawItemsPerSecond: number;
        kyItemsPerSecond: number;
        ratio: number;
        /** The lowest and highest ratio of one round (the SDK over raw fetch run side by side). */
        ratioRange: [number, number];
        /** Bare ky over raw fetch. */
        kyRatio: number;
        /** The SDK's time per page beyond bare ky's, in µs. */
        sdkOverKyMicrosecondsPerPage: number;
        /** The E.164 formatter's time over the listing's numbers, alone. */
        e164MsPerListing: number;
        /** The ratio with that time taken out of the SDK's. */
        ratioWithoutE164: number;
        /** What the throughput target leaves the SDK per page beyond bare ky's time, in µs. */
        targetLeavesBeyondKyMicrosecondsPerPage?: number;
        /** Validation, mapping, paging and `for await` per page, with no transport at all, in µs. */
        itemWorkMicrosecondsPerPage?: number;
        runs: ThroughputResult;
      }
    >;
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
  /** SDK items per second over raw fetch + JSON.parse items per second. */
  throughputRatio: 0.7,
  /** Heap after a full GC at the end of the million over the same at its first tenth. */
  heapAfterGcGrowthMb: 5,
  /** With prefetch, iteration time over the server's time alone (raw fetch of the same pages). */
  prefetchOverServer: 1.15,
  /** `import('voiceplane/vox')` beyond a bare start, less what ky and zod/mini alone add, in ms. */
  importOverDependenciesMs: 10,
};

const mark = (met: boolean) => (met ? 'met' : 'MISSED');
const ms = (value: number) => `${formatNumber(value)} ms`;
/** A figure in µs; "–" for one a results file from before it was measured does not have. */
const microseconds = (value: number | undefined) => (value === undefined ? '–' : `${formatNumber(value)} µs`);
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
    out.push(
      `Throughput: ${formatNumber(settings.listingItems)} numbers in pages of ${settings.pageSize}, medians of ${settings.rounds} interleaved rounds`,
      '',
      markdownTable(
        [
          'platform',
          'SDK for await (items/s)',
          'raw fetch + JSON.parse (items/s)',
          'bare ky (items/s)',
          'SDK / raw (rounds)',
          `target ≥ ${targets.throughputRatio}`,
          'ky / raw',
          'SDK beyond ky, per page',
          'the target leaves beyond ky, per page',
          'validation, mapping, paging alone (src/, no transport), per page',
          'E.164 per listing',
        ],
        throughput.map(([id, row]) => [
          id,
          formatNumber(row.sdkItemsPerSecond),
          formatNumber(row.rawItemsPerSecond),
          formatNumber(row.kyItemsPerSecond),
          `${formatNumber(row.ratio, 2)} (${formatNumber(row.ratioRange[0], 2)}-${formatNumber(row.ratioRange[1], 2)})`,
          mark(row.ratio >= targets.throughputRatio),
          formatNumber(row.kyRatio, 2),
          `${formatNumber(row.sdkOverKyMicrosecondsPerPage)} µs`,
          microseconds(row.targetLeavesBeyondKyMicrosecondsPerPage),
          microseconds(row.itemWorkMicrosecondsPerPage),
          ms(row.e164MsPerListing),
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
        ['what the process does', 'process wall time', 'the import itself', 'beyond a bare start'],
        report.importTime.map((row) => [row.name, ms(row.wallMs), `${formatNumber(row.importMs, 1)} ms`, ms(row.addedMs)]),
      ),
      '',
    );
    const dependencies = report.importTime.find((row) => row.name === "import('ky') and import('zod/mini')");
    const vox = report.importTime.find((row) => row.name === "import('voiceplane/vox')");
    if (dependencies && vox) {
      const beyond = vox.addedMs - dependencies.addedMs;
      out.push(
        `import('voiceplane/vox') adds ${ms(beyond)} beyond ky and zod/mini alone: ` +
          `target ≤ ${targets.importOverDependenciesMs} ms ${mark(beyond <= targets.importOverDependenciesMs)}`,
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
