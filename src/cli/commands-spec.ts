import type { OperationName } from '../index.js';
import { providerOptionFlags } from './provider-options.js';

export type Resource = 'numbers' | 'campaigns';
export type Action = 'list' | 'get' | 'find' | 'create' | 'update' | 'delete' | 'route' | 'pause' | 'resume' | 'cancel';

/** One subcommand: the SDK operation behind it, its positional id, and the flags it takes beyond the common ones. */
export interface CommandSpec {
  resource: Resource;
  action: Action;
  operation: OperationName;
  takesId: boolean;
  /** What the positional argument is, for the message when it is missing: "the id of the number". */
  operand?: string;
  flags: readonly string[];
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

/** `--all` and `--config` choose every configured platform instead of one `--provider`. */
const listFlags = ['limit', 'status', 'all', 'config'] as const;

export const commandSpecs: readonly CommandSpec[] = [
  {
    resource: 'numbers',
    action: 'list',
    operation: 'phoneNumbers.list',
    takesId: false,
    flags: listFlags,
    summary: 'List phone numbers, page after page: of one platform, or of every configured one with --all.',
    synopsis: '(--provider <id> | --all) [--status <status>] [--limit <n>] [options]',
  },
  {
    resource: 'numbers',
    action: 'get',
    operation: 'phoneNumbers.get',
    takesId: true,
    flags: [],
    summary: 'Show one phone number.',
    synopsis: '<id> --provider <id> [options]',
  },
  {
    resource: 'numbers',
    action: 'find',
    operation: 'phoneNumbers.list',
    takesId: true,
    operand: 'the number to look for',
    flags: ['all', 'config', 'default-country'],
    summary: 'Find a number on every configured platform, whatever its spelling: which platform, which agent.',
    synopsis: '<number> [--default-country <cc>] [--sandbox | --config <file>] [options]',
  },
  {
    resource: 'numbers',
    action: 'create',
    operation: 'phoneNumbers.create',
    takesId: false,
    flags: ['number', 'agent-id', 'label', 'yes'],
    summary: 'Add a phone number and link it to an agent.',
    synopsis: '--provider <id> --number <number> --agent-id <id> [--label <text>] [--yes] [options]',
  },
  {
    resource: 'numbers',
    action: 'update',
    operation: 'phoneNumbers.update',
    takesId: true,
    flags: ['agent-id', 'unlink-agent', 'label', 'status', 'yes'],
    summary: "Change a phone number's agent, label or status.",
    synopsis: '<id> --provider <id> [--agent-id <id> | --unlink-agent] [--label <text>] [--status <status>] [--yes] [options]',
  },
  {
    resource: 'numbers',
    action: 'route',
    operation: 'phoneNumbers.update',
    takesId: true,
    operand: 'the number to route',
    flags: ['agent', 'config', 'default-country', 'yes'],
    summary: 'Route a number to an agent on whichever configured platform holds it, whatever its spelling.',
    synopsis: '<number> --agent <id> [--default-country <cc>] [--yes] [--sandbox | --config <file>] [options]',
  },
  {
    resource: 'numbers',
    action: 'delete',
    operation: 'phoneNumbers.delete',
    takesId: true,
    flags: ['yes'],
    summary: 'Remove a phone number.',
    synopsis: '<id> --provider <id> [--yes] [options]',
  },
  {
    resource: 'campaigns',
    action: 'list',
    operation: 'campaigns.list',
    takesId: false,
    flags: listFlags,
    summary: 'List campaigns, page after page: of one platform, or of every configured one with --all.',
    synopsis: '(--provider <id> | --all) [--status <status>] [--limit <n>] [options]',
  },
  {
    resource: 'campaigns',
    action: 'get',
    operation: 'campaigns.get',
    takesId: true,
    flags: [],
    summary: 'Show one campaign.',
    synopsis: '<id> --provider <id> [options]',
  },
  {
    resource: 'campaigns',
    action: 'create',
    operation: 'campaigns.create',
    takesId: false,
    flags: ['name', 'agent', 'from', 'recipients', 'concurrency', 'scheduled-at', 'yes'],
    summary: 'Launch a campaign: who to call from a CSV or NDJSON file (or - for stdin), from which number, with which agent.',
    synopsis:
      '--provider <id> --name <text> --agent <id> --from <numberId> --recipients <file|-> [--concurrency <n>] [--scheduled-at <time>] [--yes] [options]',
  },
  ...(['pause', 'resume', 'cancel'] as const).map(
    (action): CommandSpec => ({
      resource: 'campaigns',
      action,
      operation: `campaigns.${action}`,
      takesId: true,
      flags: ['yes'],
      summary: {
        pause: 'Pause a running campaign: no new calls until it is resumed.',
        resume: 'Resume a paused campaign.',
        cancel: 'Cancel a campaign for good: no further calls are placed.',
      }[action],
      synopsis: '<id> --provider <id> [--yes] [options]',
    }),
  ),
];

export const resources: readonly Resource[] = ['numbers', 'campaigns'];

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
