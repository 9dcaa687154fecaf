import { defineConfig } from 'tsup';

// One entry per provider besides the main one, so that a service using one platform bundles one adapter.
const entry = {
  index: 'src/index.ts',
  vox: 'src/vox.ts',
  vogent: 'src/vogent.ts',
  generic: 'src/generic.ts',
  'numbers-assignment': 'src/numbers-assignment.ts',
  // The sandbox for users' tests; its msw handlers are a separate entry so that only they load msw.
  testing: 'src/testing/index.ts',
  'testing/msw': 'src/testing/msw.ts',
  // Webhook verification: node:crypto and the error classes, no HTTP client.
  webhooks: 'src/webhooks/index.ts',
};

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
