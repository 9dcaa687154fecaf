// Import time of the built package, each sample a fresh `node` process (what hyperfine would do):
// the wall time from spawn to exit, and the time the import itself took inside the process.
import { timeProcess } from './processes.js';
import { median } from './stats.js';

export interface ImportContender {
  name: string;
  /** What the child process loads; empty for a bare Node start. */
  statement: string;
  module: boolean;
}

export const importContenders: readonly ImportContender[] = [
  { name: 'node, nothing imported', statement: '', module: true },
  { name: "import('ky')", statement: "await import('ky')", module: true },
  { name: "import('zod/mini')", statement: "await import('zod/mini')", module: true },
  { name: "import('ky') and import('zod/mini')", statement: "await Promise.all([import('ky'), import('zod/mini')])", module: true },
  { name: "import('voiceplane')", statement: "await import('voiceplane')", module: true },
  { name: "import('voiceplane/vox')", statement: "await import('voiceplane/vox')", module: true },
  { name: "require('voiceplane')", statement: "require('voiceplane')", module: false },
];

export interface ImportTiming {
  name: string;
  /** Medians over the runs, in milliseconds. */
  wallMs: number;
  importMs: number;
  /** The wall time beyond a bare Node start. */
  addedMs: number;
  runs: number;
}

function script(contender: ImportContender): string[] {
  // The package names itself: run from the repository root, `voiceplane` resolves to the build in dist/.
  const body = `const start = performance.now(); ${contender.statement}; console.log(performance.now() - start);`;
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
      samples[index]!.import.push(Number(output.trim()));
    }
  }
  const bare = median(samples[0]!.wall);
  return importContenders.map((contender, index) => {
    const wallMs = median(samples[index]!.wall);
    return { name: contender.name, wallMs, importMs: median(samples[index]!.import), addedMs: wallMs - bare, runs };
  });
}
