import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The rule `no-restricted-imports` would state, without adding a linter: a platform is written
// against `voiceplane/provider` (src/provider.ts) only, so nothing under src/providers/ may import
// src/core/ directly. A new file that does fails this test, naming the file and the import.

const root = resolve(import.meta.dirname, '../..');
const providersDirectory = join(root, 'src/providers');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : [],
  );
}

/** Every module specifier of a file: static imports and re-exports, dynamic `import()`s. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  return found;
}

describe('providers import voiceplane/provider only', () => {
  it('no file under src/providers imports src/core', () => {
    const offenders = sourceFiles(providersDirectory).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.') && resolve(join(file, '..'), specifier).startsWith(join(root, 'src/core')))
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the scan sees an import of the core when there is one', () => {
    const file = join(providersDirectory, 'example/index.ts');
    const imported = specifiers("import { path } from '../../core/kit/path.js';\nexport * from '../../provider.js';");
    expect(imported.map((specifier) => resolve(join(file, '..'), specifier).startsWith(join(root, 'src/core')))).toEqual([true, false]);
  });
});
