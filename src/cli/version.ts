import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of the installed package, from its package.json: found by walking up from this
 * module, which is `dist/cli.js` once built and `src/cli/version.ts` in the sources.
 */
export async function packageVersion(): Promise<string> {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(await readFile(join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'voiceplane' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here (or not ours): look further up.
    }
    const parent = dirname(directory);
    if (parent === directory) return 'unknown';
    directory = parent;
  }
}
