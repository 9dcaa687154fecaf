import type { FlagValues } from './args.js';
import type { CommandSpec } from './commands-spec.js';
import { environmentPrefixOf, isProviderId } from './accepted-values.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** A key is a line of text: anything longer on stdin is not a key. */
const maxKeyBytes = 64 * 1024;

async function readKey(io: CliIo, spec: CommandSpec): Promise<string> {
  if (io.stdin === undefined || io.stdinIsTTY) {
    throw new UsageError('--api-key-stdin reads the key from stdin: pipe it in, such as: pass show vox | voiceplane ... --api-key-stdin.', { spec });
  }
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.length > maxKeyBytes) throw new UsageError('--api-key-stdin: stdin holds more than a key; give the key alone, on one line.', { spec });
  }
  text += decoder.decode();
  // The key is the first line; the newline that `echo` or a file adds is no part of it.
  const key = text.split(/\r?\n/)[0]!.trim();
  if (key === '') throw new UsageError('--api-key-stdin: stdin holds no key.', { spec });
  return key;
}

/**
 * The key flags of a one-platform command, resolved: `--api-key-stdin` reads the key from stdin
 * (nothing shows it); `--api-key <key>` is taken but warned about, since every user of the machine
 * can read a command line in the process list, and the shell keeps it in its history.
 */
export async function resolveApiKeyFlags(flags: FlagValues, io: CliIo, spec: CommandSpec): Promise<FlagValues> {
  if (flags['api-key-stdin'] !== true) {
    if (flags['api-key'] !== undefined) {
      const provider = flags.provider;
      const variable = provider !== undefined && isProviderId(provider) ? `${environmentPrefixOf(provider)}_API_KEY` : '<PREFIX>_API_KEY';
      io.stderr.write(
        `voiceplane: warning: --api-key shows the key to every user of this machine (the process list) and in the shell history; ` +
          `set ${variable} or pass the key with --api-key-stdin.\n`,
      );
    }
    return flags;
  }
  if (flags['api-key'] !== undefined) throw new UsageError('--api-key and --api-key-stdin exclude each other: give one.', { spec });
  if (flags.recipients === '-') {
    throw new UsageError('--api-key-stdin and --recipients - both read stdin: give the recipients as a file, or the key in an environment variable.', { spec });
  }
  return { ...flags, 'api-key': await readKey(io, spec) };
}
