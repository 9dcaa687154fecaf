import { ResponseValidationError } from '../errors.js';
import { iterateItems, iteratePages } from './iterate-pages.js';

/** One page as an adapter reads it off the wire, already mapped to core types. */
export interface PageData<T> {
  items: T[];
  /** Opaque: the adapter's way to ask for the next page; `null` on the last page. */
  nextCursor: string | null;
  totalCount: number | null;
  /** The request id of the response this page came from; set by the client, not by adapters. */
  requestId?: string | null | undefined;
}

/** Fetches the page a cursor points at (`null`: the first page). The signal cancels prefetched pages. */
export type FetchPage<T> = (cursor: string | null, signal?: AbortSignal) => Promise<PageData<T>>;

/** What every page of one listing shares. */
export interface PageChain<T> {
  provider: string;
  fetchPage: FetchPage<T>;
  prefetch: number;
  /** Each cursor used, with the depth of the page it fetched: a cursor that points back up the chain is a loop. */
  cursorDepths: Map<string, number>;
}

/**
 * One page of a list. Iterating it yields its items, then the items of every following page,
 * fetching one page at a time.
 */
export class Page<T> implements AsyncIterable<T> {
  readonly items: T[];
  /** Opaque; pass it back as `params.cursor` to continue from here. `null` on the last page. */
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
  /** How many items the whole list holds, where the platform says; otherwise `null`. */
  readonly totalCount: number | null;
  /** The platform's request id of the response this page came from, for a support ticket; `null` when it sent none. */
  readonly requestId: string | null;
  readonly #chain: PageChain<T>;
  readonly #depth: number;

  /** @internal Pages come from list calls; there is no reason to build one by hand. */
  constructor(data: PageData<T>, chain: PageChain<T>, depth: number) {
    this.items = data.items;
    this.nextCursor = data.nextCursor;
    this.hasMore = data.nextCursor !== null;
    this.totalCount = data.totalCount;
    this.requestId = data.requestId ?? null;
    this.#chain = chain;
    this.#depth = depth;
  }

  /** The following page, or `null` when this is the last one. */
  nextPage(signal?: AbortSignal): Promise<Page<T> | null> {
    if (this.nextCursor === null) return Promise.resolve(null);
    return fetchChainPage(this.#chain, this.nextCursor, this.#depth + 1, signal);
  }

  /** This page and every following one. */
  pages(): AsyncIterable<Page<T>> {
    return { [Symbol.asyncIterator]: () => iteratePages(this, this.#chain.prefetch) };
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return iterateItems(iteratePages(this, this.#chain.prefetch));
  }
}

/** Fetches the page at `depth` of a chain, and refuses a cursor that would send iteration round in a loop. */
export async function fetchChainPage<T>(
  chain: PageChain<T>,
  cursor: string | null,
  depth: number,
  signal?: AbortSignal,
): Promise<Page<T>> {
  if (cursor !== null) chain.cursorDepths.set(cursor, depth);
  const data = await chain.fetchPage(cursor, signal);
  const next = data.nextCursor;
  if (next !== null) {
    const seenAt = chain.cursorDepths.get(next);
    if (seenAt !== undefined && seenAt <= depth) {
      const shown = next.length > 40 ? `${next.slice(0, 40)}…` : next;
      throw new ResponseValidationError(
        `${chain.provider} sent the cursor "${shown}" a second time while paging, which would loop forever; ` +
          'iteration stopped. The items seen so far are complete up to this page; report the repeat to the platform.',
        { provider: chain.provider, issues: [{ path: 'nextCursor', message: 'cursor repeated' }] },
      );
    }
  }
  return new Page(data, chain, depth);
}
