// Writes package.json's "exports" and "typesVersions" for every library entry (scripts/provider-entries.mjs), so that a new
// provider folder needs no hand edit of package.json: run `npm run sync-exports` after adding one.
// test/entry-points.test.ts fails while package.json and the entries differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { libraryEntries } from './provider-entries.mjs';

const file = fileURLToPath(new URL('../package.json', import.meta.url));

/** The "exports" map the entries call for, in a stable order. */
export function expectedExports() {
  const exports = {};
  for (const name of Object.keys(libraryEntries())) {
    const key = name === 'index' ? '.' : `./${name}`;
    exports[key] = {
      import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
      require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
    };
  }
  exports['./package.json'] = './package.json';
  return exports;
}

/**
 * "typesVersions" for every subpath, so that TypeScript's classic `moduleResolution: node` (which reads
 * no "exports") still finds each subpath's types.
 */
export function expectedTypesVersions() {
  const paths = {};
  for (const name of Object.keys(libraryEntries())) {
    if (name !== 'index') paths[name] = [`./dist/${name}.d.cts`];
  }
  return { '*': paths };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.exports = expectedExports();
  pkg.typesVersions = expectedTypesVersions();
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`package.json: ${Object.keys(pkg.exports).length} exports`);
}
