import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isPlainObject } from '../core/is-plain-object.js';
import type { ProviderId } from '../index.js';
import { isProviderId, providerIds, takesOrganizationId } from './accepted-values.js';
import type { CommandSpec } from './commands-spec.js';
import { UsageError } from './usage-error.js';

/** Read from the working directory when no --config is given; its absence is no mistake. */
export const defaultConfigFile = 'voiceplane.config.json';

/** How to reach one platform: what `createClient` takes for it, less the provider. */
export interface PlatformSettings {
  apiKey?: string;
  baseUrl?: string;
  organizationId?: string;
}

/** A config file that was read: `{ "vox": { "apiKey": "..." }, ... }`, checked. */
export interface ConfigFile {
  /** The file as the user named it, for messages. */
  name: string;
  platforms: Partial<Record<ProviderId, PlatformSettings>>;
}

function settingNamesOf(provider: ProviderId): string[] {
  return ['apiKey', 'baseUrl', ...(takesOrganizationId(provider) ? ['organizationId'] : [])];
}

/** Where in the text JSON.parse stopped, as line and column; its own message may quote the text, keys included. */
function locationOf(error: unknown, text: string): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Checks the parsed file. Values are never quoted back: one of them is a key. */
function checkPlatforms(name: string, parsed: unknown, spec: CommandSpec): ConfigFile['platforms'] {
  const example = '{ "vox": { "apiKey": "..." } }';
  if (!isPlainObject(parsed)) throw new UsageError(`${name} must hold one JSON object of platforms, such as ${example}.`, { spec });
  const platforms: ConfigFile['platforms'] = {};
  for (const [provider, settings] of Object.entries(parsed)) {
    if (!isProviderId(provider)) {
      throw new UsageError(`${name}: unknown platform "${provider}"; platforms: ${providerIds.join(', ')}.`, { spec });
    }
    if (!isPlainObject(settings)) throw new UsageError(`${name}: "${provider}" must be an object such as { "apiKey": "..." }.`, { spec });
    const accepted = settingNamesOf(provider);
    for (const [setting, value] of Object.entries(settings)) {
      if (!accepted.includes(setting)) {
        throw new UsageError(`${name}: ${provider} takes ${accepted.join(', ')}; "${setting}" is none of them.`, { spec });
      }
      if (typeof value !== 'string' || value.trim() === '') {
        throw new UsageError(`${name}: ${provider}.${setting} must be a text that is not empty.`, { spec });
      }
    }
    platforms[provider] = settings as PlatformSettings;
  }
  return platforms;
}

/**
 * Reads the platforms of `--config <file>` (relative to `cwd`), else of `voiceplane.config.json`
 * in `cwd` when there is one; `null` when there is none. Throws `UsageError` naming the file and
 * what is wrong with it.
 */
export async function readConfigFile(path: string | undefined, cwd: string, spec: CommandSpec): Promise<ConfigFile | null> {
  const name = path ?? defaultConfigFile;
  let text: string;
  try {
    text = await readFile(resolve(cwd, name), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (path === undefined && code === 'ENOENT') return null;
    const reason = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new UsageError(`cannot read the config file ${name}: ${reason}.`, { spec });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON${locationOf(error, text)}.`, { spec });
  }
  return { name, platforms: checkPlatforms(name, parsed, spec) };
}
