import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createClient, type ClientOptions, type OperationName } from '../src/index.js';
import { operationNames } from '../src/provider.js';
import { providers } from '../src/providers/registry.js';
import { rewriteTables, tableFiles } from '../scripts/write-operation-tables.js';

// The platform tables of the README and docs/campaigns.md are written by scripts/write-operation-tables.ts
// from the registry and the resource table; they must be current, and say, for every platform, exactly what
// its client answers to supports(): a cell "yes" (or "yes (...)") is offered, "-" is not; a row that
// names several operations ("`campaigns.pause` / `resume`") has one part per operation, or one word for all.

/** The operations a row's label names: "`phoneNumbers.create` / `delete`" -> phoneNumbers.create, phoneNumbers.delete. */
function operationsOf(label: string): OperationName[] {
  let resource = '';
  return label.split('/').map((part) => {
    const name = part.replace(/`/g, '').trim().replace(/\(.*$/, '');
    if (name.includes('.')) {
      resource = name.split('.')[0]!;
      return name as OperationName;
    }
    return `${resource}.${name}` as OperationName;
  });
}

function clientOf(provider: string) {
  const required = Object.fromEntries(
    (providers[provider as keyof typeof providers].options ?? []).map((option) => [option.name, 'docs']),
  );
  return createClient({ provider, apiKey: 'k', baseUrl: 'https://docs.test', ...required } as ClientOptions);
}

async function checkTable(file: string) {
  const text = await readFile(new URL(`../${file}`, import.meta.url), 'utf8');
  const lines = text.split('\n');
  const header = lines.findIndex((line) => /^\| operation \| vox \|/.test(line));
  expect(header, `${file}: the operation table`).toBeGreaterThanOrEqual(0);
  const columns = lines[header]!.split('|').slice(2, -1).map((cell) => cell.trim());
  expect([...columns].sort()).toEqual(Object.keys(providers).sort());
  let checked = 0;
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const operations = operationsOf(cells[0]!);
    for (const [index, provider] of columns.entries()) {
      const parts = cells[index + 1]!.split('/').map((part) => part.trim().startsWith('yes'));
      const said = parts.length === 1 ? operations.map(() => parts[0]) : parts;
      const client = clientOf(provider);
      expect(said, `${file}: ${provider} ${cells[0]}`).toEqual(operations.map((operation) => client.supports(operation)));
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(20);
}

describe('operation tables in the docs', () => {
  it.each(Object.entries(tableFiles))('%s holds the tables the script writes now (run npx tsx scripts/write-operation-tables.ts)', async (file, tables) => {
    const text = await readFile(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(rewriteTables(file, text, tables)).toBe(text);
  });

  it('lists every operation of the resource table and every provider of the registry', async () => {
    const text = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    for (const operation of operationNames) expect(text).toContain(`| \`${operation}\` |`);
    for (const definition of Object.values(providers)) expect(text).toContain(`| \`${definition.id}\` | \`${definition.environmentPrefix}_API_KEY\``);
  });

  it('docs/campaigns.md says for every platform exactly what supports() answers', () => checkTable('docs/campaigns.md'));
  it('README.md says for every platform exactly what supports() answers', () => checkTable('README.md'));
});
