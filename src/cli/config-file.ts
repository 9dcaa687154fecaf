import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { isPlainObject } from '../core/kit/is-plain-object.js';
import type { ProviderId } from '../index.js';
import { isProviderId, providerIds } from './accepted-values.js';
import { optionsOf } from './provider-options.js';
import type { CommandSpec } from './commands-spec.js';
import { didYouMean } from './suggest.js';
import { UsageError } from './usage-error.js';

import { FileRefusedError, megabytes, readBoundedFile } from './bounded-file.js';
import { defaultConfigFile, findConfigFile } from './config-search.js';

export { defaultConfigFile, findConfigFile };

/** A config file holds a few keys and addresses: anything larger is no config file, and is not read. */
export const maxConfigFileBytes = 1_000_000;

/** Settings of the whole file (top level) or of one platform that tune the requests rather than reach a platform. */
export interface RequestSettings {
  timeoutMs?: number;
  maxRetries?: number;
}

/** How to reach one platform: what `createClient` takes for it, less the provider. */
export interface PlatformSettings extends RequestSettings {
  apiKey?: string;
  baseUrl?: string;
  /** The provider's own options (generic's organizationId, ...), by name, as its definition declares them. */
  [providerOption: string]: string | number | undefined;
}

/** A config file that was read: `{ "timeoutMs": 10000, "vox": { "apiKey": "..." }, ... }`, checked. */
export interface ConfigFile {
  /** The file as the user named it, or its path from the working directory when it was found, for messages. */
  name: string;
  /** The absolute path. */
  path: string;
  /** Named by --config: the user chose it. Otherwise found by searching, and maybe brought in by a cloned repository. */
  named: boolean;
  platforms: Partial<Record<ProviderId, PlatformSettings>>;
  /** The top-level timeoutMs and maxRetries, for every platform. */
  requests: RequestSettings;
}

const numberSettings = ['timeoutMs', 'maxRetries'] as const;

/** The text settings of a platform: its key, its address and its own options (from its definition). */
function textSettingsOf(provider: ProviderId): string[] {
  return ['apiKey', 'baseUrl', ...optionsOf(provider).map((option) => option.name)];
}

function settingNamesOf(provider: ProviderId): string[] {
  return [...textSettingsOf(provider), ...numberSettings];
}

/** Where in the text JSON.parse stopped, as line and column; its own message may quote the text, keys included. */
function locationOf(error: unknown, text: string): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Checks a timeoutMs or maxRetries of the file, in the words of the flags that set the same. */
function checkNumberSetting(where: string, setting: (typeof numberSettings)[number], value: unknown, spec: CommandSpec | undefined): number {
  const isWhole = typeof value === 'number' && Number.isSafeInteger(value);
  if (setting === 'timeoutMs' && !(isWhole && value > 0)) {
    throw new UsageError(`${where}timeoutMs must be a whole number of milliseconds, 1 or more (as --timeout).`, { spec });
  }
  if (setting === 'maxRetries' && !(isWhole && value >= 0)) {
    throw new UsageError(`${where}maxRetries must be a whole number, 0 or more (as --max-retries).`, { spec });
  }
  return value as number;
}

/** Checks the parsed file. Values are never quoted back: one of them is a key. */
function checkFile(name: string, parsed: unknown, spec: CommandSpec | undefined): Pick<ConfigFile, 'platforms' | 'requests'> {
  const example = '{ "vox": { "apiKey": "..." } }';
  if (!isPlainObject(parsed)) throw new UsageError(`${name} must hold one JSON object of platforms, such as ${example}.`, { spec });
  const platforms: ConfigFile['platforms'] = {};
  const requests: RequestSettings = {};
  for (const [key, settings] of Object.entries(parsed)) {
    if ((numberSettings as readonly string[]).includes(key)) {
      requests[key as keyof RequestSettings] = checkNumberSetting(`${name}: `, key as 'timeoutMs', settings, spec);
      continue;
    }
    if (!isProviderId(key)) {
      const hint = didYouMean(key, [...providerIds, ...numberSettings]);
      throw new UsageError(`${name}: unknown platform "${key}"; platforms: ${providerIds.join(', ')}.${hint}`, { spec });
    }
    if (!isPlainObject(settings)) throw new UsageError(`${name}: "${key}" must be an object such as { "apiKey": "..." }.`, { spec });
    const accepted = settingNamesOf(key);
    const checked: Record<string, unknown> = {};
    for (const [setting, value] of Object.entries(settings)) {
      if (!accepted.includes(setting)) {
        throw new UsageError(`${name}: ${key} takes ${accepted.join(', ')}; "${setting}" is none of them.`, { spec });
      }
      if (textSettingsOf(key).includes(setting) && (typeof value !== 'string' || value.trim() === '')) {
        throw new UsageError(`${name}: ${key}.${setting} must be a text that is not empty.`, { spec });
      }
      checked[setting] = (numberSettings as readonly string[]).includes(setting)
        ? checkNumberSetting(`${name}: ${key}.`, setting as 'timeoutMs', value, spec)
        : value;
    }
    platforms[key] = checked as PlatformSettings;
  }
  return { platforms, requests };
}

/** Parses the text of a config file. A UTF-8 BOM (Windows editors write one) is no part of the JSON. */
function parseConfigText(name: string, text: string, spec: CommandSpec | undefined): unknown {
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON${locationOf(error, json)}.`, { spec });
  }
}

/** How a found file is named in messages: from the working directory when it is at or above it. */
function displayName(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd === '' || isAbsolute(fromCwd) ? path : fromCwd;
}

/**
 * Reads `--config <file>` (relative to `cwd`), else the `voiceplane.config.json` found in `cwd` or
 * above it; `null` when there is none. Throws `UsageError` naming the file and what is wrong with it.
 */
export async function readConfigFile(configPath: string | undefined, cwd: string, spec: CommandSpec | undefined): Promise<ConfigFile | null> {
  let path: string;
  let name: string;
  if (configPath === undefined) {
    const found = await findConfigFile(cwd);
    if (found === null) return null;
    path = found;
    name = displayName(found, cwd);
  } else {
    path = resolve(cwd, configPath);
    name = configPath;
  }
  let text: string;
  try {
    text = await readBoundedFile(path, maxConfigFileBytes);
  } catch (error) {
    if (!(error instanceof FileRefusedError)) throw error;
    const { refusal } = error;
    const reason =
      refusal.kind === 'missing'
        ? 'there is no such file'
        : refusal.kind === 'not-regular'
          ? `it is ${refusal.what}, not a regular file`
          : refusal.kind === 'too-large'
            ? `it is larger than ${megabytes(refusal.maxBytes)}, which no config file is`
            : refusal.code;
    throw new UsageError(`cannot read the config file ${name}: ${reason}.`, { spec });
  }
  const checked = checkFile(name, parseConfigText(name, text, spec), spec);
  return { name, path, named: configPath !== undefined, ...checked };
}

/**
 * A warning when the file holds a key and others than its owner may read it (mode & 0o077);
 * `null` when it is private, holds no key, or the system has no such modes (Windows).
 */
export async function permissionWarning(file: ConfigFile, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  if (platform === 'win32') return null;
  if (!Object.values(file.platforms).some((settings) => settings?.apiKey !== undefined)) return null;
  const { mode } = await stat(file.path);
  if ((mode & 0o077) === 0) return null;
  const octal = (mode & 0o777).toString(8);
  return `warning: ${file.name} holds API keys and others can read it (mode ${octal}); run: chmod 600 ${file.name}`;
}
