// Writes the platform tables of README.md and docs/campaigns.md from the registry and the resource
// table: one column per provider, one row per operation, "yes" where the provider's client answers
// supports() with true. A note in parentheses after a "yes" ("yes (pathway)") is kept while the
// provider still offers the operation. README.md also gets the table of keys and base URLs. Run it
// after adding a provider or wiring an operation (test/docs-campaign-table.test.ts fails while a
// table is not current; scripts/scaffold-provider.mjs runs it):
//   npx tsx scripts/write-operation-tables.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClient, type ClientOptions, type OperationName } from '../src/index.js';
import { operationNames } from '../src/provider.js';
import { providers } from '../src/providers/registry.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The files whose tables this script writes, and which tables each holds. */
export const tableFiles = { 'README.md': ['operations', 'providers'], 'docs/campaigns.md': ['operations'] } as const;

type TableName = (typeof tableFiles)[keyof typeof tableFiles][number];

const marker = (table: TableName, end: 'start' | 'end') => `<!-- ${table}-table:${end} (written by scripts/write-operation-tables.ts) -->`;

/** A client of each provider, built with placeholder options, to ask supports(). */
function clientOf(provider: string) {
  const definition = providers[provider as keyof typeof providers];
  const required = Object.fromEntries((definition.options ?? []).map((option) => [option.name, 'docs']));
  return createClient({ provider, apiKey: 'k', baseUrl: 'https://docs.test', ...required } as ClientOptions);
}

/** The notes ("pathway") the current table gives its "yes" cells, by provider and operation. */
function notesOf(current: string): Map<string, string> {
  const notes = new Map<string, string>();
  const lines = current.split('\n');
  const columns = lines[0]?.split('|').slice(2, -1).map((cell) => cell.trim()) ?? [];
  for (const line of lines.slice(2)) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const operation = cells[0]?.replace(/`/g, '');
    for (const [index, provider] of columns.entries()) {
      const note = /^yes (\(.*\))$/.exec(cells[index + 1] ?? '')?.[1];
      if (note && operation) notes.set(`${provider} ${operation}`, note);
    }
  }
  return notes;
}

/** The operation table: one row per operation of the resource table, one column per provider. */
export function operationTable(current = ''): string {
  const ids = Object.keys(providers);
  const notes = notesOf(current);
  const offered = new Map(ids.map((id) => [id, clientOf(id)]));
  const rows = operationNames.map((operation: OperationName) => {
    const cells = ids.map((id) => {
      if (!offered.get(id)!.supports(operation)) return '-';
      const note = notes.get(`${id} ${operation}`);
      return note ? `yes ${note}` : 'yes';
    });
    return `| \`${operation}\` | ${cells.join(' | ')} |`;
  });
  return [`| operation | ${ids.join(' | ')} |`, `|---|${ids.map(() => '---').join('|')}|`, ...rows].join('\n');
}

/** The table of each provider's key, base URL and docs page. */
export function providerTable(): string {
  const rows = Object.values(providers).map((definition) => {
    const prefix = definition.environmentPrefix;
    const variables = [`${prefix}_API_KEY`, ...(definition.options ?? []).filter((option) => option.environmentSuffix).map((option) => `${prefix}_${option.environmentSuffix}`)];
    const baseUrl = definition.defaultBaseUrl ? `\`${definition.defaultBaseUrl}\`` : `required (\`${prefix}_BASE_URL\`)`;
    const page = `docs/providers/${definition.id}.md`;
    const docs = existsSync(`${root}${page}`) ? `[${page}](${page})` : '-';
    return `| \`${definition.id}\` | ${variables.map((name) => `\`${name}\``).join(', ')} | ${baseUrl} | ${docs} |`;
  });
  return ['| provider | key | base URL | mapping, paging, assumptions |', '|---|---|---|---|', ...rows].join('\n');
}

/** `text` with each of `tables` rewritten between its markers; throws where a marker is missing. */
export function rewriteTables(file: string, text: string, tables: readonly TableName[]): string {
  let result = text;
  for (const table of tables) {
    const start = result.indexOf(marker(table, 'start'));
    const end = result.indexOf(marker(table, 'end'));
    if (start < 0 || end < start) throw new Error(`${file}: no ${marker(table, 'start')} ... ${marker(table, 'end')} markers.`);
    const current = result.slice(start + marker(table, 'start').length, end).trim();
    const written = table === 'operations' ? operationTable(current) : providerTable();
    result = `${result.slice(0, start)}${marker(table, 'start')}\n${written}\n${result.slice(end)}`;
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, tables] of Object.entries(tableFiles)) {
    const path = `${root}${file}`;
    writeFileSync(path, rewriteTables(file, readFileSync(path, 'utf8'), tables));
    console.log(file);
  }
}
