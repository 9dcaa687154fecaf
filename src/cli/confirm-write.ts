import type { CliIo } from './io.js';
import type { CommandSpec } from './commands-spec.js';
import { onStop } from './interrupt.js';
import { withoutControlCharacters } from './output/plain-text.js';
import { UsageError } from './usage-error.js';

/** The user said no: nothing was changed. Exit code 1, one line on stderr. */
export class DeclinedError extends Error {
  constructor() {
    super('nothing was changed: the write was not confirmed.');
    this.name = 'DeclinedError';
  }
}

/** Ctrl-C at the question: nothing was changed. Exit code 130, as for any interruption. */
export class PromptInterruptedError extends Error {
  constructor() {
    super('interrupted at the question: nothing was changed.');
    this.name = 'PromptInterruptedError';
  }
}

/** Whether a person can answer a question: stdin and stderr are a terminal, and the io can ask. */
function canAsk(io: CliIo): boolean {
  return io.stdinIsTTY === true && io.stderrIsTTY && io.confirm !== undefined;
}

/**
 * The one rule of every command that changes something. With --yes it goes ahead. Otherwise, on a
 * terminal (stdin and stderr), it says what will change and asks; `describe` looks the target up
 * first (the number and its current agent, the campaign's name and status), so it is called only
 * when the question is asked. In a pipe or a script, where nobody can answer, --yes is required:
 * a usage error before any request, the lookup included.
 */
export async function confirmWrite(io: CliIo, yes: boolean, spec: CommandSpec, describe: () => string | Promise<string>): Promise<void> {
  if (yes) return;
  if (!canAsk(io)) {
    throw new UsageError(`${spec.resource} ${spec.action} changes the platform: outside a terminal, pass --yes to confirm.`, { spec });
  }
  // The question holds the platform's text (a label, a campaign name): shown, never run by the terminal.
  const question = withoutControlCharacters(await describe());
  if (!(await io.confirm!(question))) throw new DeclinedError();
}

/**
 * Sends a write and waits for its answer. If the command is interrupted meanwhile (Ctrl-C), the
 * request may already have reached the platform: a line says so and how to check, before the
 * process exits with 130.
 */
export async function awaitWrite<T>(io: CliIo, what: string, howToCheck: string, write: () => Promise<T>): Promise<T> {
  const unregister = onStop((reason) => {
    if (reason !== 'interrupt') return;
    io.stderr.write(
      `\nvoiceplane: interrupted while ${withoutControlCharacters(what)} waited for its answer: it may have taken effect all the same. ` +
        `Check with: ${withoutControlCharacters(howToCheck)}\n`,
    );
  });
  try {
    return await write();
  } finally {
    unregister();
  }
}
