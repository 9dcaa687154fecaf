import { limitTooLarge, notANumberCursor, pageCountFault, pageNumberFault } from './call-errors.js';
import type { PageData } from '../pages/page.js';
import type { Expectation, ListOperation, ProviderKit } from '../contract/provider-contract.js';
import type { HttpRequest } from '../transport/types.js';
import type { RequestOptions } from '../types.js';
import { withE164Formatter, type E164Formatter } from './e164.js';

/*
 * The three ways platforms page, written once (a fourth, by creation time, is time-keyset-pagination.ts): an adapter names its kind, says how to ask for a
 * page and how to read one, and gets a `ListOperation` back. The opaque cursor the caller sees is the
 * platform's own cursor (cursor kind), the next page number (page-number kind) or the next offset
 * (offset kind), always as text.
 */

/** What every kind needs to read a page: the expected body, its items, and how to map one. */
export interface PageReading<Params, Body, Wire, T> {
  /** The shape of a page's body; may depend on the body (a platform with two answer shapes). */
  expect: Expectation<Body> | ((body: unknown) => Expectation<Body>);
  /** The page's items. Applied to the validated body and to the raw one alike, so it must only navigate. */
  items(body: Body): readonly Wire[];
  /** Maps one item; `raw` is the item exactly as received. */
  map(wire: Wire, raw: Record<string, unknown>, toE164: E164Formatter): T;
  /** Whether `map` reads numbers, so that the phone-number metadata is loaded first. */
  readsNumbers?: boolean;
  /**
   * For a filter the platform does not offer but the SDK applies to each page (a neutral status on a
   * platform with one status): which mapped items to keep. `totalCount` is then `null`.
   */
  keep?(item: T, params: Params): boolean;
  /** The operation's name, for messages: "phoneNumbers.list". */
  operation: string;
}

const noNumbers: E164Formatter = () => null;

/**
 * Fetches and maps one page of any kind, with the request id of the response it came from. `skip` leaves out items already yielded by an earlier page
 * (a kind whose pages can overlap, as time keysets do), before they are mapped.
 */
export async function readPage<Params, Body, Wire, T>(
  kit: ProviderKit,
  reading: PageReading<Params, Body, Wire, T>,
  request: HttpRequest,
  params: Params,
  options: RequestOptions,
  skip?: (wire: Wire) => boolean,
): Promise<{ items: T[]; body: Body; filtered: boolean; received: number; requestId: string | null }> {
  const { value, raw, response } = await kit.request(request, options, reading.expect);
  const wires = reading.items(value);
  const raws = reading.items(raw as Body) as unknown as readonly Record<string, unknown>[];
  const mapAll = (toE164: E164Formatter): T[] => {
    if (skip) {
      const kept: T[] = [];
      for (let index = 0; index < wires.length; index++) if (!skip(wires[index]!)) kept.push(reading.map(wires[index]!, raws[index]!, toE164));
      return kept;
    }
    const mapped = new Array<T>(wires.length);
    for (let index = 0; index < wires.length; index++) mapped[index] = reading.map(wires[index]!, raws[index]!, toE164);
    return mapped;
  };
  let items = reading.readsNumbers ? await withE164Formatter(kit.defaultCountry, mapAll) : mapAll(noNumbers);
  const keep = reading.keep;
  const filtered = keep !== undefined && hasFilter(params);
  if (filtered) items = items.filter((item) => keep(item, params));
  return { items, body: value, filtered, received: wires.length, requestId: response.requestId };
}

function hasFilter(params: unknown): boolean {
  return typeof params === 'object' && params !== null && (params as { status?: unknown }).status !== undefined;
}

/** A platform that hands out its own cursor for the next page. */
export interface CursorPaging<Params, Body, Wire, T> extends PageReading<Params, Body, Wire, T> {
  /** The request for the page a cursor points at (`null`: the first page). */
  request(params: Params, cursor: string | null): HttpRequest;
  /** The next cursor (`null` on the last page) and the total, where the platform says. */
  next(body: Body): CursorStep;
}

/** Where a cursor-paged answer leads. */
export interface CursorStep {
  /** The cursor of the next page; `null` (or empty) on the last one. */
  cursor: string | null;
  /** The number of items in the whole list, where the platform says. */
  totalCount: number | null;
}

/** List parameters with the neutral page size, which every kind reads. */
export interface SizedParams {
  /** Items per page, as the caller asked. */
  limit?: number | undefined;
}

/** Pages by the platform's own opaque cursor (vox, Vogent, generic, Retell; a one-page list too). */
export function cursorPages<Params, Body, Wire, T>(
  kit: ProviderKit,
  paging: CursorPaging<Params, Body, Wire, T>,
): ListOperation<T, Params> {
  return async (params, cursor, options): Promise<PageData<T>> => {
    const { items, body, filtered, received: sent, requestId } = await readPage(kit, paging, paging.request(params, cursor), params, options);
    const next = paging.next(body);
    return { items, received: sent, nextCursor: next.cursor || null, totalCount: filtered ? null : next.totalCount, requestId };
  };
}

/** Where a page-numbered answer says it stands; every field may be missing. */
export interface PagePosition {
  /** The page this answer is. */
  page?: number | null | undefined;
  /** How many pages the whole list has. */
  totalPages?: number | null | undefined;
  /** Whether a page follows, where the platform says so outright. */
  hasNextPage?: boolean | null | undefined;
  /** How many items the whole list holds. */
  total?: number | null | undefined;
}

