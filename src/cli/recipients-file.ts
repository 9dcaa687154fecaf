import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CampaignRecipient } from '../index.js';
import type { CommandSpec } from './commands-spec.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/**
 * Reads the recipients of `campaigns create --recipients <file|->`: CSV with a header row, or NDJSON
 * (one JSON object a line), each with a `number` and, beside it, the recipient's variables. A file
 * named `.ndjson` or `.jsonl` is NDJSON, any other CSV; stdin is NDJSON when it starts with `{`.
 * A mistake is a usage error naming the line; nothing is sent.
 */
export async function readRecipients(source: string, io: CliIo, spec: CommandSpec): Promise<CampaignRecipient[]> {
  const text = source === '-' ? await readStdin(io, spec) : await readNamedFile(source, io, spec);
  const ndjson = source === '-' ? text.trimStart().startsWith('{') : /\.(nd)?jsonl?$/i.test(source) || /\.ndjson$/i.test(source);
  const where = source === '-' ? 'stdin' : source;
  const recipients = ndjson ? fromNdjson(text, where, spec) : fromCsv(text, where, spec);
  if (recipients.length === 0) throw new UsageError(`--recipients: ${where} holds no recipient.`, { spec });
  return recipients;
}

async function readStdin(io: CliIo, spec: CommandSpec): Promise<string> {
  if (io.stdin === undefined || io.stdinIsTTY) {
    throw new UsageError('--recipients - reads the recipients from stdin: pipe a CSV or NDJSON file into the command.', { spec });
  }
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

async function readNamedFile(file: string, io: CliIo, spec: CommandSpec): Promise<string> {
  try {
    return await readFile(resolve(io.cwd ?? process.cwd(), file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--recipients: cannot read ${file}${code ? ` (${code})` : ''}.`, { spec });
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

function fromNdjson(text: string, source: string, spec: CommandSpec): CampaignRecipient[] {
  const recipients: CampaignRecipient[] = [];
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
    recipients.push(recipientOf(value as Record<string, unknown>, `${source} line ${index + 1}`, spec));
  }
  return recipients;
}

function fromCsv(text: string, source: string, spec: CommandSpec): CampaignRecipient[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    throw new UsageError(`--recipients: ${source} is not valid CSV: ${(error as Error).message}`, { spec });
  }
  if (records.length > 0 && !('number' in records[0]!)) {
    throw new UsageError(`--recipients: ${source} needs a header row with a "number" column (got ${Object.keys(records[0]!).join(', ')}).`, { spec });
  }
  // Line numbers count the header as line 1.
  return records.map((record, index) => recipientOf(record, `${source} line ${index + 2}`, spec));
}
