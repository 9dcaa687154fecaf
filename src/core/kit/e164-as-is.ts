import { e164AsIsTable } from './e164-table.generated.js';

/** Per calling code: the leading digits and the lengths of national numbers libphonenumber-js keeps as given. */
interface AsIsRow {
  leads: string;
  lengths: readonly number[];
}

let rows: Map<string, AsIsRow> | undefined;

function table(): Map<string, AsIsRow> {
  if (rows) return rows;
  rows = new Map();
  for (const row of e164AsIsTable.split(';')) {
    const [code, leads, lengths] = row.split('/') as [string, string, string];
    rows.set(code, { leads, lengths: [...lengths].map((length) => parseInt(length, 36)) });
  }
  return rows;
}

const plusDigits = /^\+[1-9]\d{2,19}$/;

/**
 * Whether libphonenumber-js would read `number` as the possible number `number` itself, decided
 * without loading it: a "+" and digits whose calling code, leading digit and length the generated
 * table lists (scripts/e164-table.mjs says why that is the library's answer). `false` means "ask the
 * library", not "invalid".
 */
export function isE164AsIs(number: string): boolean {
  if (!plusDigits.test(number)) return false;
  const codes = table();
  // Calling codes are prefix-free; the library takes the shortest prefix it knows, as here.
  for (let end = 2; end <= 4; end++) {
    const row = codes.get(number.slice(1, end));
    if (row === undefined) continue;
    return row.leads.includes(number[end]!) && row.lengths.includes(number.length - end);
  }
  return false;
}
