/** What iteration needs of a page: its items and the way to the next one (`Page` is one). */
export interface ChainedPage<T> {
  readonly items: readonly T[];
  nextPage(signal?: AbortSignal): Promise<ChainedPage<T> | null>;
}

/**
 * Walks a chain of pages from `first`. With `prefetch` > 0, up to that many following pages are
 * requested while the caller still works on the current one; order is kept, the first error is
 * raised where its page would have been, and leaving the loop early cancels what is still in flight.
 */
export async function* iteratePages<T, P extends ChainedPage<T>>(first: P, prefetch: number): AsyncGenerator<P> {
  if (prefetch <= 0) {
    let page: P | null = first;
    while (page) {
      yield page;
      page = (await page.nextPage()) as P | null;
    }
    return;
  }

  const controller = new AbortController();
  const ahead: Promise<P | null>[] = [];
  let tail: Promise<P | null> = Promise.resolve(first);
  const fill = () => {
    while (ahead.length < prefetch) {
      tail = tail.then((page) => (page ? (page.nextPage(controller.signal) as Promise<P | null>) : null));
      // Rejections are raised when the caller reaches that page; until then they must not go unhandled.
      tail.catch(() => {});
      ahead.push(tail);
    }
  };

  try {
    fill();
    yield first;
    for (;;) {
      const page = await ahead.shift()!;
      if (!page) return;
      fill();
      yield page;
    }
  } finally {
    controller.abort();
  }
}

/**
 * The items of a sequence of pages, one by one. Written by hand rather than as `yield*` inside
 * async generators: an item then costs one promise, not a generator round trip per layer (0.6 µs
 * down to 0.2 µs an item, which adds up over a million numbers), and an item of a page already
 * here costs one resolved promise and no async function's frame. Calls to `next` are served in
 * order, as a generator's would be; `return` (a `break` out of `for await`) stops the pages too,
 * which cancels whatever they had prefetched.
 */
export function iterateItems<T>(pages: AsyncIterator<ChainedPage<T>, unknown>): AsyncIterableIterator<T> {
  let items: readonly T[] = [];
  let index = 0;
  let finished = false;
  let loading: Promise<unknown> | null = null;

  const load = async (): Promise<IteratorResult<T, undefined>> => {
    while (index >= items.length) {
      if (finished) return { done: true, value: undefined };
      const step = await pages.next();
      if (step.done) {
        finished = true;
        return { done: true, value: undefined };
      }
      items = step.value.items;
      index = 0;
    }
    return { done: false, value: items[index++]! };
  };

  // Calls waiting on the slow path; while there are any, a later call waits its turn behind them.
  let waiting = 0;
  const afterEarlierCalls = async (): Promise<IteratorResult<T, undefined>> => {
    waiting++;
    try {
      while (loading) await loading.catch(() => {});
      if (index < items.length) return { done: false, value: items[index++]! };
      const result = load();
      loading = result;
      try {
        return await result;
      } finally {
        loading = null;
      }
    } finally {
      waiting--;
    }
  };

  const iterator: AsyncIterableIterator<T> = {
    // Not an async function: an item of the current page costs one resolved promise, no async frame.
    next() {
      if (waiting === 0 && index < items.length) return Promise.resolve({ done: false, value: items[index++]! });
      return afterEarlierCalls();
    },
    async return() {
      finished = true;
      items = [];
      await pages.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
