import { providerIds } from './accepted-values.js';
import { filterFlags } from './command-details.js';
import { actionsOf, commandSpecs, formats, resources, resourceSummary, type CommandSpec, type Resource } from './commands-spec.js';
import { defaultConfigFile } from './config-file.js';
import { environmentRequirements } from './hub-platforms.js';
import { providerOptionHelpLines } from './provider-options.js';

function commonOptionsText(): string {
  return [
    'Options:',
    `  -p, --provider <id>        the platform: ${providerIds.join(', ')}`,
    '      --sandbox              run against a local sandbox of every platform started for this',
    '                             command and closed after it: no key, no network',
    `  -f, --format <format>      ${formats.join(', ')}; default: table on a terminal, else ndjson`,
    '      --api-key <key>        the platform key; default: <PREFIX>_API_KEY (VOX_API_KEY, ...);',
    '                             warned about: the process list shows it',
    '      --api-key-stdin        read the platform key from stdin (first line), shown nowhere',
    "      --base-url <url>       the API address; default: <PREFIX>_BASE_URL, else the platform's own",
    ...providerOptionHelpLines(),
    '      --timeout <ms>         give up on a request after this long (default 30000; per attempt)',
    '      --max-retries <n>      retries of a failed read (default 2; 0 for none)',
    '      --wide                 a table with every column, nothing cut to fit the terminal',
    '      --bom                  CSV for Excel: a UTF-8 BOM, numbers such as 0212345678 kept as text',
    '  -q, --quiet                no progress line and no confirmation on stderr (errors still)',
    '  -h, --help                 show help; works after every command',
    '  -V, --version              print the version',
  ].join('\n');
}

const allFlagLine = '      --all                  every configured platform at once, instead of one --provider';
const configFlagLine = `      --config <file>        the platforms of --all and find, as JSON; default: ${defaultConfigFile} found in the working directory or above`;
const countryFlagLine = '      --default-country <cc> the country of a national spelling such as 0212345678: KR, US, ...';

/** Which platforms --all and `numbers find` use, and how a failing one is reported; the flags too, unless listed above. */
function platformsText(withFlags: boolean): string {
  return [
    'Every configured platform (--all, numbers find):',
    ...(withFlags ? [allFlagLine, configFlagLine, countryFlagLine] : []),
    '  A platform is configured when its key variable is set:',
    ...environmentRequirements().map((requirement) => `    ${requirement}`),
    '  or when the config file lists it (its values win over the variables):',
    '    { "vox": { "apiKey": "..." }, "generic": { "apiKey": "...", "baseUrl": "...", "organizationId": "..." } }',
    '  The file may also set "timeoutMs" and "maxRetries", at the top or per platform.',
    '  A baseUrl from a file found by searching (not named by --config) is never used with a key',
    '  from the environment: the command refuses and says how to trust the file.',
    '  With --sandbox: every platform of the sandbox. A platform that fails gets one line on stderr,',
    "  after the others' items, and the exit code is 1.",
  ].join('\n');
}

const exitCodesText = 'Exit codes: 0 success, 1 API or connection error, 2 usage error, 130 interrupted (Ctrl-C).';

function synopsisLine(spec: CommandSpec): string {
  return `voiceplane ${spec.resource} ${spec.action} ${spec.synopsis}`;
}

/** `voiceplane --help`. */
export function mainHelp(): string {
  return [
    'voiceplane: one command line over voice-AI platforms.',
    '',
    'Usage:',
    ...commandSpecs.map((spec) => `  ${synopsisLine(spec)}`),
    '  voiceplane config [--config <file>]      the path of the config file --all and find read',
    '  voiceplane completion <bash|zsh>         a shell completion script, e.g. source <(voiceplane completion bash)',
    '  voiceplane --version',
    '',
    commonOptionsText(),
    '',
    platformsText(true),
    '',
    'Data goes to stdout, everything else to stderr.',
    exitCodesText,
    "Run 'voiceplane <command> <subcommand> --help' for a subcommand's flags; docs/cli.md in the package has the whole manual.",
  ].join('\n');
}

