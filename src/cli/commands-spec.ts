import {
  operationRow,
  resourceNames,
  resourceTable,
  type OperationName,
  type OperationRow,
  type ResourceName,
} from '../core/contract/resource-table.js';
import { cliDetailsOf, extraCommands, filterFlags, resourceWords } from './command-details.js';
import { providerOptionFlags } from './provider-options.js';

// The subcommands follow from the SDK's resource table: a resource is a command (`numbers`,
// `campaigns`, `calls`, `agents`), each of its operations a subcommand named as the operation, with
// the table's summary. What the table cannot say (the flags of a create, the words of a question)
// is in command-details.ts, by operation name.

/** A command word: the command line's name of a resource (`numbers` for `phoneNumbers`). */
export type Resource = string;
/** A subcommand word: an operation's short name (`list`, `get`, `pause`), or `find` and `route`. */
export type Action = string;

/** One subcommand: the SDK operation behind it, its positional id, and the flags it takes beyond the common ones. */
export interface CommandSpec {
  /** The command word, e.g. `numbers`. */
  resource: Resource;
  /** The resource of the table, e.g. `phoneNumbers`. */
  tableResource: ResourceName;
  action: Action;
  operation: OperationName;
  /** Whether it changes something: it asks on a terminal and needs --yes in a pipe. */
  writes: boolean;
  takesId: boolean;
  /** What the positional argument is, for the message when it is missing: "the id of the number". */
  operand?: string;
  flags: readonly string[];
  /** The unified statuses --status takes here; absent where it takes none. */
  statuses?: readonly string[];
  /** One line: what the subcommand does. */
  summary: string;
  /** The synopsis after `voiceplane <resource> <action>`. */
  synopsis: string;
}

/** Flags every subcommand takes. */
export const commonFlags = [
  'provider',
  'sandbox',
  'format',
  'api-key',
  'api-key-stdin',
  'base-url',
  ...providerOptionFlags.map(({ flag }) => flag),
  'timeout',
  'max-retries',
  'quiet',
  'wide',
  'bom',
  'help',
  'version',
] as const;

/** "phone numbers" from "phone number". */
export function pluralOf(noun: string): string {
  return noun.endsWith('s') ? noun : `${noun}s`;
}

/** A table row's summary in the command line's words: the SDK's call syntax left out. */
function summaryOf(resource: ResourceName, operation: string, row: OperationRow, acrossPlatforms: boolean): string {
  const noun = resourceTable[resource].noun;
  if (row.kind === 'list') {
    const all = acrossPlatforms ? ': of one platform, or of every configured one with --all' : '';
    return `List ${pluralOf(noun)}, page after page${all}.`;
  }
  if (operation === 'get' && row.kind === 'byId') return `Show one ${noun}.`;
  return row.summary.replace(/ Never retried\.$/, '').replace(/`/g, '');
}

/** The subcommand of one operation of the table, or `undefined` where the command line has none (a create without its flags). */
function specOf(resource: ResourceName, operation: string): CommandSpec | undefined {
  const name = `${resource}.${operation}` as OperationName;
  const row = operationRow(name);
  const details = cliDetailsOf(name);
  const word = resourceWords[resource] ?? resource;
  // The hub has a listing for every list of the table: each runs over every configured platform with --all.
  const acrossPlatforms = row.kind === 'list';
  const base = { resource: word, tableResource: resource, action: operation, operation: name };
  const summary = details?.summary ?? summaryOf(resource, operation, row, acrossPlatforms);
  switch (row.kind) {
    case 'list': {
      const filters = (row.filters ?? []).flatMap((filter) => (filterFlags[filter] ? [filterFlags[filter]] : []));
      const flags = ['limit', ...(row.statuses ? ['status'] : []), ...filters.map((filter) => filter.flag), ...(acrossPlatforms ? ['all', 'config'] : [])];
      const synopsis = [
        acrossPlatforms ? '(--provider <id> | --all)' : '--provider <id>',
        ...(row.statuses ? ['[--status <status>]'] : []),
        ...filters.map((filter) => `[--${filter.flag} <${filter.placeholder}>]`),
        '[--limit <n>] [options]',
      ].join(' ');
      return { ...base, writes: false, takesId: false, flags, ...(row.statuses ? { statuses: row.statuses } : {}), summary, synopsis };
    }
    case 'byId':
    case 'byIdWith': {
      const writes = operation !== 'get';
      const own = details?.flags ?? [];
      const flags = [...own, ...(writes ? ['yes'] : [])];
      const synopsis = ['<id> --provider <id>', details?.synopsis, writes ? '[--yes]' : undefined, '[options]'].filter(Boolean).join(' ');
      return { ...base, writes, takesId: true, flags, summary, synopsis };
    }
    case 'create':
    case 'update': {
      // A write needs its input from flags: without the command line's words for them, no subcommand.
      if (!details) return undefined;
      const takesId = row.kind === 'update';
      const synopsis = [takesId ? '<id> --provider <id>' : '--provider <id>', details.synopsis, '[--yes] [options]'].filter(Boolean).join(' ');
      return {
        ...base,
        writes: true,
        takesId,
        flags: [...(details.flags ?? []), 'yes'],
        ...(details.statuses ? { statuses: details.statuses } : {}),
        summary,
        synopsis,
      };
    }
    case 'listBy':
      // The items of one owner: `numbers list` shows each number's agent already.
      return undefined;
  }
}

/** A resource's operations as help lists them: `list` and `get` first, then the others in the table's order. */
function readsFirst(operations: readonly string[]): string[] {
  const reads = ['list', 'get'].filter((operation) => operations.includes(operation));
  return [...reads, ...operations.filter((operation) => !reads.includes(operation))];
}

/** Every subcommand: the table's operations, resource by resource, then the command line's own (find, route) after their resource's. */
export const commandSpecs: readonly CommandSpec[] = resourceNames.flatMap((resource) => [
  ...readsFirst(Object.keys(resourceTable[resource].operations)).flatMap((operation) => specOf(resource, operation) ?? []),
  ...extraCommands.filter((spec) => spec.tableResource === resource),
]);

/** The command words, in the table's order. */
export const resources: readonly Resource[] = [...new Set(commandSpecs.map((spec) => spec.resource))];

/** One line on a command: what its subcommands are. */
export function resourceSummary(resource: Resource): string {
  const specs = actionsOf(resource);
  const noun = resourceTable[specs[0]!.tableResource].noun;
  return `${pluralOf(noun)}: ${specs.map((spec) => spec.action).join(', ')}`;
}

export function actionsOf(resource: Resource): CommandSpec[] {
  return commandSpecs.filter((spec) => spec.resource === resource);
}

export function findSpec(resource: Resource, action: string): CommandSpec | undefined {
  return commandSpecs.find((spec) => spec.resource === resource && spec.action === action);
}

/** The words a user types for an operation, e.g. `numbers create` for `phoneNumbers.create`. */
export function commandOf(operation: OperationName): string {
  const spec = commandSpecs.find((candidate) => candidate.operation === operation);
  return spec ? `${spec.resource} ${spec.action}` : operation;
}

export const formats = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof formats)[number];
