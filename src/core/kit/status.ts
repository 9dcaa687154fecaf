import type { PageData } from '../pages/page.js';
import type { RequestOptions, MappedStatus } from '../types.js';

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

/** A mapped item with a unified status (a `PhoneNumber`, a `Campaign`). */
export interface WithStatus {
  /** Its status, unified. */
  status: MappedStatus<string>;
}

/** List parameters that may name unified statuses. */
export interface StatusFilter {
  /** One unified status or several; every item when absent. */
  status?: unknown;
}

/**
 * Whether a mapped item is in one of the unified statuses a list asked for (every item when none
 * was asked): the filter the SDK applies itself where the platform takes no status (a page kind's `keep`).
 */
export function inRequestedStatus<Item extends WithStatus, Params extends StatusFilter>(
  item: Item,
  params: Params,
): boolean {
  const { status } = params as { status?: string | readonly string[] };
  return status === undefined || [status].flat().includes(item.status.unified);
}

/**
 * For a platform whose every listed item has one unified status (Retell and Bland report no number
 * status: every number is `active`): a list that asks only for other statuses is answered at once, an
 * empty last page with a total of 0, and no request is sent. Any other list goes to `list`.
 */
export function withOneStatus<T, Params extends StatusFilter>(
  only: string,
  list: (params: Params, cursor: string | null, request: RequestOptions) => Promise<PageData<T>>,
): (params: Params, cursor: string | null, request: RequestOptions) => Promise<PageData<T>> {
  return (params, cursor, request) => {
    const { status } = params as { status?: string | readonly string[] };
    if (status !== undefined && ![status].flat().includes(only)) return Promise.resolve({ items: [], nextCursor: null, totalCount: 0 });
    return list(params, cursor, request);
  };
}

/** The platform's status values for a unified one: the reverse of a mapping table. */
export function wireStatusesFor<Unified extends string>(
  unified: Unified,
  table: Readonly<Record<string, Unified>>,
): string[] {
  return Object.keys(table).filter((wire) => table[wire] === unified);
}
