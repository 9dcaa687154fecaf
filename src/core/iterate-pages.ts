import type { Page } from './page.js';

/**
 * Walks a chain of pages from `first`. With `prefetch` > 0, up to that many following pages are
 * requested while the caller still works on the current one; order is kept, the first error is
 * raised where its page would have been, and leaving the loop early cancels what is still in flight.
 */
export async function* iteratePages<T>(first: Page<T>, prefetch: number): AsyncGenerator<Page<T>> {
  if (prefetch <= 0) {
    let page: Page<T> | null = first;
    while (page) {
      yield page;
      page = await page.nextPage();
    }
    return;
  }

  const controller = new AbortController();
  const ahead: Promise<Page<T> | null>[] = [];
  let tail: Promise<Page<T> | null> = Promise.resolve(first);
  const fill = () => {
    while (ahead.length < prefetch) {
      tail = tail.then((page) => (page ? page.nextPage(controller.signal) : null));
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
