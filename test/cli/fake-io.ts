import type { CliIo } from '../../src/cli/io.js';

/** A fake terminal (or pipe) for `run()`: collects both streams; the clock moves 100 ms each time it is read. */
export function fakeIo(
  options: { stdoutIsTTY?: boolean; stderrIsTTY?: boolean; env?: Record<string, string>; cwd?: string } = {},
) {
  const output = { stdout: '', stderr: '' };
  let clock = 0;
  const io: CliIo = {
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
    now: () => (clock += 100),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  };
  return { io, output };
}
