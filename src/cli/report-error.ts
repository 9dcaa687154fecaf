import { InvalidRequestError, UnsupportedOperationError } from '../index.js';
import type { CommandSpec } from './commands-spec.js';
import type { CliIo } from './io.js';
import { shortUsage } from './usage.js';
import { UsageError } from './usage-error.js';

export const exitCodes = { success: 0, failure: 1, usage: 2 } as const;

/** One line: a platform's message may hold newlines, and a key must never be echoed back. */
function oneLine(message: string, secret: string | undefined): string {
  const flat = message.replace(/\s*\n\s*/g, ' ').trim();
  return secret ? flat.split(secret).join('[redacted]') : flat;
}

/**
 * Writes a failure to stderr and returns the exit code: 2 for a mistake in the command (refused
 * before any request), 1 for a failure of the API or the connection. Never a stack.
 */
export function reportError(
  error: unknown,
  io: CliIo,
  context: { secret: string | undefined; spec: CommandSpec | undefined },
): number {
  const { secret, spec } = context;
  if (error instanceof UsageError) {
    io.stderr.write(`voiceplane: ${oneLine(error.message, secret)}\n${shortUsage(error.resource, error.spec)}\n`);
    return exitCodes.usage;
  }
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const line = `voiceplane: ${name}: ${oneLine(message, secret)}\n`;
  // The SDK refused the input before sending anything (a filter the platform lacks, say): a usage error.
  if (error instanceof InvalidRequestError || error instanceof UnsupportedOperationError) {
    io.stderr.write(`${line}${shortUsage(spec?.resource, spec)}\n`);
    return exitCodes.usage;
  }
  io.stderr.write(line);
  return exitCodes.failure;
}
