// Writes package.json's "exports" and "typesVersions" for every library entry (scripts/provider-entries.mjs), so that a new
// provider folder needs no hand edit of package.json: run `npm run sync-exports` after adding one.
// test/entry-points.test.ts fails while package.json and the entries differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { libraryEntries, providerEntryIds } from './provider-entries.mjs';

const file = fileURLToPath(new URL('../package.json', import.meta.url));
const indexFile = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const startMarker = '// Each provider\'s types, as its entry point exports them (written by scripts/sync-package-exports.mjs):';
const endMarker = '// End of the providers\' types.';

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

/**
 * The main entry's type exports of every provider: each `export type { ... }` of the provider's entry
 * point (`src/providers/<id>/entry.ts`), pointed at the provider's folder.
 */
export function expectedProviderTypeExports() {
  const lines = [];
  for (const id of providerEntryIds()) {
    const entry = readFileSync(fileURLToPath(new URL(`../src/providers/${id}/entry.ts`, import.meta.url)), 'utf8');
    for (const match of entry.matchAll(/^export type \{([^}]*)\} from '\.\/([^']+)';$/gm)) {
      lines.push(`export type {${match[1]}} from './providers/${id}/${match[2]}';`);
    }
  }
  return lines.join('\n');
}

/** src/index.ts with its block of provider type exports as the entries call for. */
export function expectedIndexText(text = readFileSync(indexFile, 'utf8')) {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`src/index.ts: no "${startMarker}" ... "${endMarker}" block.`);
  return `${text.slice(0, start)}${startMarker}\n${expectedProviderTypeExports()}\n${text.slice(end)}`;
}

/** Writes package.json's exports and typesVersions, and the main entry's provider type exports. */
export function syncExports() {
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.exports = expectedExports();
  pkg.typesVersions = expectedTypesVersions();
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(indexFile, expectedIndexText());
  return pkg;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = syncExports();
  console.log(`package.json: ${Object.keys(pkg.exports).length} exports; src/index.ts: ${providerEntryIds().length} providers' types`);
}
