import { describe, expect, it } from 'vitest';
import { iterateItems } from '../../src/core/pages/iterate-pages.js';
import type { Page } from '../../src/core/pages/page.js';

/** Pages as plain objects with `items`, which is all the item iterator reads; counts its calls. */
function pagesOf(contents: (number[] | Error)[]) {
  const log = { requested: 0, closed: false };
  async function* generate() {
    try {
      for (const content of contents) {
        log.requested++;
        await Promise.resolve();
        if (content instanceof Error) throw content;
        yield { items: content } as unknown as Page<number>;
      }
    } finally {
      log.closed = true;
    }
  }
  return { pages: generate(), log };
}

describe('iterateItems', () => {
  it('yields every item of every page in order, past empty pages', async () => {
    const { pages, log } = pagesOf([[1, 2], [], [3], [4, 5, 6]]);
    const seen: number[] = [];
    for await (const item of iterateItems(pages)) seen.push(item);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log).toEqual({ requested: 4, closed: true });
  });

  it('serves calls to next made before the earlier ones settled, in order', async () => {
    const { pages, log } = pagesOf([[1], [2, 3], [4]]);
    const iterator = iterateItems(pages);
    const results = await Promise.all(Array.from({ length: 6 }, () => iterator.next()));
    expect(results).toEqual([
      { done: false, value: 1 },
      { done: false, value: 2 },
      { done: false, value: 3 },
      { done: false, value: 4 },
      { done: true, value: undefined },
      { done: true, value: undefined },
    ]);
    expect(log.requested).toBe(3);
  });

  it('stops the pages when the loop is left early, and requests nothing more', async () => {
    const { pages, log } = pagesOf([[1, 2], [3], [4]]);
    const iterator = iterateItems(pages);
    for await (const item of iterator) if (item === 2) break;
    expect(log).toEqual({ requested: 1, closed: true });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(log.requested).toBe(1);
  });

  it('raises a page error after the items before it', async () => {
    const failure = new Error('page 2 failed');
    const { pages } = pagesOf([[1, 2], failure, [3]]);
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of iterateItems(pages)) seen.push(item);
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual([1, 2]);
    expect(error).toBe(failure);
  });
});
