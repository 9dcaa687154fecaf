import type { HubPlatforms, ProviderId } from '../index.js';
import { environmentPrefixOf, hasDefaultBaseUrl, providerIds } from './accepted-values.js';
import { optionsOf, variableOf } from './provider-options.js';
import type { CommandSpec } from './commands-spec.js';
import { defaultConfigFile, type ConfigFile, type PlatformSettings, type RequestSettings } from './config-file.js';
import { UsageError } from './usage-error.js';

/** The environment variables of one platform's settings, e.g. `VOX_API_KEY`; its own options' by option name. */
function variablesOf(provider: ProviderId): { apiKey: string; baseUrl: string; options: Record<string, string> } {
  const prefix = environmentPrefixOf(provider);
  const options: Record<string, string> = {};
  for (const option of optionsOf(provider)) {
    const variable = variableOf(provider, option);
    if (variable !== undefined) options[option.name] = variable;
  }
  return { apiKey: `${prefix}_API_KEY`, baseUrl: `${prefix}_BASE_URL`, options };
}

/** What a platform needs set in the environment, e.g. "GENERIC_API_KEY (with GENERIC_BASE_URL and GENERIC_ORGANIZATION_ID)". */
function requirementOf(provider: ProviderId): string {
  const names = variablesOf(provider);
  const required = optionsOf(provider).filter((option) => option.required).map((option) => names.options[option.name]);
  const alongside = [hasDefaultBaseUrl(provider) ? undefined : names.baseUrl, ...required].filter(Boolean);
  return alongside.length === 0 ? names.apiKey : `${names.apiKey} (with ${alongside.join(' and ')})`;
}

/** What configures each platform, one entry each, for the help text and the message when nothing does. */
export function environmentRequirements(): string[] {
  return providerIds.map(requirementOf);
}

function nothingConfigured(file: ConfigFile | null, spec: CommandSpec): UsageError {
  const variables = environmentRequirements();
  const where = file ? `list platforms in ${file.name}` : `list them in ${defaultConfigFile} or a file named by --config`;
  return new UsageError(
    `no platform is configured: set ${variables.slice(0, -1).join(', ')} or ${variables.at(-1)}, ` +
      `or ${where}, such as { "vox": { "apiKey": "..." } } (or try --sandbox).`,
    { spec },
  );
}

