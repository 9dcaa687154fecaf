// Calls, in rows of their own beside the numbers ("<platform> (calls)"): the per-page cost of a calls
// listing in the throughput table, and the heap over a long calls listing in the memory table.
import type { ThroughputResult } from './child.js';
import { runChild } from './processes.js';
import type { BenchReport } from './report.js';
import { wireFigures } from './wire-figures.js';

/** The row name of a platform's calls in the report's tables. */
export const callsRow = (platform: string) => `${platform} (calls)`;

/** Calls listed in the memory check: a campaign's worth many times over. */
export const callsMemoryItems = 100_000;

/**
 * Times a calls listing of `total` calls (SDK, raw fetch, bare ky over the same pages) and adds its row.
 * A platform that lists calls only per campaign (Vogent) fails here, and the caller notes it.
 */
export async function measureCallsThroughput(
  report: BenchReport,
  task: { platform: string; serverUrl: string; total: number; rounds: number; warmups: number },
): Promise<void> {
  const result = await runChild<ThroughputResult>({ kind: 'throughput', listing: 'calls', ...task });
  report.throughput[callsRow(task.platform)] = wireFigures(task.platform, result);
}
