// Calls, in rows of their own beside the numbers ("<platform> (calls)"): the per-page cost of a calls
// listing in the throughput table, and the heap over a long calls listing in the memory table.
import type { ThroughputResult, UnlistedResult } from './child.js';
import { runChild } from './processes.js';
import type { BenchReport } from './report.js';
import { wireFigures } from './wire-figures.js';

/** The row name of a platform's calls in the report's tables. */
export const callsRow = (platform: string) => `${platform} (calls)`;

/** Calls listed in the memory check: a campaign's worth many times over. */
export const callsMemoryItems = 100_000;

/**
 * Why the platform's calls are not measured, as one line for the report's notes, or `null` when
 * they are listed account-wide: the SDK is asked (its operations, and whether it refuses a listing
 * without a campaign before sending anything), not a list of platforms.
 */
export async function callsNotListed(task: { platform: string; serverUrl: string; total: number }): Promise<string | null> {
  const { unlisted } = await runChild<{ unlisted: UnlistedResult['unlisted'] | null }>({ kind: 'unlisted', listing: 'calls', ...task });
  return unlisted === null ? null : `calls, ${task.platform}: not measured: ${unlisted}`;
}

/**
 * Times a calls listing of `total` calls (SDK, raw fetch, bare ky over the same pages) and adds its
 * row, with a note when the platform's double holds fewer calls than that.
 */
export async function measureCallsThroughput(
  report: BenchReport,
  task: { platform: string; serverUrl: string; total: number; rounds: number; warmups: number },
): Promise<void> {
  const result = await runChild<ThroughputResult>({ kind: 'throughput', listing: 'calls', ...task });
  report.throughput[callsRow(task.platform)] = wireFigures(task.platform, result);
  if (result.items < task.total) {
    report.notes.push(
      `calls throughput, ${task.platform}: ${result.items.toLocaleString('en-US')} calls, not ${task.total.toLocaleString('en-US')}: ` +
        "the platform's double derives its calls from its seed and holds no more.",
    );
  }
}
