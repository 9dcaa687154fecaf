// `npm run bench`: builds the package, then measures it against raw fetch over a loopback server
// in its own process. Prints Markdown tables and writes bench-results/latest.json.
//   --rounds <n>      measured rounds of the throughput comparison (default 21)
//   --only <ids>      comma-separated platforms (default: every provider of the registry with a sandbox double)
//   --sections <list> comma-separated: throughput, memory, prefetch, calls, import, size, fleet (default: all)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { callsMemoryItems, callsNotListed, callsRow, measureCallsThroughput } from './calls.js';
import type { MemoryResult, PagingResult, PrefetchResult, ThroughputResult } from './child.js';
import { measureFleet } from './fleet.js';
import { measureImportTimes } from './import-time.js';
import type { Listing } from './listings.js';
import { pageSize, platformIds } from './platforms.js';
import { runChild, startServer } from './processes.js';
import { printReport, type BenchReport } from './report.js';
import { wireFigures, wireName } from './wire-figures.js';
import { measureSizes } from './sizes.js';
import { median } from './stats.js';

const settings = {
  listingItems: 10_000,
  memoryItems: 1_000_000,
  /**
   * A memory listing projected to take longer than this (a double that copies or sorts its whole list
   * for every page) is measured again over a tenth of the items, down to `listingItems`.
   */
  memoryListingMaxSeconds: 120,
  /** Items of the listing that finds whether a platform's list pages. */
  pagingProbeItems: 1_000,
  cappedOldSpaceMb: 64,
  warmups: 2,
  /**
   * The listings measured on every platform that offers them, each a wire of its own: one entry
   * each (a platform that does not offer a listing gets a note, not a row).
   */
  wireListings: ['phoneNumbers'] as Listing[],
  prefetch: { delayMs: 20, consumerMs: 10, prefetch: 2, rounds: 3 },
  importRuns: 25,
};

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '21' },
    only: { type: 'string', default: platformIds.join(',') },
    sections: { type: 'string', default: 'throughput,memory,prefetch,calls,import,size,fleet' },
  },
});
const rounds = Number(values.rounds);
const only = values.only.split(',').filter((id) => platformIds.includes(id));
const sections = new Set(values.sections.split(','));

const report: BenchReport = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg(),
    loadAverageAtEnd: [],
  },
  node: process.version,
  commit: gitCommit(),
  settings: { ...settings, pageSize, rounds },
  throughput: {},
  memory: {},
  prefetch: {},
  importTime: [],
  size: [],
  notes: [],
};

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Runs one section of one platform; a failure (a double that cannot serve the listing) becomes a note. */
async function measured<Value>(section: string, platform: string, run: () => Promise<Value>): Promise<Value | undefined> {
  try {
    return await run();
  } catch (error) {
    log(`${section}: ${platform} failed: ${(error as Error).message}`);
    report.notes.push(`${section}, ${platform}: not measured, the run failed (${(error as Error).message}); see the run's stderr.`);
    return undefined;
  }
}

const describeListing = (listing: Listing) => (listing === 'phoneNumbers' ? 'numbers' : listing);

/**
 * The listing memory and prefetch measure: the platform's numbers when they come in pages, else its
 * campaigns when those do; `null` (with a note) when neither pages.
 */
async function streamingListing(platform: string): Promise<Listing | null> {
  const pages = await runChild<PagingResult>({ kind: 'paging', platform, serverUrl: server.url, total: settings.pagingProbeItems });
  if ((pages.phoneNumbers ?? 0) > 1) return 'phoneNumbers';
  const items = settings.pagingProbeItems.toLocaleString('en-US');
  if ((pages.campaigns ?? 0) > 1) {
    report.notes.push(
      `memory and prefetch, ${platform}: the platform answers its numbers in one page (${items} numbers, one answer), so nothing ` +
        'of them streams or is fetched ahead; these rows list its campaigns, which it pages.',
    );
    return 'campaigns';
  }
  report.notes.push(`memory and prefetch, ${platform}: the platform answers its lists in one page; nothing streams or is fetched ahead.`);
  return null;
}

/**
 * Memory over `settings.memoryItems` items; where the platform's double would take longer than
 * `memoryListingMaxSeconds` for that many (its work for a page grows with the list), over a tenth as
 * many, and so on down to `listingItems`, with a note saying so.
 */
