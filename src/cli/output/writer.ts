import { stringify } from 'csv-stringify/sync';
import type { Format } from '../commands-spec.js';
import type { Column } from './columns.js';
import { renderTable } from './table.js';

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
}

export interface WriterOptions<T> {
  format: Format;
  /** `single`: one item (get, create, update), written as an object rather than an array. */
  shape: 'list' | 'single';
  tableColumns: readonly Column<T>[];
  csvColumns: readonly Column<T>[];
  out: { write(text: string): unknown };
}

function jsonWriter<T>(shape: WriterOptions<T>['shape'], out: WriterOptions<T>['out']): ItemWriter<T> {
  let written = 0;
  return {
    write(items) {
      for (const item of items) {
        if (shape === 'single') {
          out.write(`${JSON.stringify(item, null, 2)}\n`);
        } else {
          const indented = JSON.stringify(item, null, 2).replace(/\n/g, '\n  ');
          out.write(`${written === 0 ? '[\n' : ',\n'}  ${indented}`);
        }
        written += 1;
      }
    },
    end() {
      if (shape === 'list') out.write(written === 0 ? '[]\n' : '\n]\n');
    },
    abort() {},
  };
}

function ndjsonWriter<T>(out: WriterOptions<T>['out']): ItemWriter<T> {
  return {
    write(items) {
      if (items.length > 0) out.write(items.map((item) => `${JSON.stringify(item)}\n`).join(''));
    },
    end() {},
    abort() {},
  };
}

function csvWriter<T>(columns: readonly Column<T>[], out: WriterOptions<T>['out']): ItemWriter<T> {
  let headerWritten = false;
  const header = columns.map((column) => column.header);
  return {
    write(items) {
      if (items.length === 0) return;
      const records = items.map((item) => columns.map((column) => column.value(item)));
      out.write(stringify(records, { header: !headerWritten, columns: header }));
      headerWritten = true;
    },
    end() {
      if (!headerWritten) out.write(stringify([], { header: true, columns: header }));
    },
    abort() {},
  };
}

/** A table needs every row to size its columns, so it is written at the end. */
function tableWriter<T>(columns: readonly Column<T>[], out: WriterOptions<T>['out']): ItemWriter<T> {
  const rows: T[] = [];
  const flush = () => out.write(renderTable(columns, rows));
  return {
    write(items) {
      rows.push(...items);
    },
    end: flush,
    // A person reading a table is better served by the rows that did arrive, above the error.
    abort: () => {
      if (rows.length > 0) flush();
    },
  };
}

export function createWriter<T>(options: WriterOptions<T>): ItemWriter<T> {
  switch (options.format) {
    case 'json':
      return jsonWriter(options.shape, options.out);
    case 'ndjson':
      return ndjsonWriter(options.out);
    case 'csv':
      return csvWriter(options.csvColumns, options.out);
    case 'table':
      return tableWriter(options.tableColumns, options.out);
  }
}