/** Page sizes a kind sends: the default and the largest the platform takes. */
export interface PageSize {
  /** Sent when the caller gives no `limit`; `undefined` leaves it to the platform (then the full-page rule cannot apply). */
  default: number | undefined;
  /** The largest `limit`; a larger one is refused before any request. */
  max: number;
}

/** A platform that pages by page number (numbers-assignment, Vapi). */
export interface PageNumberPaging<Params extends SizedParams, Body, Wire, T>
  extends PageReading<Params, Body, Wire, T> {
  /** The request for one page; `limit` is the page size sent (`undefined`: none). */
  request(params: Params, page: number, limit: number | undefined): HttpRequest;
  /** Where the answer says it stands; `null` when it says nothing (a bare array). */
  position(body: Body): PagePosition | null;
  /** The page sizes the platform takes. */
  size: PageSize;
  /** The number of the first page. Default 1. */
  firstPage?: number;
  /**
   * Whether a page that came back full means another may follow when the answer says nothing of
   * its position. Default true; false for a list documented as one answer.
   */
  fullPageMeansMore?: boolean;
}

/**
 * Pages by page number. The next page is: where the answer says `hasNextPage`, that; else, where it
 * gives its page and the total pages, the page after while there is one; else, where a page that
 * came back full may have a successor, the page after. A page number the platform reports below the
 * first, or a count of pages or items that is not a whole number, is its fault, a `ResponseValidationError`.
 */
export function pageNumberPages<Params extends SizedParams, Body, Wire, T>(
  kit: ProviderKit,
  paging: PageNumberPaging<Params, Body, Wire, T>,
): ListOperation<T, Params> {
  const firstPage = paging.firstPage ?? 1;
  return async (params, cursor, options): Promise<PageData<T>> => {
    const limit = pageSize(kit.provider, paging.operation, params.limit, paging.size);
    const page = cursor === null ? firstPage : numberFromCursor(kit.provider, paging.operation, cursor, firstPage, 'a page number such as "2"');
    const { items, body, filtered, received: sent, requestId } = await readPage(kit, paging, paging.request(params, page, limit), params, options);
    const position = paging.position(body) ?? {};
    const current = position.page ?? page;
    if (!Number.isSafeInteger(current) || current < firstPage) {
      const provider = kit.provider;
      throw pageNumberFault(provider, current, firstPage);
    }
    // Checked here rather than by each wire schema: zod's integer check costs every entry that holds it 0.4 kB.
    for (const field of ['totalPages', 'total'] as const) {
      const count = position[field];
      if (count == null || (Number.isSafeInteger(count) && count >= 0)) continue;
      const provider = kit.provider;
      throw pageCountFault(provider, field, count);
    }
    let hasNext: boolean;
    if (typeof position.hasNextPage === 'boolean') hasNext = position.hasNextPage;
    else if (typeof position.totalPages === 'number') hasNext = current < position.totalPages;
    else hasNext = (paging.fullPageMeansMore ?? true) && limit !== undefined && rawCount(paging, body) === limit;
    return {
      items,
      received: sent,
      nextCursor: hasNext ? String(current + 1) : null,
      totalCount: filtered ? null : (position.total ?? null),
      requestId,
    };
  };
}

function rawCount<Body>(paging: { items(body: Body): readonly unknown[] }, body: Body): number {
  return paging.items(body).length;
}

/** A platform that pages by skipping a number of items (Bland's batches). */
export interface OffsetPaging<Params extends SizedParams, Body, Wire, T>
  extends PageReading<Params, Body, Wire, T> {
  /** The request for the page starting after `offset` items, `limit` at most. */
  request(params: Params, offset: number, limit: number): HttpRequest;
  /** The page sizes the platform takes; a default is required, since an offset needs a page size. */
  size: PageSize & {
    /** Sent when the caller gives no `limit`. */
    default: number;
  };
  /** The total, where the platform says; without it a page that came back full may have a successor. */
  total?(body: Body): number | null;
}

/** Pages by offset: the cursor is the number of items to skip. */
export function offsetPages<Params extends SizedParams, Body, Wire, T>(
  kit: ProviderKit,
  paging: OffsetPaging<Params, Body, Wire, T>,
): ListOperation<T, Params> {
  return async (params, cursor, options): Promise<PageData<T>> => {
    const limit = (pageSize(kit.provider, paging.operation, params.limit, paging.size)) ?? paging.size.default;
    const offset = cursor === null ? 0 : numberFromCursor(kit.provider, paging.operation, cursor, 0, 'an offset such as "50"');
    const { items, body, filtered, received: sent, requestId } = await readPage(kit, paging, paging.request(params, offset, limit), params, options);
    const received = rawCount(paging, body);
    const total = paging.total?.(body) ?? null;
    const next = offset + received;
    const hasNext = total !== null ? next < total : received >= limit && received > 0;
    return { items, received: sent, nextCursor: hasNext ? String(next) : null, totalCount: filtered ? null : total, requestId };
  };
}

/** The page size a list asks for: the caller's `limit`, else the platform's default; over the platform's largest, refused. */
export function pageSize(provider: string, operation: string, limit: number | undefined, size: PageSize): number | undefined {
  if (limit !== undefined && limit > size.max) {
    throw limitTooLarge(provider, operation, size.max, limit);
  }
  return limit ?? size.default;
}

function numberFromCursor(provider: string, operation: string, cursor: string, minimum: number, example: string): number {
  const value = /^(0|[1-9][0-9]*)$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw notANumberCursor(provider, operation, cursor, example);
  }
  return value;
}
