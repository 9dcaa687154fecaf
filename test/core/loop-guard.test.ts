import { describe, expect, it } from 'vitest';
import { LoopGuard, maxEmptyPagesInARow, rememberedCursors } from '../../src/core/pages/loop-guard.js';
import { fetchChainPage, type PageChain, type PageData } from '../../src/core/pages/page.js';
import { ResponseValidationError } from '../../src/index.js';

const longCursor = (index: number) => `${String(index).padStart(8, '0')}:${'c'.repeat(504)}`;

describe('LoopGuard', () => {
  it('remembers at most rememberedCursors cursors, however many pages a listing has', () => {
    const guard = new LoopGuard();
    for (let depth = 0; depth < rememberedCursors * 3; depth++) guard.record(longCursor(depth), depth);
    expect(guard.size).toBe(rememberedCursors);
    // The newest are still seen pointing back; the oldest are forgotten.
    expect(guard.pointsBack(longCursor(rememberedCursors * 3 - 1), rememberedCursors * 3)).toBe(true);
    expect(guard.pointsBack(longCursor(0), rememberedCursors * 3)).toBe(false);
  });

  it('does not take a cursor used again for the same page as a loop', () => {
    const guard = new LoopGuard();
    guard.record('c1', 1);
    guard.record('c1', 1);
    expect(guard.size).toBe(1);
    expect(guard.pointsBack('c1', 0)).toBe(false);
    expect(guard.pointsBack('c1', 1)).toBe(true);
  });
});

describe('a long listing', () => {
  it('walks 30,000 pages with 512-byte cursors, nextPage called twice on one page, and still sees a late loop', async () => {
    const pages = rememberedCursors * 3;
    const chain: PageChain<{ id: number }> = {
      provider: 'scripted',
      prefetch: 0,
      fetchPage: async (cursor) => {
        const index = cursor === null ? 0 : Number(cursor.slice(0, 8));
        // The last page points back at the page before it.
        const next: PageData<{ id: number }>['nextCursor'] = index + 1 < pages ? longCursor(index + 1) : longCursor(index - 1);
        return { items: [{ id: index }], nextCursor: next, totalCount: null };
      },
    };
    let page = await fetchChainPage(chain, null, 0);
    let seen = 1;
    let error: unknown;
    try {
      for (;;) {
        if (seen === 5) await page.nextPage(); // the same next page asked for twice: not a loop
        page = (await page.nextPage())!;
        seen++;
      }
    } catch (caught) {
      error = caught;
    }
    // The last page is refused as it is read, since its cursor points back.
    expect(seen).toBe(pages - 1);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('a second time while paging');
    expect(chain.loopGuard!.size).toBe(rememberedCursors);
  });
});

describe('pages emptied by the SDK own filter', () => {
  it('count as pages without an item for the caller, and stop the listing after maxEmptyPagesInARow of them', async () => {
    let fetched = 0;
    const chain: PageChain<{ id: number }> = {
      provider: 'scripted',
      prefetch: 0,
      fetchPage: async (cursor) => {
        fetched++;
        const index = cursor === null ? 0 : Number(cursor);
        // Endless pages of 5 items each, none of which the filter keeps.
        return { items: [], received: 5, nextCursor: String(index + 1), totalCount: null };
      },
    };
    let error: unknown;
    try {
      for await (const _item of await fetchChainPage(chain, null, 0)) expect.unreachable('no item passes the filter');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toBe(
      `scripted: ${maxEmptyPagesInARow} pages in a row held no item for the loop (the SDK's status filter left out all ${maxEmptyPagesInARow * 5} ` +
        'received), so it could not break; iteration stopped. To scan further, list without status and filter in the loop.',
    );
    expect(fetched).toBe(maxEmptyPagesInARow);
  });

  it('start counting again at a page with an item for the caller', async () => {
    const chain: PageChain<{ id: number }> = {
      provider: 'scripted',
      prefetch: 0,
      fetchPage: async (cursor) => {
        const index = cursor === null ? 0 : Number(cursor);
        // Every ninth page holds one item the filter keeps; 40 pages in all.
        const items = index % 9 === 8 ? [{ id: index }] : [];
        return { items, received: 5, nextCursor: index < 39 ? String(index + 1) : null, totalCount: null };
      },
    };
    const ids: number[] = [];
    for await (const item of await fetchChainPage(chain, null, 0)) ids.push(item.id);
    expect(ids).toEqual([8, 17, 26, 35]);
  });
});
