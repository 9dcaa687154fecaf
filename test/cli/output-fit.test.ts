import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { PhoneNumber } from '../../src/index.js';
import { campaignCsvColumns, numberCsvColumns, numberTableColumns } from '../../src/cli/output/columns.js';
import { displayWidth, truncateToWidth } from '../../src/cli/output/display-width.js';
import { spreadsheetCell } from '../../src/cli/output/spreadsheet.js';
import { renderTable } from '../../src/cli/output/table.js';
import { createWriter } from '../../src/cli/output/writer.js';

describe('display width', () => {
  it.each([
    ['ascii', 'abc', 3],
    ['Hangul syllables', '서울', 4],
    ['an emoji', '📞', 2],
    ['a ZWJ family drawn as one picture', '👨‍👩‍👧', 2],
    ['a flag', '🇰🇷', 2],
    ['a combining accent', 'e\u0301', 1],
    ['decomposed Hangul (jamo)', '\u1112\u1161\u11AB\u1100\u1173\u11AF', 4],
  ])('%s', (_name, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('truncation cuts between grapheme clusters and marks the cut with an ellipsis', () => {
    expect(truncateToWidth('서울 본사 대표번호', 7)).toBe('서울 …');
    expect(truncateToWidth('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 5)).toBe('👨‍👩‍👧👨‍👩‍👧…');
    expect(truncateToWidth('cafe\u0301 menu', 5)).toBe('cafe\u0301…');
    expect(truncateToWidth('short', 10)).toBe('short');
  });
});

const number = (index: number, label: string): PhoneNumber =>
  ({
    provider: 'vox',
    id: `pn_${String(index).padStart(24, '0')}`,
    number: '+82 2-1234-5678',
    e164: '+8221234567' + String(index % 10),
    status: { unified: 'active', raw: 'ACTIVE_AND_ROUTED' },
    agentId: 'agent_0123456789abcdef',
    outboundAgentId: null,
    label,
    type: 'local',
    carrier: null,
    inbound: true,
    outbound: true,
    createdAt: new Date('2024-05-01T12:00:00Z'),
    updatedAt: null,
    raw: {},
  }) as unknown as PhoneNumber;

const items = Array.from({ length: 30 }, (_, index) => number(index, `서울 본사 대표번호 ${index} 👨‍👩‍👧 and a long description`));

describe('a table on a terminal', () => {
  it('fits 80 columns: drops the least needed columns, cuts the rest with an ellipsis', () => {
    const lines = renderTable(numberTableColumns, items, 80).trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^PROVIDER +ID +NUMBER +STATUS/);
    expect(lines[0]).not.toContain('TYPE');
    expect(lines.join('\n')).toContain('…');
  });

  it('unfitted (a pipe, or --wide): every column, nothing cut', () => {
    const lines = renderTable(numberTableColumns, items).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PROVIDER +ID +NUMBER +E164 +STATUS +AGENT +LABEL +TYPE +CREATED$/);
    expect(lines[1]).toContain('서울 본사 대표번호 0 👨‍👩‍👧 and a long description');
    expect(Math.max(...lines.map(displayWidth))).toBeGreaterThan(150);
  });

  it('rows are written as they come once the first 20 have sized the columns; an interrupt shows those held back', () => {
    let written = '';
    const writer = createWriter({
      format: 'table',
      shape: 'list',
      tableColumns: numberTableColumns,
      csvColumns: numberCsvColumns,
      out: { write: (text: string) => (written += text) },
      terminalColumns: 100,
    });
    writer.write(items.slice(0, 19));
    expect(written).toBe('');
    writer.write(items.slice(19, 20));
    expect(written.trimEnd().split('\n')).toHaveLength(21);
    writer.write(items.slice(20, 21));
    expect(written.trimEnd().split('\n')).toHaveLength(22);
    for (const line of written.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);

    let interrupted = '';
    const held = createWriter({
      format: 'table',
      shape: 'list',
      tableColumns: numberTableColumns,
      csvColumns: numberCsvColumns,
      out: { write: (text: string) => (interrupted += text) },
      terminalColumns: 100,
    });
    held.write(items.slice(0, 3));
    held.interrupt();
    expect(interrupted.trimEnd().split('\n')).toHaveLength(4);
  });
});

describe('CSV for a spreadsheet (--bom)', () => {
  it.each([
    ['0212345678', '="0212345678"'],
    ['+8221234567', '="+8221234567"'],
    ['+82 2-1234-5678', '="+82 2-1234-5678"'],
    ['12345678901234567890', '="12345678901234567890"'],
    ['42', '42'],
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['서울 본사', '서울 본사'],
    ['2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00.000Z'],
  ])('%s is written as %s', (value, cell) => {
    expect(spreadsheetCell(value)).toBe(cell);
  });

  it('starts with a BOM, then the documented header', () => {
    let written = '';
    const writer = createWriter({
      format: 'csv',
      shape: 'list',
      tableColumns: numberTableColumns,
      csvColumns: numberCsvColumns,
      out: { write: (text: string) => (written += text) },
      spreadsheet: true,
    });
    writer.write(items.slice(0, 1));
    writer.end();
    expect(written.startsWith('\uFEFFprovider,id,number,e164,status,statusRaw,')).toBe(true);
    expect(written).toContain('"=""+82 2-1234-5678"""');
  });

  it('docs/cli.md names every CSV column as written', async () => {
    const docs = await readFile(new URL('../../docs/cli.md', import.meta.url), 'utf8');
    expect(docs).toContain(numberCsvColumns.map((column) => column.header).join(', '));
    expect(docs).toContain(campaignCsvColumns.map((column) => column.header).join(', '));
  });
});

describe('the SDK entries do not pull in what only the CLI needs', () => {
  it('src/index.ts bundles without string-width or the CLI', async () => {
    const result = await build({
      entryPoints: [new URL('../../src/index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('src/core/'))).toBe(true);
    expect(inputs.filter((input) => /string-width|lilconfig|src\/cli\//.test(input))).toEqual([]);
  });
});
