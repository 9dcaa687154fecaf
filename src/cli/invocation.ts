import { providerOptionFlags } from './provider-options.js';
import type { CreateCallInput, CreateCampaignInput, CreatePhoneNumberInput, ProviderId, UpdatePhoneNumberInput } from '../index.js';
import { isProviderId, providerIds } from './accepted-values.js';
import { listFiltersOf, type ListFilters } from './list-filters.js';
import type { FlagValues } from './args.js';
import { formats, type CommandSpec, type Format } from './commands-spec.js';
import type { RequestSettings } from './config-file.js';
import { didYouMean } from './suggest.js';
import { UsageError } from './usage-error.js';

/** A subcommand with every flag checked and turned into what the SDK takes. */
export interface Invocation {
  spec: CommandSpec;
  id: string | undefined;
  provider: ProviderId;
  sandbox: boolean;
  format: Format;
  /** At most this many items; `undefined` for all. */
  limit: number | undefined;
  statuses: string[] | undefined;
  /** A list's filters beyond --status (--agent, --campaign, --since, --until), as the SDK names them. */
  filters: ListFilters;
  /** What createClient is given: the key, the address, the provider's own options (by name), the request settings. */
  connection: { apiKey?: string; baseUrl?: string; [providerOption: string]: string | number | undefined } & RequestSettings;
  output: OutputOptions;
  create: CreatePhoneNumberInput | undefined;
  update: UpdatePhoneNumberInput | undefined;
  /** `campaigns create`: the campaign; its recipients are read from `recipientsSource` before any request. */
  campaign: (Omit<CreateCampaignInput, 'recipients'> & { recipientsSource: string }) | undefined;
  /** `calls create`: the call to place. */
  call: CreateCallInput | undefined;
  /** `agents get --with-prompt`: fetch a prompt kept outside the agent. */
  withPrompt: boolean;
  /** --yes: a write goes ahead without asking. */
  yes: boolean;
}

/** How the items are shown, beyond the format. */
export interface OutputOptions {
  /** Every column of a table, nothing cut to fit the terminal. */
  wide: boolean;
  /** A CSV for a spreadsheet: a UTF-8 BOM first, and numbers kept as text. */
  bom: boolean;
  /** No progress line and no confirmations on stderr; errors and warnings still. */
  quiet: boolean;
}

export function outputOptionsOf(spec: CommandSpec, flags: FlagValues, format: Format): OutputOptions {
  if (flags.bom && format !== 'csv') throw new UsageError('--bom applies to --format csv only.', { spec });
  return { wide: flags.wide === true, bom: flags.bom === true, quiet: flags.quiet === true };
}

/** --timeout and --max-retries, checked; only those given. */
export function requestSettingsOf(spec: CommandSpec, flags: FlagValues): RequestSettings {
  const settings: RequestSettings = {};
  const timeout = flags.timeout;
  if (timeout !== undefined) {
    if (!/^\d+$/.test(timeout) || Number(timeout) < 1 || !Number.isSafeInteger(Number(timeout))) {
      throw new UsageError(`--timeout takes milliseconds, a whole number of 1 or more such as 10000 (got "${timeout}").`, { spec });
    }
    settings.timeoutMs = Number(timeout);
  }
  const retries = flags['max-retries'];
  if (retries !== undefined) {
    if (!/^\d+$/.test(retries) || !Number.isSafeInteger(Number(retries))) {
      throw new UsageError(`--max-retries takes a whole number, 0 or more (got "${retries}").`, { spec });
    }
    settings.maxRetries = Number(retries);
  }
  return settings;
}

export function splitValues(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

export function checkStatuses(spec: CommandSpec, values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const accepted: readonly string[] = spec.statuses ?? [];
  if (values.length === 0) throw new UsageError(`--status needs a value: ${accepted.join(', ')}.`, { spec });
  for (const value of values) {
    if (!accepted.includes(value)) {
      throw new UsageError(`unknown status "${value}"; accepted: ${accepted.join(', ')}.${didYouMean(value, accepted)}`, { spec });
    }
  }
  return [...new Set(values)];
}

export function checkLimit(spec: CommandSpec, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--limit must be a whole number of 1 or more (got "${value}").`, { spec });
  }
  return Number(value);
}

/** The --format asked for, else a table for a person at a terminal and ndjson for a program. */
export function checkFormat(spec: CommandSpec, flags: FlagValues, stdoutIsTTY: boolean): Format {
  const format = flags.format ?? (stdoutIsTTY ? 'table' : 'ndjson');
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}"; formats: ${formats.join(', ')}.${didYouMean(format, formats)}`, { spec });
  }
  return format as Format;
}

function required(spec: CommandSpec, flags: FlagValues, name: 'number' | 'agent-id'): string {
  const value = flags[name];
  if (value === undefined || value === '') throw new UsageError(`${spec.resource} ${spec.action} needs --${name}.`, { spec });
  return value;
}