/** The settings the environment gives a platform; only the variables that are set. */
function fromEnvironment(provider: ProviderId, env: Record<string, string | undefined>): PlatformSettings {
  const names = variablesOf(provider);
  const read = (name: string | undefined) => (name !== undefined && env[name]?.trim() ? env[name] : undefined);
  const settings: PlatformSettings = {};
  const apiKey = read(names.apiKey);
  const baseUrl = read(names.baseUrl);
  if (apiKey !== undefined) settings.apiKey = apiKey;
  if (baseUrl !== undefined) settings.baseUrl = baseUrl;
  for (const [name, variable] of Object.entries(names.options)) {
    const value = read(variable);
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}

/** Refuses, before any request, a platform that is configured but cannot be reached, naming what to set. */
function checkComplete(provider: ProviderId, settings: PlatformSettings, file: ConfigFile | null, spec: CommandSpec): void {
  const names = variablesOf(provider);
  const inFile = (setting: string) => `give ${setting} for ${provider} in ${file?.name ?? defaultConfigFile}`;
  if (settings.apiKey === undefined) {
    throw new UsageError(`no API key for ${provider}: set ${names.apiKey} or ${inFile('apiKey')}.`, { spec });
  }
  if (settings.baseUrl === undefined && !hasDefaultBaseUrl(provider)) {
    throw new UsageError(`${provider} publishes no address of its own: set ${names.baseUrl} or ${inFile('baseUrl')}.`, { spec });
  }
  for (const option of optionsOf(provider)) {
    if (!option.required || settings[option.name] !== undefined) continue;
    const variable = names.options[option.name];
    throw new UsageError(`no ${option.label} for ${provider}: set ${variable ? `${variable} or ` : ''}${inFile(option.name)}.`, { spec });
  }
}

/**
 * Refuses to send a key of the environment to an address from a file the user did not name: a
 * cloned repository can carry a voiceplane.config.json whose baseUrl points at its author.
 */
function checkTrusted(
  provider: ProviderId,
  fromFile: PlatformSettings | undefined,
  environment: PlatformSettings,
  file: ConfigFile | null,
  spec: CommandSpec,
): void {
  if (file === null || file.named || fromFile?.baseUrl === undefined || fromFile.apiKey !== undefined) return;
  if (environment.apiKey === undefined) return;
  const names = variablesOf(provider);
  throw new UsageError(
    `${file.name} sets ${provider}.baseUrl but was found by searching up from the working directory, not named with --config: ` +
      `the key in ${names.apiKey} is not sent to an address from a file you did not name. ` +
      `To trust the file, pass --config ${file.name}; or put apiKey for ${provider} in the same file; ` +
      `or remove baseUrl from it and set ${names.baseUrl}.`,
    { spec },
  );
}

/**
 * A found file's settings for a platform the environment configures, less its key and address:
 * the user's own platform is never replaced by a cloned repository's, neither its key nor its
 * host. Returns what is left and, when something was left out, the warning that says so.
 */
function withoutReplacedConnection(
  provider: ProviderId,
  fromFile: PlatformSettings | undefined,
  environment: PlatformSettings,
  file: ConfigFile | null,
): { settings: PlatformSettings | undefined; warning: string | null } {
  if (file === null || file.named || fromFile === undefined || environment.apiKey === undefined) return { settings: fromFile, warning: null };
  const { apiKey, baseUrl, ...rest } = fromFile;
  const ignored = [apiKey !== undefined ? 'apiKey' : null, baseUrl !== undefined ? 'baseUrl' : null].filter((name) => name !== null);
  if (ignored.length === 0) return { settings: fromFile, warning: null };
  const names = variablesOf(provider);
  return {
    settings: rest,
    warning:
      `warning: ${file.name} sets ${ignored.map((name) => `${provider}.${name}`).join(' and ')} but was found by searching up from the ` +
      `working directory, and ${names.apiKey} configures ${provider}: the environment's ${provider} is used. ` +
      `To use the file's, pass --config ${file.name}.`,
  };
}

/** The platforms of a hub, and the warnings to show before it runs. */
export interface ConfiguredPlatforms {
  platforms: HubPlatforms;
  warnings: string[];
}

/**
 * The platforms of `--all` and `numbers find`: every platform whose key variable is set, and every
 * platform of the config file. A value in a named file (--config) wins over the variable, as an
 * option given to `createClient` wins over the environment; a file that was found by searching
 * never replaces the key or the address of a platform the environment configures. `requests` (the
 * flags --timeout and --max-retries) win over both. Throws `UsageError` when there is none, when
 * one lacks what it needs, or when a key of the environment would go to an address from a file
 * that was found rather than named.
 */
export function configuredPlatforms(
  env: Record<string, string | undefined>,
  file: ConfigFile | null,
  spec: CommandSpec,
  requests: RequestSettings = {},
): ConfiguredPlatforms {
  const platforms: Partial<Record<ProviderId, PlatformSettings>> = {};
  const warnings: string[] = [];
  for (const provider of providerIds) {
    const environment = fromEnvironment(provider, env);
    if (file?.platforms[provider] === undefined && environment.apiKey === undefined) continue;
    checkTrusted(provider, file?.platforms[provider], environment, file, spec);
    const { settings: fromFile, warning } = withoutReplacedConnection(provider, file?.platforms[provider], environment, file);
    if (warning !== null) warnings.push(warning);
    const settings = { ...file?.requests, ...environment, ...fromFile, ...requests };
    checkComplete(provider, settings, file, spec);
    platforms[provider] = settings;
  }
  if (Object.keys(platforms).length === 0) throw nothingConfigured(file, spec);
  return { platforms: platforms as HubPlatforms, warnings };
}
