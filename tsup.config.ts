import { defineConfig } from 'tsup';

const entry = {
  index: 'src/index.ts',
  // The sandbox for users' tests; its msw handlers are a separate entry so that only they load msw.
  testing: 'src/testing/index.ts',
  'testing/msw': 'src/testing/msw.ts',
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
  },
]);
