import { InvalidRequestError, UnsupportedOperationError } from '../index.js';
import type { CommandSpec } from './commands-spec.js';
import type { CliIo } from './io.js';
import { withoutControlCharacters } from './output/plain-text.js';
import { shortUsage } from './usage.js';
import { UsageError } from './usage-error.js';

export const exitCodes = { success: 0, failure: 1, usage: 2 } as const;

/**
 * One line of plain text: a platform's message may hold newlines or a terminal escape sequence,
 * and a key must never be echoed back.
 */
function oneLine(message: string, secrets: readonly string[]): string {
  let flat = message;
  for (const secret of secrets) if (secret) flat = flat.split(secret).join('[redacted]');
  return withoutControlCharacters(flat.replace(/\s*\n\s*/g, ' ')).trim();
}

/** `<ErrorClass>: <message>` on one line, keys redacted. */
function describe(error: unknown, secrets: readonly string[]): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return `${name}: ${oneLine(message, secrets)}`;
}

/** The line of one platform that failed while the others were listed: `voiceplane: vox: AuthenticationError: ...`. */
export function platformFailureLine(provider: string, error: unknown, secrets: readonly string[]): string {
  return `voiceplane: ${provider}: ${describe(error, secrets)}\n`;
}

/**
 * Writes a failure to stderr and returns the exit code: 2 for a mistake in the command (refused
 * before any request), 1 for a failure of the API or the connection. Never a stack.
 */
export function reportError(
  error: unknown,
  io: CliIo,
  context: { secrets: readonly string[]; spec: CommandSpec | undefined },
): number {
  const { secrets, spec } = context;
  if (error instanceof UsageError) {
    io.stderr.write(`voiceplane: ${oneLine(error.message, secrets)}\n${shortUsage(error.resource, error.spec)}\n`);
    return exitCodes.usage;
  }
  const line = `voiceplane: ${describe(error, secrets)}\n`;
  // The SDK refused the input before sending anything (a filter the platform lacks, say): a usage error.
  if (error instanceof InvalidRequestError || error instanceof UnsupportedOperationError) {
    io.stderr.write(`${line}${shortUsage(spec?.resource, spec)}\n`);
    return exitCodes.usage;
  }
  io.stderr.write(line);
  return exitCodes.failure;
}
