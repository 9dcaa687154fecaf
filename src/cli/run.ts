import { parseCommandLine } from './args.js';
import type { CommandSpec } from './commands-spec.js';
import { execute } from './commands.js';
import { connect } from './connect.js';
import type { CliIo } from './io.js';
import { toInvocation } from './invocation.js';
import { exitCodes, reportError } from './report-error.js';
import { commandHelp, mainHelp, resourceHelp } from './usage.js';

/**
 * The `voiceplane` command: runs argv (without `node` and the script) and resolves to the exit
 * code. Never throws and never exits the process, so tests run it in-process with a fake `io`.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let secret: string | undefined;
  let spec: CommandSpec | undefined;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') {
      const text = parsed.spec ? commandHelp(parsed.spec) : parsed.resource ? resourceHelp(parsed.resource) : mainHelp();
      io.stdout.write(`${text}\n`);
      return exitCodes.success;
    }
    secret = parsed.flags['api-key'];
    spec = parsed.spec;
    const invocation = toInvocation(parsed.spec, parsed.id, parsed.flags, io.stdoutIsTTY);
    const connection = await connect(invocation, io.env);
    try {
      await execute(invocation, connection.client, io);
    } finally {
      await connection.close();
    }
    return exitCodes.success;
  } catch (error) {
    return reportError(error, io, { secret, spec });
  }
}
