import { providerOptionFlags } from './provider-options.js';
import type { FlagValues } from './args.js';
import type { CommandSpec, Format } from './commands-spec.js';
import type { RequestSettings } from './config-file.js';
import { checkFormat, checkLimit, checkStatuses, outputOptionsOf, requestSettingsOf, splitValues, type OutputOptions } from './invocation.js';
import { listFiltersOf, type ListFilters } from './list-filters.js';
import { UsageError } from './usage-error.js';

/** A subcommand over every configured platform at once (`--all`, `numbers find`), its flags checked. */
export interface HubInvocation {
  spec: CommandSpec;
  format: Format;
  /** Every platform of a sandbox started for this command, instead of the configured ones. */
  sandbox: boolean;
  /** The --config file as typed; `undefined`: the default file of the working directory, if there is one. */
  configPath: string | undefined;
  /** At most this many items over all platforms; `undefined` for all. */
  limit: number | undefined;
  statuses: string[] | undefined;
  /** A list's filters beyond --status (--agent, --campaign, --since, --until), as the SDK names them. */
  filters: ListFilters;
  /** `numbers find`: the number as typed. */
  number: string | undefined;
  /** `numbers find`: the country of a national spelling, upper-cased. */
  defaultCountry: string | undefined;
  /** `numbers route`: the agent to route the number to. */
  agentId: string | undefined;
  /** --yes: a write goes ahead without asking. */
  yes: boolean;
  /** --timeout and --max-retries: for every platform, over the config file. */
  requests: RequestSettings;
  output: OutputOptions;
}

/** Whether the command line asks for every configured platform rather than one. */
export function isHubCommand(spec: CommandSpec, flags: FlagValues): boolean {
  return spec.action === 'find' || spec.action === 'route' || flags.all === true;
}

/** Flags that set one platform's connection: they mean nothing over several. */
const onePlatformFlags = ['api-key', 'api-key-stdin', 'base-url', ...providerOptionFlags.map(({ flag }) => flag)];

/** Checks the flags of `--all` or `numbers find`. Throws `UsageError` naming the first mistake. */
export function toHubInvocation(
  spec: CommandSpec,
  number: string | undefined,
  flags: FlagValues,
  stdoutIsTTY: boolean,
): HubInvocation {
  const finding = spec.action === 'find' || spec.action === 'route';
  const mode = finding ? `numbers ${spec.action}` : '--all';
  if (flags.provider !== undefined) {
    throw new UsageError(
      finding
        ? `numbers ${spec.action} searches every configured platform: it takes no --provider.`
        : '--all and --provider exclude each other: --all lists every configured platform, --provider one.',
      { spec },
    );
  }
  for (const name of onePlatformFlags) {
    if (flags[name] !== undefined) {
      throw new UsageError(`--${name} sets one platform's connection: with ${mode}, set it in the environment or the config file.`, {
        spec,
      });
    }
  }
  if (flags.sandbox && flags.config !== undefined) {
    throw new UsageError('--sandbox and --config exclude each other: the sandbox has its own platforms.', { spec });
  }
  if (flags.config !== undefined && flags.config.trim() === '') throw new UsageError('--config needs a file name.', { spec });
  const country = flags['default-country'];
  if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) {
    throw new UsageError(`--default-country takes a two-letter country code such as KR or US (got "${country}").`, { spec });
  }
  if (number !== undefined && number.trim() === '') throw new UsageError('the number is empty.', { spec });
  const format = checkFormat(spec, flags, stdoutIsTTY);
  const agentId = flags.agent;
  if (spec.action === 'route' && (agentId === undefined || agentId.trim() === '')) {
    throw new UsageError('numbers route needs --agent <id>: the agent to route the number to.', { spec });
  }
  return {
    spec,
    format,
    sandbox: flags.sandbox === true,
    configPath: flags.config,
    limit: checkLimit(spec, flags.limit),
    statuses: spec.action === 'list' ? checkStatuses(spec, splitValues(flags.status)) : undefined,
    filters: listFiltersOf(spec, flags),
    number,
    defaultCountry: country?.toUpperCase(),
    agentId: spec.action === 'route' ? agentId : undefined,
    yes: flags.yes === true,
    requests: requestSettingsOf(spec, flags),
    output: outputOptionsOf(spec, flags, format),
  };
}
