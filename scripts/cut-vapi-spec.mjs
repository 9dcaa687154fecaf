// Cuts Vapi's published OpenAPI 3.0 document down to what the Vapi adapter and its contract tests use,
// and writes the cut to fixtures/vapi/openapi-cut.json, so that a clone of the repository tests
// against it with nothing beside it.
//   node scripts/cut-vapi-spec.mjs <path of Vapi's full openapi.json> [--cut-date YYYY-MM-DD]
// The full document is `fern/apis/api/openapi.json` of the VapiAI/docs repository. The cut keeps the
// operations listed below, every schema they reach through `$ref` (followed transitively), and the
// security schemes; everything else is dropped. Its `x-cut` header names the source and both dates.
// Re-run it after updating the source fields below when Vapi's document changes.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the full document comes from: the header of the cut repeats it. */
export const source = {
  repository: 'VapiAI/docs',
  path: 'fern/apis/api/openapi.json',
  commit: 'eabfa530',
  committed: '2026-08-20',
};

/**
 * The operations kept: those the adapter sends today (numbers and campaigns) and those the calls and
 * agents resources are built on next (calls and assistants).
 */
export const keptOperations = [
  ['get', '/v2/phone-number'],
  ['get', '/phone-number/{id}'],
  ['patch', '/phone-number/{id}'],
  ['delete', '/phone-number/{id}'],
  ['get', '/v2/campaign'],
  ['post', '/v2/campaign'],
  ['get', '/v2/campaign/{id}'],
  ['patch', '/v2/campaign/{id}'],
  ['get', '/call'],
  ['post', '/call'],
  ['get', '/call/{id}'],
  ['get', '/assistant'],
  ['get', '/assistant/{id}'],
];

export const outputPath = fileURLToPath(new URL('../fixtures/vapi/openapi-cut.json', import.meta.url));

const schemaRef = /^#\/components\/([^/]+)\/([^/]+)$/;

/** Every `#/components/...` reference under a node, as [kind, name] pairs. */
function referencesIn(node, found = []) {
  if (Array.isArray(node)) for (const item of node) referencesIn(item, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const match = schemaRef.exec(value);
        if (!match) throw new Error(`A $ref the cut cannot follow: ${value}`);
        found.push([match[1], decodeURIComponent(match[2])]);
      } else referencesIn(value, found);
    }
  }
  return found;
}

/** The document cut to the kept operations and the components they reach. */
export function cut(document, cutDate) {
  const paths = {};
  for (const [method, path] of keptOperations) {
    const operation = document.paths[path]?.[method];
    if (!operation) throw new Error(`Vapi's document has no ${method.toUpperCase()} ${path}: update keptOperations.`);
    (paths[path] ??= {})[method] = operation;
  }
  const components = { securitySchemes: document.components.securitySchemes };
  const pending = referencesIn(paths);
  const seen = new Set();
  while (pending.length > 0) {
    const [kind, name] = pending.pop();
    const key = `${kind}/${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const target = document.components[kind]?.[name];
    if (target === undefined) throw new Error(`Vapi's document refers to #/components/${key}, which it does not define.`);
    (components[kind] ??= {})[name] = target;
    referencesIn(target, pending);
  }
  for (const kind of Object.keys(components)) {
    components[kind] = Object.fromEntries(Object.entries(components[kind]).sort(([left], [right]) => left.localeCompare(right)));
  }
  return {
    'x-cut': {
      source: `${source.repository} repository, ${source.path}, commit ${source.commit} (${source.committed})`,
      cutOn: cutDate,
      by: 'scripts/cut-vapi-spec.mjs',
      operations: keptOperations.map(([method, path]) => `${method.toUpperCase()} ${path}`),
    },
    openapi: document.openapi,
    info: document.info,
    servers: document.servers,
    paths,
    components,
  };
}

function main(argv) {
  const [input, ...rest] = argv;
  if (!input || input.startsWith('--')) {
    console.error('usage: node scripts/cut-vapi-spec.mjs <path of Vapi\'s full openapi.json> [--cut-date YYYY-MM-DD]');
    process.exit(2);
  }
  const dateFlag = rest.indexOf('--cut-date');
  const cutDate = dateFlag >= 0 ? rest[dateFlag + 1] : new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(cutDate ?? '')) {
    console.error('--cut-date takes a date written YYYY-MM-DD.');
    process.exit(2);
  }
  const document = JSON.parse(readFileSync(input, 'utf8'));
  const result = cut(document, cutDate);
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, `${JSON.stringify(result, null, 1)}\n`);
  const schemas = Object.keys(result.components.schemas ?? {}).length;
  console.log(`Wrote ${outputPath}: ${keptOperations.length} operations, ${schemas} schemas.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
