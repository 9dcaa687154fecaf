import type { Page } from '../index.js';
import { onStop } from './interrupt.js';
import type { ItemWriter } from './output/writer.js';
import type { ProgressLine } from './progress.js';

/** Every platform takes pages of 1 to 100 items: a smaller --limit is also the page size, so nothing extra is fetched. */
const largestPageSize = 100;

/** The page size to ask for: the limit when one page can hold it, else the platform's default. */
export function pageSizeFor(limit: number | undefined): number | undefined {
  return limit !== undefined && limit <= largestPageSize ? limit : undefined;
}

/**
 * Streams pages to the writer until the list ends or `limit` items were written; leaving the loop
 * early stops the paging, so no page beyond the limit is fetched.
 */
export async function writePages<T>(
  pages: AsyncIterable<Page<T>>,
  writer: ItemWriter<T>,
  progress: ProgressLine,
  limit: number | undefined,
): Promise<void> {
  let written = 0;
  const unregister = stopHandlerFor(writer, progress);
  try {
    for await (const page of pages) {
      const items = limit === undefined ? page.items : page.items.slice(0, limit - written);
      progress.clear();
      writer.write(items);
      written += items.length;
      if (limit !== undefined && written >= limit) break;
      progress.page(page.items.length, page.hasMore, page.totalCount);
    }
  } catch (error) {
    progress.clear();
    writer.abort();
    throw error;
  } finally {
    unregister();
  }
  progress.clear();
  writer.end();
}

/**
 * If the process is stopped midway: the progress line erased, and on Ctrl-C the rows held back
 * shown (on a closed pipe there is no one left to show them to).
 */
export function stopHandlerFor<T>(writer: ItemWriter<T>, progress: ProgressLine): () => void {
  return onStop((reason) => {
    progress.clear();
    if (reason === 'interrupt') writer.interrupt();
  });
}
