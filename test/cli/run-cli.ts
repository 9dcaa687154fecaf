import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Child processes start a node with tsx each: slow on a loaded machine, so their tests get more than the default time. */
export const childProcessTimeout = 60_000;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a child: no platform variable of the machine running the tests leaks in,
 * so each test says exactly what the command line sees.
 */
function childEnvironment(extra: Record<string, string>): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP']) {
    const value = process.env[name];
    if (value !== undefined) environment[name] = value;
  }
  return { ...environment, ...extra };
}

/** Spawns a command from the repository root with pipes (never a terminal) and collects its output. */
export function spawnInRoot(command: string, args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: childEnvironment(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `voiceplane <args>` from the sources, as a child process, through tsx. */
export function runCli(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return spawnInRoot(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], extraEnv);
}

/** The lines of an ndjson output, parsed. */
export function ndjsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