function updatePatch(spec: CommandSpec, flags: FlagValues): UpdatePhoneNumberInput {
  if (flags['agent-id'] !== undefined && flags['unlink-agent']) {
    throw new UsageError('--agent-id and --unlink-agent exclude each other: give one.', { spec });
  }
  const patch: UpdatePhoneNumberInput = {};
  if (flags['unlink-agent']) patch.agentId = null;
  if (flags['agent-id'] !== undefined) patch.agentId = required(spec, flags, 'agent-id');
  // An empty label is how a shell says "no label": it clears it.
  if (flags.label !== undefined) patch.label = flags.label === '' ? null : flags.label;
  const statuses = checkStatuses(spec, splitValues(flags.status));
  if (statuses !== undefined) {
    if (statuses.length > 1) throw new UsageError(`--status takes one status here (got ${statuses.join(', ')}).`, { spec });
    patch.status = statuses[0] as UpdatePhoneNumberInput['status'];
  }
  if (Object.keys(patch).length === 0) {
    throw new UsageError('nothing to update: give --agent-id, --unlink-agent, --label or --status.', { spec });
  }
  return patch;
}

/** Checks the flags of a subcommand. Throws `UsageError` naming the first mistake and the accepted values. */
export function toInvocation(spec: CommandSpec, id: string | undefined, flags: FlagValues, stdoutIsTTY: boolean): Invocation {
  const provider = flags.provider;
  if (provider === undefined) {
    const orAll = spec.flags.includes('all') ? '; or --all for every configured platform' : '';
    throw new UsageError(`--provider is required: ${providerIds.join(', ')}${orAll}.`, { spec });
  }
  if (!isProviderId(provider)) {
    throw new UsageError(`unknown provider "${provider}"; providers: ${providerIds.join(', ')}.${didYouMean(provider, providerIds)}`, {
      spec,
    });
  }
  if (flags.config !== undefined) {
    throw new UsageError('--config names the platforms of --all: give --all rather than --provider, or leave --config out.', { spec });
  }
  const format = checkFormat(spec, flags, stdoutIsTTY);
  if (flags.sandbox && flags['base-url'] !== undefined) {
    throw new UsageError('--sandbox and --base-url exclude each other: the sandbox has its own address.', { spec });
  }
  if (id === '') throw new UsageError('the id is empty.', { spec });
  const connection: Invocation['connection'] = { ...requestSettingsOf(spec, flags) };
  if (flags['api-key'] !== undefined) connection.apiKey = flags['api-key'];
  if (flags['base-url'] !== undefined) connection.baseUrl = flags['base-url'];
  for (const { flag, name, takers } of providerOptionFlags) {
    const value = flags[flag];
    if (typeof value !== 'string') continue;
    if (!takers.includes(provider)) throw new UsageError(`--${flag} applies to ${takers.join(', ')} only, not ${provider}.`, { spec });
    connection[name] = value;
  }

  return {
    spec,
    id,
    provider,
    sandbox: flags.sandbox === true,
    format,
    limit: checkLimit(spec, flags.limit),
    statuses: spec.action === 'list' ? checkStatuses(spec, splitValues(flags.status)) : undefined,
    filters: listFiltersOf(spec, flags),
    connection,
    output: outputOptionsOf(spec, flags, format),
    create:
      spec.operation === 'phoneNumbers.create'
        ? {
            number: required(spec, flags, 'number'),
            agentId: required(spec, flags, 'agent-id'),
            ...(flags.label !== undefined ? { label: flags.label } : {}),
          }
        : undefined,
    update: spec.operation === 'phoneNumbers.update' ? updatePatch(spec, flags) : undefined,
    campaign: spec.operation === 'campaigns.create' ? campaignOf(spec, flags) : undefined,
    call: spec.operation === 'calls.create' ? callOf(spec, flags) : undefined,
    withPrompt: flags['with-prompt'] === true,
    yes: flags.yes === true,
  };
}

function requiredText(spec: CommandSpec, flags: FlagValues, name: 'name' | 'agent' | 'from' | 'recipients' | 'to'): string {
  const value = flags[name];
  if (value === undefined || value.trim() === '') throw new UsageError(`${spec.resource} ${spec.action} needs --${name}.`, { spec });
  return value;
}

/** The flags of `campaigns create`, checked; the recipients file is read later, before any request. */
function campaignOf(spec: CommandSpec, flags: FlagValues): NonNullable<Invocation['campaign']> {
  const campaign: NonNullable<Invocation['campaign']> = {
    name: requiredText(spec, flags, 'name'),
    agentId: requiredText(spec, flags, 'agent'),
    fromNumberId: requiredText(spec, flags, 'from'),
    recipientsSource: requiredText(spec, flags, 'recipients'),
  };
  const concurrency = flags.concurrency;
  if (concurrency !== undefined) {
    if (!/^\d+$/.test(concurrency) || Number(concurrency) < 1 || !Number.isSafeInteger(Number(concurrency))) {
      throw new UsageError(`--concurrency takes a whole number of 1 or more (got "${concurrency}").`, { spec });
    }
    campaign.concurrency = Number(concurrency);
  }
  const scheduled = flags['scheduled-at'];
  if (scheduled !== undefined) {
    // A time with its offset only: a bare local time would mean different moments on different machines.
    const date = /(Z|[+-]\d{2}:?\d{2})$/i.test(scheduled.trim()) ? new Date(scheduled.trim()) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) {
      throw new UsageError(`--scheduled-at takes an ISO 8601 time with its offset, such as 2026-03-01T09:00:00+09:00 (got "${scheduled}").`, { spec });
    }
    campaign.scheduledAt = date;
  }
  return campaign;
}

/** The flags of `calls create`, checked; the SDK reads and checks the number before any request. */
function callOf(spec: CommandSpec, flags: FlagValues): CreateCallInput {
  return { agentId: requiredText(spec, flags, 'agent'), fromNumberId: requiredText(spec, flags, 'from'), to: requiredText(spec, flags, 'to').trim() };
}
