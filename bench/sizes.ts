// Bundle sizes as CI checks them: size-limit over the built package, with the budgets of .size-limit.js.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SizeFigure {
  name: string;
  /** min+brotli bytes */
  bytes: number;
  /** The budget in bytes; `null` for a figure reported without one. */
  limitBytes: number | null;
  passed: boolean;
}

export function measureSizes(): SizeFigure[] {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = spawnSync(process.execPath, ['node_modules/size-limit/bin.js', '--json'], { cwd: root, encoding: 'utf8' });
  const start = run.stdout.indexOf('[');
  if (start < 0) throw new Error(`size-limit printed no figures: ${run.stderr}`);
  const figures = JSON.parse(run.stdout.slice(start)) as { name: string; size: number; sizeLimit?: number; passed: boolean }[];
  return figures.map((figure) => ({
    name: figure.name,
    bytes: figure.size,
    limitBytes: figure.sizeLimit ?? null,
    passed: figure.passed,
  }));
}