async function measureMemory(platform: string, listing: Listing, firstTotal = settings.memoryItems, row = platform): Promise<void> {
  const slower: string[] = [];
  for (let total = firstTotal; total >= settings.listingItems; total /= 10) {
    log(`memory: ${platform} (${describeListing(listing)}, ${total.toLocaleString('en-US')} items: SDK, raw, SDK with a capped heap)`);
    const task = { kind: 'memory', platform, listing, serverUrl: server.url, total } as const;
    // The SDK's run decides the item count; the others then run to the end however long they take.
    const sdk = await runChild<MemoryResult>({ ...task, contender: 'sdk', maxSeconds: settings.memoryListingMaxSeconds }, ['--expose-gc']);
    if (sdk.tooSlow) {
      const projected = `${Math.round(sdk.tooSlow.projectedSeconds).toLocaleString('en-US')} s`;
      const perPage = `${sdk.tooSlow.msPerPage.toFixed(0)} ms`;
      log(`memory: ${platform}: ${perPage} a page at ${total.toLocaleString('en-US')} items, about ${projected} for the listing`);
      slower.push(`${perPage} a page on a list of ${total.toLocaleString('en-US')}, about ${projected} for the listing`);
      continue;
    }
    if (slower.length > 0) {
      report.notes.push(
        `memory, ${platform}: ${total.toLocaleString('en-US')} items, not ${settings.memoryItems.toLocaleString('en-US')}: the platform's ` +
          `double took ${slower.join('; ')} (its work for a page grows with its list), beyond the ${settings.memoryListingMaxSeconds} s ` +
          'a memory listing is given.',
      );
    }
    if (sdk.skipped) {
      log(`memory: ${platform} ${sdk.skipped}`);
      report.notes.push(`memory, ${platform}: ${sdk.skipped}.`);
      return;
    }
    // The raw contender replays the SDK's pages, recorded by another process so that its own heap starts fresh.
    mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
    const pagesFile = fileURLToPath(new URL(`../bench-results/pages-${platform}-${listing}.json`, import.meta.url));
    let raw: MemoryResult;
    try {
      await runChild<{ pages: number }>({ kind: 'record', platform, listing, serverUrl: server.url, total, pagesFile });
      raw = await runChild<MemoryResult>({ ...task, contender: 'raw', pagesFile }, ['--expose-gc']);
    } finally {
      rmSync(pagesFile, { force: true });
    }
    // With the old generation capped, a listing that held on to its items would die out of memory.
    const capped = await runChild<MemoryResult>({ ...task, contender: 'sdk' }, ['--expose-gc', `--max-old-space-size=${settings.cappedOldSpaceMb}`]);
    for (const [run, result] of [['raw fetch', raw], ['capped SDK', capped]] as const) {
      if (result.skipped) report.notes.push(`memory, ${platform}: the ${run} run was ${result.skipped}; its figures read 0.`);
    }
    // A calls listing stops at its total; fewer calls are all a double that derives its calls holds.
    const short = listing === 'calls' && sdk.items < total;
    if (short && sdk.items < settings.listingItems) {
      report.notes.push(
        `memory, ${platform}: not measured: the platform's double derives ${sdk.items.toLocaleString('en-US')} calls from its seed ` +
          `and holds no more, too few pages (${Math.ceil(sdk.items / pageSize)}) to watch a heap over.`,
      );
      return;
    }
    if (short) {
      report.notes.push(
        `memory, ${platform}: ${sdk.items.toLocaleString('en-US')} ${describeListing(listing)}, not ${total.toLocaleString('en-US')}: ` +
          "the platform's double derives them from its seed and holds no more.",
      );
    }
    report.memory[row] = { listing, items: short ? sdk.items : total, sdk, raw, capped };
    return;
  }
  report.notes.push(`memory, ${platform}: not measured: the platform's double took ${slower.join('; ')}.`);
}

const server = await startServer();
try {
  for (const platform of only) {
    if (sections.has('throughput')) {
      for (const listing of settings.wireListings) {
        const wire = wireName(platform, listing);
        await measured('throughput', wire, async () => {
          log(`throughput: ${wire}`);
          const result = await runChild<ThroughputResult>({
            kind: 'throughput',
            platform,
            listing,
            serverUrl: server.url,
            total: settings.listingItems,
            rounds,
            warmups: settings.warmups,
          });
          report.throughput[wire] = wireFigures(platform, result);
        });
      }
    }
    if (sections.has('calls')) {
      const task = { platform, serverUrl: server.url, total: settings.listingItems, rounds, warmups: settings.warmups };
      const notListed = await measured('calls', platform, () => callsNotListed(task));
      if (notListed) {
        log(notListed);
        report.notes.push(`${notListed}.`);
      } else if (notListed === null) {
        await measured('calls throughput', platform, () => measureCallsThroughput(report, task));
        await measured('calls memory', platform, () => measureMemory(platform, 'calls', callsMemoryItems, callsRow(platform)));
      }
    }
    if (!sections.has('memory') && !sections.has('prefetch')) continue;
    // A list the platform answers in one page holds every item at once: nothing streams or is fetched
    // ahead. Memory and prefetch then list the platform's campaigns, where those page.
    const streamed = await measured('paging', platform, () => streamingListing(platform));
    if (!streamed) continue;
    if (sections.has('memory')) await measured('memory', platform, () => measureMemory(platform, streamed));
    if (sections.has('prefetch')) await measured('prefetch', platform, async () => {
      log(`prefetch: ${platform} (${describeListing(streamed)})`);
      const result = await runChild<PrefetchResult>({
        kind: 'prefetch',
        platform,
        listing: streamed,
        serverUrl: server.url,
        total: settings.listingItems,
        ...settings.prefetch,
      });
      report.prefetch[platform] = {
        listing: streamed,
        serverTimeMs: result.pages * settings.prefetch.delayMs,
        serverAloneMs: median(result.serverAlone),
        withoutPrefetchMs: median(result.withoutPrefetch),
        withPrefetchMs: median(result.withPrefetch),
        runs: result,
      };
    });
  }
} finally {
  server.stop();
}

if (sections.has('import')) {
  log(`import time: ${settings.importRuns} runs of each`);
  report.importTime = await measureImportTimes(settings.importRuns);
}
if (sections.has('size')) {
  log('size: size-limit');
  report.size = measureSizes();
}
if (sections.has('fleet')) report.fleet = await measureFleet(log);

report.machine.loadAverageAtEnd = loadavg();
const resultsFolder = new URL('../bench-results/', import.meta.url);
mkdirSync(resultsFolder, { recursive: true });
writeFileSync(new URL('latest.json', resultsFolder), `${JSON.stringify(report, null, 2)}\n`);
printReport(report);
log('written: bench-results/latest.json');
