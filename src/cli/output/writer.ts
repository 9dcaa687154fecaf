import { stringify } from 'csv-stringify/sync';
import type { Format } from '../commands-spec.js';
import type { Column } from './columns.js';
import { escapedControlCharacters, jsonForTerminal } from './plain-text.js';
import { spreadsheetCell } from './spreadsheet.js';
import { layoutTable, renderLine, renderTable, rowOf, type TableLayout } from './table.js';

/** Writes items in one format as they arrive, page by page. */
export interface ItemWriter<T> {
  write(items: readonly T[]): void;
  /** Everything was written: close the output (a JSON array's bracket, a table's rows). */
  end(): void;
  /**
   * A listing failed midway. What was streamed stays as it is; a JSON array stays unclosed, so
   * that a consumer fails rather than take a partial list for a whole one.
   */
  abort(): void;
  /** The command is being interrupted (Ctrl-C): show what is held back, as `abort` does. */
  interrupt(): void;
}

export interface WriterOptions<T> {
  format: Format;
  /** `single`: one item (get, create, update), written as an object rather than an array. */
  shape: 'list' | 'single';
  tableColumns: readonly Column<T>[];
  csvColumns: readonly Column<T>[];
  out: { write(text: string): unknown };
  /**
   * The terminal's width: a table is fitted to it and its rows written as they come. `undefined`
   * (a pipe, or --wide): every column at full width, written at the end.
   */
  terminalColumns?: number | undefined;
  /** CSV for a spreadsheet: a UTF-8 BOM first, numbers and formulas kept as text. */
  spreadsheet?: boolean;
  /**
   * `out` is a terminal: JSON and CSV escape what would drive it (controls, bidi overrides, line
   * separators). Into a pipe or a file they stay exact data.
   */
  terminal?: boolean;
}

/** What JSON text becomes on its way out: unchanged for a program, escaped for a terminal. */
type JsonText = (json: string) => string;
const exact: JsonText = (json) => json;

function jsonWriter<T>(shape: WriterOptions<T>['shape'], out: WriterOptions<T>['out'], shown: JsonText): ItemWriter<T> {
  let written = 0;
  return {
    write(items) {
      for (const item of items) {
        if (shape === 'single') {
          out.write(`${shown(JSON.stringify(item, null, 2))}\n`);
        } else {
          const indented = shown(JSON.stringify(item, null, 2)).replace(/\n/g, '\n  ');
          out.write(`${written === 0 ? '[\n' : ',\n'}  ${indented}`);
        }
        written += 1;
      }
    },
    end() {
      if (shape === 'list') out.write(written === 0 ? '[]\n' : '\n]\n');
    },
    abort() {},
    interrupt() {},
  };
}

function ndjsonWriter<T>(out: WriterOptions<T>['out'], shown: JsonText): ItemWriter<T> {
  return {
    write(items) {
      if (items.length > 0) out.write(items.map((item) => `${shown(JSON.stringify(item))}\n`).join(''));
    },
    end() {},
    abort() {},
    interrupt() {},
  };
}

function csvWriter<T>(columns: readonly Column<T>[], out: WriterOptions<T>['out'], spreadsheet: boolean, terminal: boolean): ItemWriter<T> {
  let headerWritten = false;
  const header = columns.map((column) => column.header);
  // Excel reads a file without a BOM as the system's code page, and Korean labels as mojibake.
  const start = () => (spreadsheet ? '\uFEFF' : '');
  return {
    write(items) {
      if (items.length === 0) return;
      const cellOf = (value: string) => {
        const cell = spreadsheet ? spreadsheetCell(value) : value;
        // Per cell, not over the whole text: the newlines between records are the format's own.
        return terminal ? escapedControlCharacters(cell) : cell;
      };
      const records = items.map((item) => columns.map((column) => cellOf(column.value(item))));
      out.write((headerWritten ? '' : start()) + stringify(records, { header: !headerWritten, columns: header }));
      headerWritten = true;
    },
    end() {
      if (!headerWritten) out.write(start() + stringify([], { header: true, columns: header }));
    },
    abort() {},
    interrupt() {},
  };
}

/** Rows sized from this many before the first is written, on a terminal; later rows are cut to the same widths. */
const sampleRows = 20;

/**
 * A table: on a terminal, fitted to its width, the header and first rows written once `sampleRows`
 * have arrived, every later row as it comes, so that Ctrl-C keeps what was shown. Elsewhere (a pipe,
 * --wide) every row is held until the end, so that each column is as wide as its widest cell.
 */
function tableWriter<T>(columns: readonly Column<T>[], out: WriterOptions<T>['out'], terminalColumns: number | undefined): ItemWriter<T> {
  const held: T[] = [];
  let layout: TableLayout<T> | undefined;
  const settle = () => {
    if (terminalColumns === undefined) {
      out.write(renderTable(columns, held));
    } else {
      layout = layoutTable(columns, held.map((item) => rowOf(columns, item)), terminalColumns);
      const lines = [layout.columns.map((column) => column.header), ...held.map((item) => rowOf(layout!.columns, item))];
      out.write(`${lines.map((line) => renderLine(line, layout!.widths)).join('\n')}\n`);
    }
    held.length = 0;
  };
  // A person reading a table is better served by the rows that did arrive, above the error.
  const showHeld = () => {
    if (held.length > 0) settle();
  };
  return {
    write(items) {
      if (layout !== undefined) {
        if (items.length > 0) out.write(items.map((item) => `${renderLine(rowOf(layout!.columns, item), layout!.widths)}\n`).join(''));
        return;
      }
      held.push(...items);
      if (terminalColumns !== undefined && held.length >= sampleRows) settle();
    },
    end() {
      if (layout === undefined) settle();
    },
    abort: showHeld,
    interrupt: showHeld,
  };
}

export function createWriter<T>(options: WriterOptions<T>): ItemWriter<T> {
  const shown = options.terminal === true ? jsonForTerminal : exact;
  switch (options.format) {
    case 'json':
      return jsonWriter(options.shape, options.out, shown);
    case 'ndjson':
      return ndjsonWriter(options.out, shown);
    case 'csv':
      return csvWriter(options.csvColumns, options.out, options.spreadsheet === true, options.terminal === true);
    case 'table':
      return tableWriter(options.tableColumns, options.out, options.terminalColumns);
  }
}
