import { createInterface } from 'node:readline';
import { PromptInterruptedError } from './confirm-write.js';

/** Where the command line reads and writes: the real process, or a fake one in tests. */
export interface CliIo {
  /** Receives the data: items in the chosen format, help texts asked for with --help. */
  stdout: { write(text: string): unknown };
  /** Receives everything else: errors, usage, progress, confirmations. */
  stderr: { write(text: string): unknown };
  /** Whether stdout is a terminal: decides the default format. */
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal: the progress line is drawn only there. */
  stderrIsTTY: boolean;
  /** How many columns the terminal of stdout has, when it is one: a table is fitted to it. */
  stdoutColumns?: number | undefined;
  /** The environment, read for the API key variables before any request. */
  env: Record<string, string | undefined>;
  /** Milliseconds on a monotonic clock, for the progress line's rate. */
  now(): number;
  /** What `--recipients -` reads. Default: nothing (a write from stdin then needs a file instead). */
  stdin?: AsyncIterable<string | Uint8Array>;
  /** Whether stdin is a terminal: a write asks for confirmation only when both stdin and stderr are one. */
  stdinIsTTY?: boolean;
  /**
   * Asks a yes/no question on the terminal; resolves to the answer, rejects with
   * `PromptInterruptedError` on Ctrl-C. Used only when stdin and stderr are terminals.
   */
  confirm?(question: string): Promise<boolean>;
  /** Where the search for `voiceplane.config.json` starts and a `--config` path is read from. Default: the process's. */
  cwd?: string;
}

/** The running process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutColumns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
    env: process.env,
    now: () => performance.now(),
    cwd: process.cwd(),
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    confirm: (question) => askOnTerminal(question),
  };
}

/**
 * Asks on the terminal (question on `output`, answer from `input`); only "y" or "yes" agrees, and
 * the end of the input (Ctrl-D) is a no. Ctrl-C rejects with `PromptInterruptedError`: the terminal
 * is in raw mode while readline reads, so Ctrl-C reaches readline as a key, not the process as a signal.
 */
export function askOnTerminal(
  question: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
  terminal?: boolean,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const reader = createInterface({ input, output, ...(terminal !== undefined ? { terminal } : {}) });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      reader.close();
      finish();
    };
    reader.on('SIGINT', () => {
      output.write('\n');
      settle(() => reject(new PromptInterruptedError()));
    });
    reader.on('close', () => settle(() => resolve(false)));
    reader.question(`${question} [y/N] `, (answer) => settle(() => resolve(/^y(es)?$/i.test(answer.trim()))));
  });
}
