// Import time of the built package, each sample a fresh `node` process (what hyperfine would do):
// the wall time from spawn to exit, and the time the import itself took inside the process.
import { timeProcess } from './processes.js';
import { moduleCosts } from './module-graph.js';
import { median, standardDeviation } from './stats.js';

export interface ImportContender {
  name: string;
  /** What the child process loads; empty for a bare Node start. */
  statement: string;
  module: boolean;
  /** Static imports: nothing runs before they are loaded, so the import itself is not timed. */
  static?: boolean;
  /** The SDK entry it imports, whose modules are counted. */
  entry?: string;
}

export const importContenders: readonly ImportContender[] = [
  { name: 'node, nothing imported', statement: '', module: true },
  { name: "import('ky')", statement: "await import('ky')", module: true },
  { name: "import('zod/mini')", statement: "await import('zod/mini')", module: true },
  { name: "import('ky') and import('zod/mini')", statement: "await Promise.all([import('ky'), import('zod/mini')])", module: true },
  // Static imports, as a package that depends on both loads them: every file is read before any runs,
  // so the WebAssembly compile of undici's HTTP parser, which ky's probe of `globalThis.Request` starts,
  // runs at the end, as it does under the SDK's entries, instead of while zod/mini's files load.
  { name: "import 'ky' and 'zod/mini' (static)", statement: "import 'ky'; import 'zod/mini'", module: true, static: true },
  { name: "import('voiceplane')", statement: "await import('voiceplane')", module: true, entry: 'voiceplane' },
  { name: "import('voiceplane/vox')", statement: "await import('voiceplane/vox')", module: true, entry: 'voiceplane/vox' },
  { name: "import 'voiceplane/vox' (static)", statement: "import 'voiceplane/vox'", module: true, static: true },
  { name: "require('voiceplane')", statement: "require('voiceplane')", module: false },
];

export interface ImportTiming {
  name: string;
  /** Medians over the runs, in milliseconds. */
  wallMs: number;
  /** `NaN` for static imports, which cannot be timed from inside the process. */
  importMs: number;
  /** The wall time beyond a bare Node start. */
  addedMs: number;
  runs: number;
  /** Each run's wall time, in ms. */
  wallSamples: number[];
  /** For an entry of the SDK: the modules and source bytes it loads at import beyond ky and zod/mini. */
  beyondDependencies?: { modules: number; bytes: number };
}

/**
 * How many runs of each of two contenders show, at 95 % one-sided confidence, that the first adds at
 * most `limitMs` beyond the second: the standard error of a median is about 1.25 σ/√n, so n such that
 * 1.645 × 1.25 × σ_difference/√n fits between the measured difference and the limit. `null` when
 * the measured difference is not below the limit (no number of runs shows it).
 */
export function runsToShow(entry: readonly number[], dependencies: readonly number[], limitMs: number): number | null {
  const difference = median(entry) - median(dependencies);
  if (!(difference < limitMs)) return null;
  const sigma = Math.sqrt(standardDeviation(entry) ** 2 + standardDeviation(dependencies) ** 2);
  return Math.max(3, Math.ceil(((1.645 * 1.2533 * sigma) / (limitMs - difference)) ** 2));
}

function script(contender: ImportContender): string[] {
  // The package names itself: run from the repository root, `voiceplane` resolves to the build in dist/.
  const body = contender.static ? contender.statement : `const start = performance.now(); ${contender.statement}; console.log(performance.now() - start);`;
  return contender.module ? ['--input-type=module', '-e', body] : ['-e', body];
}

/** Runs every contender `runs` times, round-robin so that a slow moment of the machine hits all alike. */
export async function measureImportTimes(runs: number): Promise<ImportTiming[]> {
  const samples = importContenders.map(() => ({ wall: [] as number[], import: [] as number[] }));
  for (let round = 0; round < runs + 2; round++) {
    for (const [index, contender] of importContenders.entries()) {
      const { wallMs, output } = await timeProcess(process.execPath, script(contender));
      // The first two rounds warm the OS file cache and are not counted.
      if (round < 2) continue;
      samples[index]!.wall.push(wallMs);
      samples[index]!.import.push(contender.static ? Number.NaN : Number(output.trim()));
    }
  }
  const bare = median(samples[0]!.wall);
  const entries = importContenders.filter((contender) => contender.entry);
  const costs = moduleCosts(entries.map((contender) => contender.entry!));
  return importContenders.map((contender, index) => {
    const wallMs = median(samples[index]!.wall);
    const cost = contender.entry ? costs[entries.indexOf(contender)] : undefined;
    return {
      name: contender.name,
      wallMs,
      importMs: median(samples[index]!.import),
      addedMs: wallMs - bare,
      runs,
      wallSamples: samples[index]!.wall,
      ...(cost ? { beyondDependencies: { modules: cost.modules, bytes: cost.bytes } } : {}),
    };
  });
}
