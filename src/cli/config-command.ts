import type { FlagValues } from './args.js';
import { defaultConfigFile, permissionWarning, readConfigFile } from './config-file.js';
import type { CliIo } from './io.js';
import { exitCodes } from './report-error.js';

/**
 * `voiceplane config`: the path of the config file --all and `numbers find` would read (stdout),
 * then which platforms it lists and whether it was named or found (stderr). No value is shown.
 */
export async function showConfig(flags: FlagValues, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const file = await readConfigFile(flags.config, cwd, undefined);
  if (file === null) {
    io.stderr.write(`voiceplane: no ${defaultConfigFile} in ${cwd} or a directory above it; name one with --config <file>.\n`);
    return exitCodes.failure;
  }
  io.stdout.write(`${file.path}\n`);
  const platforms = Object.keys(file.platforms);
  io.stderr.write(`platforms: ${platforms.length > 0 ? platforms.join(', ') : 'none'}\n`);
  io.stderr.write(
    file.named
      ? 'named with --config: its baseUrl values are used with keys from the environment too.\n'
      : 'found by searching up from the working directory: a baseUrl in it is used only with a key from the same file.\n',
  );
  const warning = await permissionWarning(file);
  if (warning !== null) io.stderr.write(`voiceplane: ${warning}\n`);
  return exitCodes.success;
}
