// Scaffolds a platform: copies a provider folder (by default the smallest, `generic`) under a new id,
// renames what carries the old id (the provider id, its `createXClient` factory and `XClient` types,
// its environment prefix), adds the one registry line, and writes the package exports. The result
// builds and passes the quick suite as it is; docs/adding-a-platform.md walks through each file.
//
//   node scripts/scaffold-provider.mjs <new-id> [--from <existing-id>]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const providersFolder = join(root, 'src/providers');

/** `numbers-assignment` -> `NumbersAssignment`. */
export const pascal = (id) => id.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter) => letter.toUpperCase());
/** `numbers-assignment` -> `numbersAssignment`. */
export const camel = (id) => pascal(id).replace(/^[A-Z]/, (letter) => letter.toLowerCase());
/** `numbers-assignment` -> `NUMBERS_ASSIGNMENT`. */
export const upper = (id) => id.replace(/-/g, '_').toUpperCase();

/** Copies `from` to `id` and registers it; returns the files written. */
export function scaffoldProvider(id, from = 'generic') {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`scaffold-provider: "${id}" is not a provider id (lower-case letters, digits, dashes).`);
  const source = join(providersFolder, from);
  const target = join(providersFolder, id);
  if (!existsSync(source)) throw new Error(`scaffold-provider: there is no provider folder src/providers/${from}.`);
  if (existsSync(target)) throw new Error(`scaffold-provider: src/providers/${id} exists already.`);
  cpSync(source, target, { recursive: true });
  // The id as text first ('generic', voiceplane/generic, the `generic: ` that starts a message), then
  // the identifiers made from it, so that a quoted id never becomes the camel-case identifier.
  const renames = [
    [new RegExp(`'${from}'`, 'g'), `'${id}'`],
    [new RegExp(`voiceplane/${from}\\b`, 'g'), `voiceplane/${id}`],
    [new RegExp(`\`${from}: `, 'g'), `\`${id}: `],
    [new RegExp(`\\b${camel(from)}(?![-'/])`, 'g'), camel(id)],
    [new RegExp(`${pascal(from)}`, 'g'), pascal(id)],
    [new RegExp(`\\b${upper(from)}_`, 'g'), `${upper(id)}_`],
    [new RegExp(`environmentPrefix: '${upper(from)}'`, 'g'), `environmentPrefix: '${upper(id)}'`],
  ];
  const written = [];
  for (const name of readdirSync(target)) {
    const file = join(target, name);
    let text = readFileSync(file, 'utf8');
    for (const [pattern, replacement] of renames) text = text.replace(pattern, replacement);
    writeFileSync(file, text);
    written.push(`src/providers/${id}/${name}`);
  }
  // The one line outside the folder: the registry's import and entry.
  const registryFile = join(providersFolder, 'registry.ts');
  let registry = readFileSync(registryFile, 'utf8');
  const constant = `${camel(id)}Provider`;
  const lastImport = registry.lastIndexOf('\nimport ');
  const afterImports = registry.indexOf('\n', registry.indexOf(';', lastImport)) + 1;
  registry = `${registry.slice(0, afterImports)}import { ${constant} } from './${id}/index.js';\n${registry.slice(afterImports)}`;
  registry = registry.replace(/\n\} as const;/, `\n  ${id.includes('-') ? `'${id}'` : id}: ${constant},\n} as const;`);
  writeFileSync(registryFile, registry);
  written.push('src/providers/registry.ts');
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [id, flag, from] = process.argv.slice(2);
  if (!id || (flag !== undefined && flag !== '--from')) {
    process.stderr.write('usage: node scripts/scaffold-provider.mjs <new-id> [--from <existing-id>]\n');
    process.exit(2);
  }
  for (const file of scaffoldProvider(id, from)) process.stdout.write(`${file}\n`);
  // package.json's exports follow from the folders.
  // package.json's exports and the main entry's type exports follow from the folders.
  const { syncExports } = await import('./sync-package-exports.mjs');
  syncExports();
  process.stdout.write('package.json\nsrc/index.ts\n');
  // What else follows from the registry: the sandbox fixtures and the docs' platform tables.
  const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
  for (const script of ['scripts/write-sandbox-fixtures.ts', 'scripts/write-operation-tables.ts']) {
    process.stdout.write(execFileSync(process.execPath, [tsx, script], { cwd: root, encoding: 'utf8' }));
  }
}
