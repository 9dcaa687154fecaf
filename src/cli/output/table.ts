import type { Column } from './columns.js';
import { displayWidth, padToWidth } from './display-width.js';

const emptyCell = '-';

/** A cell on one line: a newline from a platform's label would break the columns, an escape would drive the terminal. */
function cellText(value: string): string {
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  return flat === '' ? emptyCell : flat;
}

/** Renders items as left-aligned columns separated by two spaces, header first; ends with a newline. */
export function renderTable<T>(columns: readonly Column<T>[], items: readonly T[]): string {
  const rows = [columns.map((column) => column.header), ...items.map((item) => columns.map((column) => cellText(column.value(item))))];
  const widths = columns.map((_, index) => Math.max(...rows.map((row) => displayWidth(row[index]!))));
  const lines = rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : padToWidth(cell, widths[index]!)))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}
