import { resolveApiKeyFlags } from './api-key-input.js';
import { parseCommandLine } from './args.js';
import type { CommandSpec } from './commands-spec.js';
import { execute } from './commands.js';
import { completionScript } from './completion.js';
import { showConfig } from './config-command.js';
import { connect } from './connect.js';
import { executeHub } from './hub-commands.js';
import { connectHub } from './hub-connect.js';
import { isHubCommand, toHubInvocation, type HubInvocation } from './hub-invocation.js';
import type { CliIo } from './io.js';
import { toInvocation } from './invocation.js';
import { environmentPrefixOf } from './accepted-values.js';
import { readNumber } from './read-number.js';
import { readRecipients } from './recipients-file.js';
import { exitCodes, reportError } from './report-error.js';
import { commandHelp, mainHelp, resourceHelp } from './usage.js';
import { packageVersion } from './version.js';

/** `--all` and `numbers find`: a hub over every configured platform (or every platform of a sandbox). */
async function runOverHub(invocation: HubInvocation, io: CliIo, secrets: string[]): Promise<number> {
  // A number that cannot be read is refused before a sandbox starts or a file is read.
  if (invocation.spec.action === 'find' || invocation.spec.action === 'route') await readNumber(invocation);
  const connection = await connectHub(invocation, io, secrets);
  try {
    return await executeHub(invocation, connection.hub, io, secrets);
  } finally {
    await connection.close();
  }
}

/**
 * The `voiceplane` command: runs argv (without `node` and the script) and resolves to the exit
 * code. Never throws and never exits the process, so tests run it in-process with a fake `io`.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // Every key the command holds: none may appear in what it prints.
  const secrets: string[] = [];
  let spec: CommandSpec | undefined;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') {
      const text = parsed.spec ? commandHelp(parsed.spec) : parsed.resource ? resourceHelp(parsed.resource) : mainHelp();
      io.stdout.write(`${text}\n`);
      return exitCodes.success;
    }
    if (parsed.kind === 'version') {
      io.stdout.write(`${await packageVersion()}\n`);
      return exitCodes.success;
    }
    if (parsed.kind === 'completion') {
      io.stdout.write(completionScript(parsed.shell));
      return exitCodes.success;
    }
    if (parsed.kind === 'config') return await showConfig(parsed.flags, io);
    spec = parsed.spec;
    if (parsed.flags['api-key'] !== undefined) secrets.push(parsed.flags['api-key']);
    if (isHubCommand(parsed.spec, parsed.flags)) {
      return await runOverHub(toHubInvocation(parsed.spec, parsed.id, parsed.flags, io.stdoutIsTTY), io, secrets);
    }
    const flags = await resolveApiKeyFlags(parsed.flags, io, parsed.spec);
    if (flags['api-key'] !== undefined) secrets.push(flags['api-key']);
    const invocation = toInvocation(parsed.spec, parsed.id, flags, io.stdoutIsTTY);
    // The key the environment gives this provider is sent too: no message may echo it either.
    const environmentKey = io.env[`${environmentPrefixOf(invocation.provider)}_API_KEY`];
    if (environmentKey !== undefined && environmentKey.trim() !== '') secrets.push(environmentKey, environmentKey.trim());
    // Read before any connection: a bad file is refused before a sandbox starts or a request is sent.
    const recipients = invocation.campaign ? await readRecipients(invocation.campaign.recipientsSource, io, invocation.spec, invocation.provider) : [];
    const connection = await connect(invocation, io.env);
    try {
      await execute(invocation, connection.client, io, recipients);
    } finally {
      await connection.close();
    }
    return exitCodes.success;
  } catch (error) {
    return reportError(error, io, { secrets, spec });
  }
}
