import type { Column } from './columns.js';
import { displayWidth, padToWidth, truncateToWidth } from './display-width.js';
import { withoutControlCharacters } from './plain-text.js';

const emptyCell = '-';
const gap = '  ';
/** A column is not narrowed below this, nor below its header: a few characters and the ellipsis still say something. */
const narrowest = 8;

/** A cell on one line: a newline from a platform's label would break the columns, an escape would drive the terminal. */
export function cellText(value: string): string {
  const flat = withoutControlCharacters(value);
  return flat === '' ? emptyCell : flat;
}

/** Which columns are shown and how wide each is. */
export interface TableLayout<T> {
  columns: readonly Column<T>[];
  widths: readonly number[];
}

/**
 * Sizes the columns to the rows, then fits them in `maxWidth` terminal columns: drops the least
 * needed columns first (a higher `priority`), then narrows the widest ones. No `maxWidth`: all
 * columns at their full width.
 */
export function layoutTable<T>(columns: readonly Column<T>[], rows: readonly string[][], maxWidth: number | undefined): TableLayout<T> {
  // A loop, not Math.max(...cells): spreading a long list overflows the stack above some hundred thousand rows.
  const natural = columns.map((column) => displayWidth(column.header));
  for (const row of rows) {
    row.forEach((cell, index) => {
      natural[index] = Math.max(natural[index]!, displayWidth(cell));
    });
  }
  let shown = columns.map((_, index) => index);
  if (maxWidth === undefined) return { columns, widths: natural };
  const total = (indexes: readonly number[], widths: readonly number[]) =>
    indexes.reduce((sum, index) => sum + widths[index]!, 0) + gap.length * (indexes.length - 1);
  const essential = (index: number) => (columns[index]!.priority ?? 1) === 1;
  // The essential columns (provider, id, number) are never cut: an id is there to be copied.
  const floor = (index: number) =>
    essential(index) ? natural[index]! : Math.min(natural[index]!, Math.max(narrowest, displayWidth(columns[index]!.header)));
  // A column is kept only if it can keep a few more characters than its floor.
  const comfortable = columns.map((_, index) => (essential(index) ? natural[index]! : Math.min(natural[index]!, floor(index) + 4)));
  while (total(shown, comfortable) > maxWidth) {
    const droppable = shown.filter((index) => !essential(index));
    if (droppable.length === 0) break;
    const least = droppable.reduce((worst, index) => (columns[index]!.priority! >= columns[worst]!.priority! ? index : worst));
    shown = shown.filter((index) => index !== least);
  }
  const widths = [...natural];
  while (total(shown, widths) > maxWidth) {
    const widest = shown.filter((index) => widths[index]! > floor(index)).sort((a, b) => widths[b]! - widths[a]!)[0];
    if (widest === undefined) break;
    widths[widest]! -= 1;
  }
  return { columns: shown.map((index) => columns[index]!), widths: shown.map((index) => widths[index]!) };
}

/** The cells of an item, one per column, as shown in a table. */
export function rowOf<T>(columns: readonly Column<T>[], item: T): string[] {
  return columns.map((column) => cellText(column.value(item)));
}

/** One line of the table: cells cut to their column and padded, the last one not padded. */
export function renderLine(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => {
      const cut = truncateToWidth(cell, widths[index]!);
      return index === cells.length - 1 ? cut : padToWidth(cut, widths[index]!);
    })
    .join(gap)
    .trimEnd();
}

/** Renders items as left-aligned columns separated by two spaces, header first; ends with a newline. */
export function renderTable<T>(columns: readonly Column<T>[], items: readonly T[], maxWidth?: number): string {
  const allRows = items.map((item) => rowOf(columns, item));
  const layout = layoutTable(columns, allRows, maxWidth);
  const shownRows = items.map((item) => rowOf(layout.columns, item));
  const header = layout.columns.map((column) => column.header);
  return `${[header, ...shownRows].map((row) => renderLine(row, layout.widths)).join('\n')}\n`;
}
