import { InvalidRequestError, UnsupportedOperationError } from '../index.js';
import { redactedPlaceholder } from '../core/transport/redact.js';
import type { CommandSpec } from './commands-spec.js';
import type { CliIo } from './io.js';
import { withoutControlCharacters } from './output/plain-text.js';
import { shortUsage } from './usage.js';
import { UsageError } from './usage-error.js';
import { DeclinedError, PromptInterruptedError } from './confirm-write.js';

export const exitCodes = { success: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/**
 * A key shorter than this is no real credential (a test's "a", say): searching for it would turn
 * "platform" into "pl[redacted]tform" and hide the message for nothing.
 */
export const shortestRedactedKey = 8;

/** A key is replaced where it stands as a whole token, not inside a longer run of letters and digits. */
export function redactKeys(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length < shortestRedactedKey) continue;
    const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    redacted = redacted.replace(new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'g'), redactedPlaceholder);
  }
  return redacted;
}

/** The SDK's advice in its own option names, and the same advice in the command line's words. */
const cliWords: ReadonlyArray<readonly [RegExp, string]> = [
  [/Raise timeoutMs/g, 'Pass a longer --timeout <ms> (or timeoutMs in the config file)'],
  [/\braise maxRetries\b/gi, 'pass --max-retries <n>'],
  [/Pass apiKey to createClient, or set/g, 'Pass --api-key, or set'],
  [/Pass baseUrl to createClient, or set/g, 'Pass --base-url, or set'],
  [/ \(see the client option requestsPerSecond\)/g, ''],
];

/**
 * One line of plain text in the command line's words: a platform's message may hold newlines or a
 * terminal escape sequence, and a key must never be echoed back.
 */
function oneLine(message: string, secrets: readonly string[]): string {
  let flat = redactKeys(message, secrets);
  for (const [sdkWords, flagWords] of cliWords) flat = flat.replace(sdkWords, flagWords);
  return withoutControlCharacters(flat.replace(/\s*\n\s*/g, ' ')).trim();
}

/** `<ErrorClass>: <message>` on one line, keys redacted. */
function describe(error: unknown, secrets: readonly string[], provider?: string): string {
  const name = error instanceof Error ? error.name : 'Error';
  let message = error instanceof Error ? error.message : String(error);
  // "vox: ..." and "vox answered 401" under a line that already starts "vox:" would name it twice.
  if (provider !== undefined && message.startsWith(`${provider}:`)) message = message.slice(provider.length + 1);
  else if (provider !== undefined && message.startsWith(`${provider} `)) message = message.slice(provider.length + 1);
  return `${name}: ${oneLine(message, secrets)}`;
}

/** The line of one platform that failed while the others were listed: `voiceplane: vox: AuthenticationError: ...`. */
export function platformFailureLine(provider: string, error: unknown, secrets: readonly string[]): string {
  return `voiceplane: ${provider}: ${describe(error, secrets, provider)}\n`;
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
  if (error instanceof PromptInterruptedError) {
    io.stderr.write(`voiceplane: ${error.message}\n`);
    return exitCodes.interrupted;
  }
  if (error instanceof DeclinedError) {
    io.stderr.write(`voiceplane: ${error.message}\n`);
    return exitCodes.failure;
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
