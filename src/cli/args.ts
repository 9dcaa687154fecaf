import { parseArgs } from 'node:util';
import { commonFlags, findSpec, actionsOf, resources, type CommandSpec, type Resource } from './commands-spec.js';
import { resourceTable } from '../core/contract/resource-table.js';
import { providerOptionFlags } from './provider-options.js';
import { didYouMean } from './suggest.js';
import { UsageError } from './usage-error.js';

/** Every flag any subcommand takes; which subcommand takes which is checked after parsing. */
const optionSpecs = {
  provider: { type: 'string', short: 'p' },
  sandbox: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  'api-key': { type: 'string' },
  'api-key-stdin': { type: 'boolean' },
  'base-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  limit: { type: 'string' },
  status: { type: 'string', multiple: true },
  number: { type: 'string' },
  'agent-id': { type: 'string' },
  'unlink-agent': { type: 'boolean' },
  label: { type: 'string' },
  all: { type: 'boolean' },
  config: { type: 'string' },
  'default-country': { type: 'string' },
  name: { type: 'string' },
  agent: { type: 'string' },
  from: { type: 'string' },
  recipients: { type: 'string' },
  concurrency: { type: 'string' },
  'scheduled-at': { type: 'string' },
  to: { type: 'string' },
  campaign: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  'with-prompt': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  timeout: { type: 'string' },
  'max-retries': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  wide: { type: 'boolean' },
  bom: { type: 'boolean' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** The flags of the providers' own options (generic's --organization-id, ...), from their definitions. */
const providerOptionSpecs = Object.fromEntries(providerOptionFlags.map(({ flag }) => [flag, { type: 'string' }] as const)) as Record<
  string,
  { type: 'string' }
>;

/** Every long flag, as typed: for completion and for the suggestion under a mistyped one. */
export const flagNames: readonly string[] = [...Object.keys(optionSpecs), ...Object.keys(providerOptionSpecs)].map((name) => `--${name}`);

/** Commands that stand alone, beside the resources. */
export const standaloneCommands = ['config', 'completion'] as const;

/** The shells `voiceplane completion` writes a script for. */
export const completionShells = ['bash', 'zsh'] as const;
export type CompletionShell = (typeof completionShells)[number];

export type FlagValues = {
  [Name in keyof typeof optionSpecs]?: (typeof optionSpecs)[Name] extends { type: 'boolean' }
    ? boolean
    : (typeof optionSpecs)[Name] extends { multiple: true }
      ? string[]
      : string;
} & {
  /** The flags of the providers' own options, by flag name (e.g. `organization-id`). */
  readonly [providerOptionFlag: string]: string | boolean | string[] | undefined;
};

/** What the words on the command line ask for. */
export type ParsedCommandLine =
  | { kind: 'help'; resource?: Resource; spec?: CommandSpec }
  | { kind: 'version' }
  | { kind: 'config'; flags: FlagValues }
  | { kind: 'completion'; shell: CompletionShell }
  | { kind: 'command'; spec: CommandSpec; id: string | undefined; flags: FlagValues };

/** The subcommand the words seem to name, for the usage shown under a flag that failed to parse. */
function guessContext(argv: readonly string[]): { resource?: Resource; spec?: CommandSpec } {
  const resourceAt = argv.findIndex((word) => (resources as readonly string[]).includes(word));
  if (resourceAt === -1) return {};
  const resource = argv[resourceAt] as Resource;
  const next = argv[resourceAt + 1];
  return { resource, spec: next === undefined ? undefined : findSpec(resource, next) };
}

/** Turns node's parse errors into a short sentence naming the flag. */
function parseFailure(error: unknown, argv: readonly string[]): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // Node names a flag as '--limit' or, with a short form, as '-p, --provider <value>'.
  const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1];
  const context = guessContext(argv);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const hint = flag?.startsWith('--') ? didYouMean(flag, flagNames) : '';
    return new UsageError(`unknown flag ${flag ?? message}.${hint}`, context);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    return new UsageError(
      (optionSpecs as Record<string, { type: string }>)[flag.replace(/^-+/, '')]?.type === 'boolean'
        ? `${flag} takes no value.`
        : `${flag} needs a value (write ${flag}=<value> for a value that starts with '-').`,
      context,
    );
  }
  return new UsageError(message.split('. ')[0]!.replace(/\.?$/, '.'), context);
}

