import { iterateItems, iteratePages } from './iterate-pages.js';
import { emptyPagesError, repeatedCursorError, repeatedPageError } from '../kit/call-errors.js';
import { LoopGuard, maxEmptyPagesInARow, sameItems } from './loop-guard.js';

/** One page as an adapter reads it off the wire, already mapped to core types. */
export interface PageData<T> {
  /** The page's items, mapped. */
  items: T[];
  /**
   * How many items the platform sent on this page, before any filter the SDK applied to it; the
   * length of `items` when left out. Only for messages: the guard against endless pages counts the
   * items that reach the caller, since a page the filter emptied gives the loop nothing to break on.
   */
  received?: number;
  /** Opaque: the adapter's way to ask for the next page; `null` on the last page. */
  nextCursor: string | null;
  /** How many items the whole list holds, where the platform says; otherwise `null`. */
  totalCount: number | null;
  /**
   * The platform's request id of the response this page came from (`HttpResponse.requestId`): the
   * paging kinds set it; for a page an adapter builds by hand, the client takes its last response's.
   */
  requestId?: string | null | undefined;
}

/** Fetches the page a cursor points at (`null`: the first page). The signal cancels prefetched pages. */
export type FetchPage<T> = (cursor: string | null, signal?: AbortSignal) => Promise<PageData<T>>;

/** What every page of one listing shares. */
export interface PageChain<T> {
  provider: string;
  fetchPage: FetchPage<T>;
  prefetch: number;
  /** Each cursor used, with the depth of the page it fetched; created with the first page. */
  loopGuard?: LoopGuard;
}

/** What a page passes on to the one after it, for the checks that a listing ends. */
interface Previous<T> {
  items: readonly T[];
  /** Pages in a row without an item for the caller, up to and including that page. */
  emptyRun: number;
  /** The items received on those pages and left out by the SDK's own filter. */
  leftOut: number;
}

/**
 * One page of a list. Iterating it yields its items, then the items of every following page,
 * fetching one page at a time.
 */
export class Page<T> implements AsyncIterable<T> {
  /** This page's items. */
  readonly items: T[];
  /** Opaque; pass it back as `params.cursor` to continue from here. `null` on the last page. */
  readonly nextCursor: string | null;
  /** Whether a page follows this one. */
  readonly hasMore: boolean;
  /** How many items the whole list holds, where the platform says; otherwise `null`. */
  readonly totalCount: number | null;
  /** The platform's request id of the response this page came from, for a support ticket; `null` when it sent none. */
  readonly requestId: string | null;
  readonly #chain: PageChain<T>;
  readonly #depth: number;
  readonly #emptyRun: number;
  readonly #leftOut: number;

  /** @internal Pages come from list calls; there is no reason to build one by hand. */
  constructor(data: PageData<T>, chain: PageChain<T>, depth: number, emptyRun = 0, leftOut = 0) {
    this.items = data.items;
    this.nextCursor = data.nextCursor;
    this.hasMore = data.nextCursor !== null;
    this.totalCount = data.totalCount;
    this.requestId = data.requestId ?? null;
    this.#chain = chain;
    this.#depth = depth;
    this.#emptyRun = emptyRun;
    this.#leftOut = leftOut;
  }

  /** The following page, or `null` when this is the last one. */
  nextPage(signal?: AbortSignal): Promise<Page<T> | null> {
    if (this.nextCursor === null) return Promise.resolve(null);
    return fetchChainPage(this.#chain, this.nextCursor, this.#depth + 1, signal, { items: this.items, emptyRun: this.#emptyRun, leftOut: this.#leftOut });
  }

  /** This page and every following one. */
  pages(): AsyncIterable<Page<T>> {
    return { [Symbol.asyncIterator]: () => iteratePages(this, this.#chain.prefetch) };
  }

  /** This page's items, then every following page's, fetched as the loop reaches them. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return iterateItems(iteratePages(this, this.#chain.prefetch));
  }
}

/**
 * Fetches the page at `depth` of a chain, and ends a listing that would never end: a cursor that
 * points back up the chain, a page identical to the one before (a platform that ignores the page
 * asked for, which no cursor check sees when the SDK builds the cursors itself), or more than
 * `maxEmptyPagesInARow` pages in a row without an item for the caller, who has nothing to `break` on
 * meanwhile: empty pages of the platform and pages the SDK's own filter emptied count alike.
 */
export async function fetchChainPage<T>(
  chain: PageChain<T>,
  cursor: string | null,
  depth: number,
  signal?: AbortSignal,
  previous?: Previous<T>,
): Promise<Page<T>> {
  const guard = (chain.loopGuard ??= new LoopGuard());
  if (cursor !== null) guard.record(cursor, depth);
  const data = await chain.fetchPage(cursor, signal);
  const next = data.nextCursor;
  if (next === null) return new Page(data, chain, depth);
  const { provider } = chain;
  if (guard.pointsBack(next, depth)) {
    throw repeatedCursorError(provider, next);
  }
  if (previous && sameItems(previous.items, data.items)) {
    throw repeatedPageError(provider, data.items.length);
  }
  const empty = data.items.length === 0;
  const emptyRun = empty ? (previous?.emptyRun ?? 0) + 1 : 0;
  const leftOut = empty ? (previous?.leftOut ?? 0) + (data.received ?? 0) : 0;
  if (emptyRun >= maxEmptyPagesInARow) {
    throw emptyPagesError(provider, emptyRun, leftOut);
  }
  return new Page(data, chain, depth, emptyRun, leftOut);
}
