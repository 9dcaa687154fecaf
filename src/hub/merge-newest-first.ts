import type { ProviderId } from '../client.js';
import type { ItemBatch } from './cap-items.js';
import type { HubFailure } from './hub-error.js';
import type { PageSource } from './merge-sources.js';

/** One platform in a merge by time: its pages, and the page being read. */
interface Head<T> {
  provider: ProviderId;
  iterator: AsyncIterator<ItemBatch<T>>;
  items: readonly T[];
  index: number;
}

/** A page asked of one platform, settled either way so that one failure never rejects the others. */
type Fetched<T> = { head: Head<T>; page: IteratorResult<ItemBatch<T>> } | { head: Head<T>; error: unknown };

/**
 * The time of an item by the first of `fields` that holds a date, for a merge newest first; an item
 * with none sorts after every dated one (its platform's order among such items is kept).
 */
export function timeBy(fields: readonly string[]): (item: unknown) => number {
  return (item) => {
    for (const field of fields) {
      const value = (item as Record<string, unknown>)[field];
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
    }
    return Number.NEGATIVE_INFINITY;
  };
}

/**
 * Yields the items of several platforms newest first, each platform's list being newest first
 * itself: the newest of the platforms' current items goes next. Every platform holds at most the
 * one page being read, and its next page is asked only once that page is used up, so memory stays
 * at one page per platform however long the lists. A platform that fails is recorded in `failures`
 * and the merge goes on with the others.
 */
export async function* mergeNewestFirst<T>(
  sources: readonly PageSource<T>[],
  timeOf: (item: T) => number,
  failures: HubFailure[],
): AsyncGenerator<T> {
  const heads: Head<T>[] = [];
  for (const source of sources) {
    try {
      heads.push({ provider: source.provider, iterator: source.pages()[Symbol.asyncIterator](), items: [], index: 0 });
    } catch (error) {
      failures.push({ provider: source.provider, error });
    }
  }
  const live = new Set(heads);
  const fetch = (head: Head<T>): Promise<Fetched<T>> =>
    head.iterator.next().then(
      (page) => ({ head, page }),
      (error: unknown) => ({ head, error }),
    );

  try {
    while (live.size > 0) {
      // Every platform whose page is used up asks for its next one, all at once; an empty page that is not the last is skipped.
      let waiting = [...live].filter((head) => head.index >= head.items.length);
      while (waiting.length > 0) {
        const fetched = await Promise.all(waiting.map(fetch));
        waiting = [];
        for (const outcome of fetched) {
          const { head } = outcome;
          if ('error' in outcome) {
            failures.push({ provider: head.provider, error: outcome.error });
            live.delete(head);
          } else if (outcome.page.done) {
            live.delete(head);
          } else {
            head.items = outcome.page.value.items;
            head.index = 0;
            if (head.items.length === 0) waiting.push(head);
          }
        }
      }
      let newest: Head<T> | undefined;
      let newestTime = Number.NEGATIVE_INFINITY;
      for (const head of live) {
        const time = timeOf(head.items[head.index]!);
        if (newest === undefined || time > newestTime) {
          newest = head;
          newestTime = time;
        }
      }
      if (newest === undefined) return;
      const item = newest.items[newest.index]!;
      newest.index++;
      // A page used up is let go at once, so only the page being read is held.
      if (newest.index >= newest.items.length) newest.items = [];
      yield item;
    }
  } finally {
    // Leaving early: let every platform still listed stop its own iteration.
    for (const head of live) void Promise.resolve(head.iterator.return?.()).catch(() => {});
  }
}