/** `voiceplane numbers --help`. */
export function resourceHelp(resource: Resource): string {
  return [
    `voiceplane ${resource}: ${resourceSummary(resource)}.`,
    '',
    'Usage:',
    ...actionsOf(resource).map((spec) => `  ${synopsisLine(spec)}\n      ${spec.summary}`),
    '',
    commonOptionsText(),
    '',
    platformsText(true),
    '',
    exitCodesText,
  ].join('\n');
}

/** The help line of a flag: the flag and its value, then what it does, aligned with the common options. */
function flagLine(flag: string, text: string): string {
  return `${`      ${flag}`.padEnd(28)} ${text}`;
}

function flagLines(spec: CommandSpec): string[] {
  const statuses = (spec.statuses ?? []).join(', ');
  const listing = spec.action === 'list';
  const filter = (name: string) => Object.values(filterFlags).find((candidate) => candidate.flag === name);
  const lines: Record<string, string> = {
    limit: '      --limit <n>            at most n items (default: all, page after page)',
    status:
      spec.action === 'update'
        ? `      --status <status>      the new status: ${statuses}`
        : `      --status <status>      only these statuses, repeated or comma-separated: ${statuses}`,
    number: '      --number <number>      the number to add, as the platform accepts it',
    'agent-id':
      spec.action === 'create'
        ? '      --agent-id <id>        the agent that answers calls to the number'
        : '      --agent-id <id>        link this agent to the number',
    'unlink-agent': '      --unlink-agent         unlink the agent from the number',
    label: spec.action === 'update' ? "      --label <text>         a new label; --label '' clears it" : '      --label <text>         a label for the number',
    all: spec.action === 'find' ? '      --all                  implied: find searches every configured platform' : allFlagLine,
    config: configFlagLine,
    'default-country': countryFlagLine,
    name: '      --name <text>          the campaign name, as the platform shows it',
    agent:
      spec.action === 'route'
        ? '      --agent <id>           the agent that will answer calls to the number'
        : spec.resource === 'calls' && spec.action === 'create'
          ? '      --agent <id>           the agent that places the call'
          : '      --agent <id>           the agent that places the calls',
    from:
      spec.resource === 'calls'
        ? "      --from <numberId>      the id of the number the call comes from (see 'numbers list')"
        : "      --from <numberId>      the id of the number the calls come from (see 'numbers list')",
    to: '      --to <number>          the number to call: E.164 such as +14155550123',
    recipients: '      --recipients <file|->  CSV with a header (a "number" column, the others variables) or NDJSON; - for stdin',
    concurrency: '      --concurrency <n>      calls in flight at once, where the platform takes it',
    'scheduled-at': '      --scheduled-at <time>  start later: ISO 8601 with offset, e.g. 2026-03-01T09:00:00+09:00',
    'with-prompt': '      --with-prompt          fetch the prompt too where it lives outside the agent (one more request)',
    yes: '  -y, --yes                  do it without asking; required when stdin or stderr is not a terminal',
  };
  return spec.flags
    .map((flag) => {
      const own = listing ? filter(flag) : undefined;
      return own ? flagLine(`--${own.flag} <${own.placeholder}>`, own.help) : lines[flag]!;
    })
    .filter(Boolean);
}

/** `voiceplane numbers list --help`. */
export function commandHelp(spec: CommandSpec): string {
  const flags = flagLines(spec);
  return [
    `voiceplane ${spec.resource} ${spec.action}: ${spec.summary}`,
    '',
    `Usage: ${synopsisLine(spec)}`,
    '',
    ...(flags.length > 0 ? ['Flags:', ...flags, ''] : []),
    commonOptionsText(),
    '',
    ...(spec.flags.includes('all') ? [platformsText(false), ''] : []),
    exitCodesText,
  ].join('\n');
}

/** The few lines under a usage error: the synopsis of what was being typed, and where help is. */
export function shortUsage(resource?: Resource, spec?: CommandSpec): string {
  if (spec) return `Usage: ${synopsisLine(spec)}\nRun 'voiceplane ${spec.resource} ${spec.action} --help' for details.`;
  if (resource) {
    const actions = actionsOf(resource).map((candidate) => candidate.action);
    return `Usage: voiceplane ${resource} <${actions.join('|')}> ...\nRun 'voiceplane ${resource} --help' for details.`;
  }
  return `Usage: voiceplane <${resources.join('|')}> <subcommand> (--provider <id> | --all) [options]\nRun 'voiceplane --help' for details.`;
}
