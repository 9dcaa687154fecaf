import type { OperationName, ResourceName } from '../core/contract/resource-table.js';
import { phoneNumberStatuses } from '../core/contract/statuses.js';
import type { CommandSpec } from './commands-spec.js';

// What the resource table cannot say about a subcommand: the command line's words for a resource,
// the flags of each filter and of each write's input, and the two commands that run over every
// platform (find, route). Everything else about a subcommand comes from the table.

/** A resource's command word where it is not the resource's own name. */
export const resourceWords: Partial<Record<ResourceName, string>> = { phoneNumbers: 'numbers' };

/** The flag of one neutral list filter of the table. */
export interface FilterFlag {
  /** The flag without dashes. */
  flag: string;
  /** What its value is, for the synopsis: `<id>`. */
  placeholder: string;
  /** One line for --help. */
  help: string;
}

/** The flag of each filter a list row names (`filters`), by the filter's name in the SDK. */
export const filterFlags: Readonly<Record<string, FilterFlag>> = {
  agentId: { flag: 'agent', placeholder: 'id', help: 'only those handled by this agent' },
  campaignId: { flag: 'campaign', placeholder: 'id', help: 'only those of this campaign (batch)' },
  startedAfter: { flag: 'since', placeholder: 'time', help: 'only those started at or after: 2026-03-01 (UTC) or an ISO time with offset' },
  startedBefore: { flag: 'until', placeholder: 'time', help: 'only those started before: 2026-03-01 (UTC) or an ISO time with offset' },
};

/** The command line's own words for one operation. */
export interface CommandDetails {
  /** Its flags beyond the common ones (and --yes, which every write takes). */
  flags?: readonly string[];
  /** Those flags in the synopsis, between the id/provider and `[--yes] [options]`. */
  synopsis?: string;
  /** The statuses its --status takes, where the table's row names none (an update's new status). */
  statuses?: readonly string[];
  /** A summary where the table's is in the SDK's words. */
  summary?: string;
  /** A write on one id: what the question adds after the target ("for good"). */
  consequence?: string;
  /** A write on one id: the line once it is done, before "<noun> <id> on <provider>." */
  done?: string;
}

const details: Partial<Record<OperationName, CommandDetails>> = {
  'phoneNumbers.create': {
    flags: ['number', 'agent-id', 'label'],
    synopsis: '--number <number> --agent-id <id> [--label <text>]',
    summary: 'Add a phone number and link it to an agent.',
  },
  'phoneNumbers.update': {
    flags: ['agent-id', 'unlink-agent', 'label', 'status'],
    synopsis: '[--agent-id <id> | --unlink-agent] [--label <text>] [--status <status>]',
    statuses: phoneNumberStatuses,
    summary: "Change a phone number's agent, label or status.",
  },
  'phoneNumbers.delete': { done: 'Deleted' },
  'campaigns.create': {
    flags: ['name', 'agent', 'from', 'recipients', 'concurrency', 'scheduled-at'],
    synopsis: '--name <text> --agent <id> --from <numberId> --recipients <file|-> [--concurrency <n>] [--scheduled-at <time>]',
    summary: 'Launch a campaign: who to call from a CSV or NDJSON file (or - for stdin), from which number, with which agent.',
  },
  'campaigns.pause': { done: 'Paused' },
  'campaigns.resume': { done: 'Resumed' },
  'campaigns.cancel': { consequence: ' for good (no further calls are placed)', done: 'Cancelled' },
  'campaigns.retry': { consequence: ': call again the recipients it did not reach', done: 'Retried' },
  'calls.create': {
    flags: ['agent', 'from', 'to'],
    synopsis: '--agent <id> --from <numberId> --to <number>',
    summary: 'Place one outbound call: the agent calls --to from your number --from.',
  },
  'calls.get': { summary: 'Show one call: status, end reason, duration and cost, then the transcript turn by turn.' },
  'agents.get': { flags: ['with-prompt'], synopsis: '[--with-prompt]' },
};

/** The command line's words for an operation, where it has any. */
export function cliDetailsOf(operation: OperationName): CommandDetails | undefined {
  return details[operation];
}

/** The subcommands that are no single operation of one platform: they search every configured platform. */
export const extraCommands: readonly CommandSpec[] = [
  {
    resource: 'numbers',
    tableResource: 'phoneNumbers',
    action: 'find',
    operation: 'phoneNumbers.list',
    writes: false,
    takesId: true,
    operand: 'the number to look for',
    flags: ['all', 'config', 'default-country'],
    summary: 'Find a number on every configured platform, whatever its spelling: which platform, which agent.',
    synopsis: '<number> [--default-country <cc>] [--sandbox | --config <file>] [options]',
  },
  {
    resource: 'numbers',
    tableResource: 'phoneNumbers',
    action: 'route',
    operation: 'phoneNumbers.update',
    writes: true,
    takesId: true,
    operand: 'the number to route',
    flags: ['agent', 'config', 'default-country', 'yes'],
    summary: 'Route a number to an agent on whichever configured platform holds it, whatever its spelling.',
    synopsis: '<number> --agent <id> [--default-country <cc>] [--yes] [--sandbox | --config <file>] [options]',
  },
];
