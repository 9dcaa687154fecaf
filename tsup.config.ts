import { defineConfig } from 'tsup';

const entry = { index: 'src/index.ts' };

export default defineConfig([
  {
    entry,
    format: 'esm',
    dts: true,
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