/** The flags the user typed, by name, as written (`--limit`, `-p`). */
function typedFlags(tokens: ReadonlyArray<{ kind: string; name?: string; rawName?: string }>): Map<string, string> {
  const typed = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind === 'option' && token.name) typed.set(token.name, token.rawName ?? `--${token.name}`);
  }
  return typed;
}

/** `voiceplane config` and `voiceplane completion <shell>`: their few words and flags checked. */
function standaloneCommand(
  command: (typeof standaloneCommands)[number],
  words: readonly string[],
  flags: FlagValues,
  typed: Map<string, string>,
): ParsedCommandLine {
  if (flags.help) return { kind: 'help' };
  const allowed = command === 'config' ? ['config'] : [];
  for (const [name, written] of typed) {
    if (!allowed.includes(name)) throw new UsageError(`${command} does not take ${written}.`);
  }
  if (command === 'config') {
    if (words[0] !== undefined) throw new UsageError(`unexpected argument "${words[0]}": config takes no argument, only --config <file>.`);
    return { kind: 'config', flags };
  }
  const shell = words[0];
  if (shell === undefined || !(completionShells as readonly string[]).includes(shell)) {
    const got = shell === undefined ? '' : ` (got "${shell}")`;
    throw new UsageError(`completion needs a shell: ${completionShells.join(' or ')}${got}.${didYouMean(shell ?? '', completionShells)}`);
  }
  if (words[1] !== undefined) throw new UsageError(`unexpected argument "${words[1]}".`);
  return { kind: 'completion', shell: shell as CompletionShell };
}

/** Parses argv (without `node` and the script): which subcommand, its id, its flags. Throws `UsageError`. */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...optionSpecs, ...providerOptionSpecs }, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw parseFailure(error, argv);
  }
  const flags = parsed.values as FlagValues;
  const [resourceWord, actionWord, id, ...extra] = parsed.positionals;

  if (flags.version && resourceWord === undefined) return { kind: 'version' };
  if (resourceWord === undefined) {
    if (flags.help) return { kind: 'help' };
    throw new UsageError('no command given.');
  }
  if (resourceWord === 'config' || resourceWord === 'completion') {
    return standaloneCommand(resourceWord, parsed.positionals.slice(1), flags, typedFlags(parsed.tokens));
  }
  if (!(resources as readonly string[]).includes(resourceWord)) {
    const commands = [...resources, ...standaloneCommands];
    throw new UsageError(`unknown command "${resourceWord}"; commands: ${commands.join(', ')}.${didYouMean(resourceWord, commands)}`);
  }
  const resource = resourceWord as Resource;
  const actions = actionsOf(resource).map((spec) => spec.action);
  if (actionWord === undefined) {
    if (flags.help) return { kind: 'help', resource };
    throw new UsageError(`"${resource}" needs a subcommand: ${actions.join(', ')}.`, { resource });
  }
  const spec = findSpec(resource, actionWord);
  if (!spec) {
    throw new UsageError(`unknown subcommand "${resource} ${actionWord}"; subcommands: ${actions.join(', ')}.${didYouMean(actionWord, actions)}`, {
      resource,
    });
  }
  if (flags.help) return { kind: 'help', resource, spec };

  const allowed = new Set<string>([...commonFlags, ...spec.flags]);
  for (const [name, written] of typedFlags(parsed.tokens)) {
    if (!allowed.has(name)) {
      throw new UsageError(`${resource} ${spec.action} does not take ${written}.`, { resource, spec });
    }
  }
  if (spec.takesId && id === undefined) {
    const operand = spec.operand ?? `the id of the ${resourceTable[spec.tableResource].noun}`;
    throw new UsageError(`${resource} ${spec.action} needs ${operand}.`, { resource, spec });
  }
  const unexpected = spec.takesId ? extra[0] : (id ?? extra[0]);
  if (unexpected !== undefined) {
    throw new UsageError(`unexpected argument "${unexpected}".`, { resource, spec });
  }
  return { kind: 'command', spec, id: spec.takesId ? id : undefined, flags };
}
