import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CampaignRecipient, ProviderId } from '../index.js';
import { FileRefusedError, megabytes, readBoundedFile } from './bounded-file.js';
import type { CommandSpec } from './commands-spec.js';
import type { CliIo } from './io.js';
import { refuseDuplicateRecipients } from './recipient-duplicates.js';
import { UsageError } from './usage-error.js';

/** Some hundred thousand recipients fit well within this; more is no list a platform takes in one campaign. */
export const maxRecipientsBytes = 50_000_000;

/** Recipients, each with where it was read (`people.csv line 3`), for messages. */
interface ReadRecipients {
  recipients: CampaignRecipient[];
  positions: string[];
}

/**
 * Reads the recipients of `campaigns create --recipients <file|->`: CSV with a header row, or NDJSON
 * (one JSON object a line), each with a `number` and, beside it, the recipient's variables. A file
 * named `.ndjson` or `.jsonl` is NDJSON, any other CSV; stdin is NDJSON when it starts with `{`.
 * A mistake is a usage error naming the line; nothing is sent.
 */
export async function readRecipients(source: string, io: CliIo, spec: CommandSpec, provider: ProviderId): Promise<CampaignRecipient[]> {
  const text = source === '-' ? await readStdin(io, spec) : await readNamedFile(source, io, spec);
  const ndjson = source === '-' ? text.trimStart().startsWith('{') : /\.(nd)?jsonl?$/i.test(source) || /\.ndjson$/i.test(source);
  const where = source === '-' ? 'stdin' : source;
  const { recipients, positions } = ndjson ? fromNdjson(text, where, spec) : fromCsv(text, where, spec);
  if (recipients.length === 0) throw new UsageError(`--recipients: ${where} holds no recipient.`, { spec });
  await refuseDuplicateRecipients(recipients, positions, provider, spec);
  return recipients;
}

async function readStdin(io: CliIo, spec: CommandSpec): Promise<string> {
  if (io.stdin === undefined || io.stdinIsTTY) {
    throw new UsageError('--recipients - reads the recipients from stdin: pipe a CSV or NDJSON file into the command.', { spec });
  }
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of io.stdin) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (bytes > maxRecipientsBytes) {
      throw new UsageError(`--recipients: stdin holds more than ${megabytes(maxRecipientsBytes)}; split the recipients into several campaigns.`, { spec });
    }
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

async function readNamedFile(file: string, io: CliIo, spec: CommandSpec): Promise<string> {
  try {
    return await readBoundedFile(resolve(io.cwd ?? process.cwd(), file), maxRecipientsBytes);
  } catch (error) {
    if (!(error instanceof FileRefusedError)) throw error;
    const { refusal } = error;
    const reason =
      refusal.kind === 'missing'
        ? ' (ENOENT)'
        : refusal.kind === 'unreadable'
          ? ` (${refusal.code})`
          : refusal.kind === 'not-regular'
            ? `: it is ${refusal.what}, not a regular file`
            : `: it is larger than ${megabytes(refusal.maxBytes)}; split the recipients into several campaigns`;
    throw new UsageError(`--recipients: cannot read ${file}${reason}.`, { spec });
  }
}

function recipientOf(record: Record<string, unknown>, where: string, spec: CommandSpec): CampaignRecipient {
  const { number, ...rest } = record;
  if (typeof number !== 'string' || number.trim() === '') throw new UsageError(`--recipients: ${where} has no "number".`, { spec });
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (typeof value !== 'string') throw new UsageError(`--recipients: ${where}: "${name}" must be text (got ${JSON.stringify(value)}).`, { spec });
    // An empty cell is a variable the recipient does not have.
    if (value !== '') variables[name] = value;
  }
  return Object.keys(variables).length > 0 ? { number: number.trim(), variables } : { number: number.trim() };
}

function fromNdjson(text: string, source: string, spec: CommandSpec): ReadRecipients {
  const recipients: CampaignRecipient[] = [];
  const positions: string[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`--recipients: ${source} line ${index + 1} is not JSON.`, { spec });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UsageError(`--recipients: ${source} line ${index + 1} must be an object such as {"number": "+14155550100"}.`, { spec });
    }
    positions.push(`${source} line ${index + 1}`);
    recipients.push(recipientOf(value as Record<string, unknown>, positions.at(-1)!, spec));
  }
  return { recipients, positions };
}

/** The header row, refused when a column is named twice: which `number` (or variable) is meant would be a guess. */
function checkHeader(header: string[], source: string, spec: CommandSpec): string[] {
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      throw new UsageError(`--recipients: ${source} line 1 names the column "${name}" twice; give each column once.`, { spec });
    }
    seen.add(name);
  }
  return header;
}

function fromCsv(text: string, source: string, spec: CommandSpec): ReadRecipients {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      columns: (header: string[]) => checkHeader(header, source, spec),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--recipients: ${source} is not valid CSV: ${(error as Error).message}`, { spec });
  }
  if (records.length > 0 && !('number' in records[0]!.record)) {
    throw new UsageError(`--recipients: ${source} needs a header row with a "number" column (got ${Object.keys(records[0]!.record).join(', ')}).`, { spec });
  }
  // The line a record ends on, counting the header as line 1 (a quoted cell may span lines).
  const positions = records.map(({ info }) => `${source} line ${info.lines}`);
  return { positions, recipients: records.map(({ record }, index) => recipientOf(record, positions[index]!, spec)) };
}
