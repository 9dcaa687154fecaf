import type { PageData } from '../pages/page.js';
import type { ListOperation } from '../contract/provider-contract.js';
import type { RequestOptions } from '../types.js';
import { notAChainCursor } from './call-errors.js';

/*
 * One listing made of several platform listings asked one after another: a platform that takes one
 * status per request gets one listing per status, and the caller still sees one chain of pages (one
 * `for await` yields every match once). The opaque cursor says which part a page belongs to, the
 * part's own cursor, and the totals known so far, so `totalCount` stays the same sum on every page.
 */

/** How a listing splits into parts, and how each part is listed. */
export interface ChainedListing<Params, PartParams, T> {
  /** The operation's name, for messages: "phoneNumbers.list". */
  operation: string;
  /** The provider's id, for messages. */
  provider: string;
  /**
   * The parameters of each part, in the order they are listed. Refuses bad input (by throwing)
   * before any request; must return at least one part.
   */
  parts(params: Params): readonly PartParams[];
  /** Lists one page of one part. */
  list: ListOperation<T, PartParams>;
  /**
   * The parameters of the smallest page that still reports its part's total (`limit: 1`). When
   * given, the first page also asks every other part for that page, concurrently, so that its
   * `totalCount` is the whole listing's from the start. Omitted: the total is `null`.
   */
  countOnly?(part: PartParams): PartParams;
}

interface ChainCursor {
  /** Index of the part the cursor continues. */
  part: number;
  /** That part's own cursor; `null` for its first page. */
  cursor: string | null;
  /** Each part's total as last seen; `null` where unknown. */
  totals: (number | null)[];
}

/**
 * A list operation over several parts listed one after another. With a single part, the part's
 * own operation is used as it is (its cursors unchanged).
 */
export function chainListings<Params, PartParams, T>(listing: ChainedListing<Params, PartParams, T>): ListOperation<T, Params> {
  return async (params, cursorText, request) => {
    const parts = listing.parts(params);
    if (parts.length === 1) {
      // A cursor of a listing of several parts means nothing to one part's platform: refused, not sent.
      if (cursorText?.startsWith(prefix)) throw await notThisListingsCursor(listing, cursorText);
      return listing.list(parts[0]!, cursorText, request);
    }
    let position: ChainCursor;
    let counting: Promise<(number | null)[]> | null = null;
    if (cursorText === null) {
      position = { part: 0, cursor: null, totals: parts.map(() => null) };
      if (listing.countOnly) counting = countParts(listing, parts, request);
    } else {
      const decoded = decodeChainCursor(cursorText, parts.length);
      if (decoded === null) throw await notThisListingsCursor(listing, cursorText);
      position = decoded;
    }
    const [page, counted] = await Promise.all([listing.list(parts[position.part]!, position.cursor, request), counting]);
    const totals = counted ? [...counted] : [...position.totals];
    return continueChain(listing, parts, { ...position, totals }, page, request);
  };
}

/** Turns one part's page into the chain's page; a part's empty last page is followed by the next part's first. */
async function continueChain<Params, PartParams, T>(
  listing: ChainedListing<Params, PartParams, T>,
  parts: readonly PartParams[],
  position: ChainCursor,
  page: PageData<T>,
  request: RequestOptions,
): Promise<PageData<T>> {
  let { part } = position;
  const { totals } = position;
  for (;;) {
    // A total is kept once known, so every page reports the same sum and a repeated cursor stays the same text.
    totals[part] ??= page.totalCount;
    // The page's request id is its part's page's: the counting requests are not where its items came from.
    const { items, requestId } = page;
    if (page.nextCursor !== null) {
      return { items, nextCursor: encodeChainCursor({ part, cursor: page.nextCursor, totals }), totalCount: sum(totals), requestId };
    }
    // A part known to be empty is not asked again.
    let following = part + 1;
    while (following < parts.length && totals[following] === 0) following++;
    if (following >= parts.length) return { items, nextCursor: null, totalCount: sum(totals), requestId };
    if (items.length > 0) {
      return { items, nextCursor: encodeChainCursor({ part: following, cursor: null, totals }), totalCount: sum(totals), requestId };
    }
    part = following;
    page = await listing.list(parts[part]!, null, request);
  }
}

/** Asks every part but the first for its smallest page, concurrently; a part that fails to answer has an unknown total. */
async function countParts<Params, PartParams, T>(
  listing: ChainedListing<Params, PartParams, T>,
  parts: readonly PartParams[],
  request: RequestOptions,
): Promise<(number | null)[]> {
  const counts = parts.slice(1).map(async (part) => {
    try {
      return (await listing.list(listing.countOnly!(part), null, request)).totalCount;
    } catch {
      // Only the total is lost: the part is listed in its turn, and a lasting failure is raised there.
      return null;
    }
  });
  return [null, ...(await Promise.all(counts))];
}

function sum(totals: readonly (number | null)[]): number | null {
  let total = 0;
  for (const count of totals) {
    if (count === null) return null;
    total += count;
  }
  return total;
}

const prefix = 'chain.';

// Made once: a TextDecoder costs more to make than the cursor costs to decode, and every page makes a cursor.
const encoder = /* @__PURE__ */ new TextEncoder();
const strictDecoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

function encodeChainCursor(cursor: ChainCursor): string {
  const bytes = encoder.encode(JSON.stringify([cursor.part, cursor.cursor, cursor.totals]));
  let binary = '';
  for (let index = 0; index < bytes.length; index++) binary += String.fromCharCode(bytes[index]!);
  return prefix + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeChainCursor(text: string, partCount: number): ChainCursor | null {
  if (!text.startsWith(prefix)) return null;
  let value: unknown;
  try {
    const binary = atob(text.slice(prefix.length).replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    value = JSON.parse(strictDecoder.decode(bytes));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [part, cursor, totals] = value as unknown[];
  if (typeof part !== 'number' || !Number.isInteger(part) || part < 0 || part >= partCount) return null;
  if (cursor !== null && (typeof cursor !== 'string' || cursor === '')) return null;
  if (!Array.isArray(totals) || totals.length !== partCount) return null;
  if (!totals.every((count) => count === null || (Number.isSafeInteger(count) && (count as number) >= 0))) return null;
  return { part, cursor, totals: totals as (number | null)[] };
}

function notThisListingsCursor(listing: { provider: string; operation: string }, cursor: string) {
  const { provider, operation } = listing;
  return notAChainCursor(provider, operation, cursor);
}
