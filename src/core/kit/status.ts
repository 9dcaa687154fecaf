import type { MappedStatus } from '../types.js';

/** A wire value's entry in a mapping table; `null` for a missing value or one the table does not hold (`__proto__` included). */
export function lookupWire<Value>(table: Readonly<Record<string, Value>>, wire: string | null | undefined): Value | null {
  return typeof wire === 'string' && Object.hasOwn(table, wire) ? table[wire]! : null;
}

/** Maps a platform's status through a table; a value not in it is `unknown`, with the original kept in `raw`. */
export function mapStatus<Unified extends string>(
  raw: string | null | undefined,
  table: Readonly<Record<string, Unified>>,
): MappedStatus<Unified | 'unknown'> {
  if (raw === null || raw === undefined) return { unified: 'unknown', raw: null };
  return { unified: lookupWire(table, raw) ?? 'unknown', raw };
}

/** The platform's status values for a unified one: the reverse of a mapping table. */
export function wireStatusesFor<Unified extends string>(
  unified: Unified,
  table: Readonly<Record<string, Unified>>,
): string[] {
  return Object.keys(table).filter((wire) => table[wire] === unified);
}
