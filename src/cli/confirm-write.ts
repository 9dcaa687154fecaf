import type { CliIo } from './io.js';
import type { CommandSpec } from './commands-spec.js';
import { UsageError } from './usage-error.js';

/** The user said no: nothing was changed. Exit code 1, one line on stderr. */
export class DeclinedError extends Error {
  constructor() {
    super('nothing was changed: the write was not confirmed.');
    this.name = 'DeclinedError';
  }
}

/**
 * Asks before a write: on a terminal (stdin and stderr) the question is asked unless --yes; in a
 * pipe or a script, where nobody can answer, --yes is required.
 */
export async function confirmWrite(io: CliIo, yes: boolean, question: string, spec: CommandSpec): Promise<void> {
  if (yes) return;
  if (!io.stdinIsTTY || !io.stderrIsTTY || io.confirm === undefined) {
    throw new UsageError(`${spec.resource} ${spec.action} changes the platform: outside a terminal, pass --yes to confirm.`, { spec });
  }
  if (!(await io.confirm(question))) throw new DeclinedError();
}
