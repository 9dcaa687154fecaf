import { defineConfig } from 'tsup';
// One entry per provider folder besides the main one (scripts/provider-entries.mjs), so that a service
// using one platform bundles one adapter.
import { libraryEntries } from './scripts/provider-entries.mjs';

// voiceplane/redis is built on its own (the last config): in the shared build, its use of the pacer
// and the call slots would split them out of the core chunk into one more file every entry loads.
const { redis: redisEntry, ...entry }: Record<string, string> = libraryEntries();

export default defineConfig([
  {
    // The `voiceplane` command is ESM only (package.json "bin"); tsup keeps its shebang and makes it executable.
    entry: { ...entry, cli: 'src/cli/index.ts' },
    format: 'esm',
    // The types of every entry, voiceplane/redis's included: the first config cleans dist/ while the others build.
    dts: { entry: { ...entry, redis: redisEntry! } },
    clean: true,
    target: 'node20',
    sourcemap: false,
    treeshake: true,
  },
  {
    entry,
    format: 'cjs',
    dts: { entry: { ...entry, redis: redisEntry! } },
    target: 'node20',
    sourcemap: false,
    treeshake: true,
    // ky is ESM-only: a CommonJS require() of it fails, so the CJS build carries its own copy.
    noExternal: ['ky'],
    // Shared code in chunks, as in the ESM build: `require('voiceplane')` and `require('voiceplane/vox')`
    // then hold the same error classes, so `instanceof` works across entry points.
    splitting: true,
  },
  {
    // One file per format, with its own copy of the core code it uses: no chunk is shared with the
    // other entries, so a client that sets no limiter loads exactly what it loaded before. The error
    // classes it copies keep one identity with the main entry's (see core/errors.ts).
    entry: { redis: redisEntry! },
    format: ['esm', 'cjs'],
    dts: false,
    target: 'node20',
    sourcemap: false,
    treeshake: true,
    splitting: false,
  },
]);
