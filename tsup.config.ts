import { defineConfig } from 'tsup';
// One entry per provider folder besides the main one (scripts/provider-entries.mjs), so that a service
// using one platform bundles one adapter.
import { libraryEntries } from './scripts/provider-entries.mjs';

const entry: Record<string, string> = libraryEntries();

export default defineConfig([
  {
    // The `voiceplane` command is ESM only (package.json "bin"); tsup keeps its shebang and makes it executable.
    entry: { ...entry, cli: 'src/cli/index.ts' },
    format: 'esm',
    dts: { entry },
    clean: true,
    target: 'node20',
    sourcemap: false,
    treeshake: true,
  },
  {
    entry,
    format: 'cjs',
    dts: true,
    target: 'node20',
    sourcemap: false,
    treeshake: true,
    // ky is ESM-only: a CommonJS require() of it fails, so the CJS build carries its own copy.
    noExternal: ['ky'],
    // Shared code in chunks, as in the ESM build: `require('voiceplane')` and `require('voiceplane/vox')`
    // then hold the same error classes, so `instanceof` works across entry points.
    splitting: true,
  },
]);
