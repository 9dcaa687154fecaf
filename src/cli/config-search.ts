import { lstat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';

/** Looked for in the working directory and each directory above it when no --config is given; its absence is no mistake. */
export const defaultConfigFile = 'voiceplane.config.json';

/** Whether `directory` is `home` or inside it. */
function isUnder(directory: string, home: string): boolean {
  const fromHome = relative(home, directory);
  return fromHome === '' || (!fromHome.startsWith('..') && !isAbsolute(fromHome));
}

/**
 * The path of the first voiceplane.config.json in `cwd` or a directory above it, up to the home
 * directory (or the root when `cwd` is not under it), or `null`. Only the name is looked at
 * (lstat), never the content: what is found is checked and read later, so that a named pipe or a
 * link to a device is refused by name instead of blocking the search or filling the memory. An
 * entry of any kind is found, and refused by name, rather than skipped for one further up.
 */
export async function findConfigFile(cwd: string, home: string = homedir()): Promise<string | null> {
  let directory = resolve(cwd);
  const stopAt = isUnder(directory, resolve(home)) ? resolve(home) : null;
  for (;;) {
    const candidate = join(directory, defaultConfigFile);
    try {
      await lstat(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    }
    const parent = dirname(directory);
    if (directory === stopAt || parent === directory) return null;
    directory = parent;
  }
}
