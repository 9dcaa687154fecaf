import type { Column } from './columns.js';
import { displayWidth, padToWidth } from './display-width.js';
import { withoutControlCharacters } from './plain-text.js';

const emptyCell = '-';

/** A cell on one line: a newline from a platform's label would break the columns, an escape would drive the terminal. */
function cellText(value: string): string {
  const flat = withoutControlCharacters(value);
  return flat === '' ? emptyCell : flat;
}

/** Renders items as left-aligned columns separated by two spaces, header first; ends with a newline. */
export function renderTable<T>(columns: readonly Column<T>[], items: readonly T[]): string {
  const rows = [columns.map((column) => column.header), ...items.map((item) => columns.map((column) => cellText(column.value(item))))];
  // A loop, not Math.max(...cells): spreading a long list passes every cell as an argument and
  // overflows the stack above some hundred thousand rows.
  const widths = columns.map(() => 0);
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index]!, displayWidth(cell));
    });
  }
  const lines = rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : padToWidth(cell, widths[index]!)))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}
