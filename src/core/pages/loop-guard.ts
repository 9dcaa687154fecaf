/** How many cursors the guard remembers: a loop longer than this many pages is not seen as one. */
export const rememberedCursors = 10_000;
/** Empty pages in a row, each pointing to another, after which a listing is taken to never end. */
export const maxEmptyPagesInARow = 10;

/**
 * Remembers the cursors of one listing, each with the depth of the page it fetched, so that a cursor
 * pointing back up the chain is seen as a loop. Bounded: at most `rememberedCursors` entries, each a
 * 53-bit digest of the cursor rather than the cursor itself (a listing of 100,000 pages with 512-byte
 * cursors would otherwise hold every one), the oldest forgotten first.
 */
export class LoopGuard {
  readonly #depths = new Map<number, number>();

  /** A page at `depth` is about to be fetched with `cursor`. */
  record(cursor: string, depth: number): void {
    const key = digest(cursor);
    // Deleted first, so that a cursor used again (nextPage called twice on one page) counts as recent.
    this.#depths.delete(key);
    this.#depths.set(key, depth);
    if (this.#depths.size > rememberedCursors) this.#depths.delete(this.#depths.keys().next().value!);
  }

  /** Whether `cursor`, sent by the page at `depth`, points at that page or one before it. */
  pointsBack(cursor: string, depth: number): boolean {
    const seenAt = this.#depths.get(digest(cursor));
    return seenAt !== undefined && seenAt <= depth;
  }

  /** How many cursors are remembered now. */
  get size(): number {
    return this.#depths.size;
  }
}

/** cyrb53: a fast 53-bit string digest; two cursors of one listing sharing one is vanishingly unlikely. */
function digest(text: string): number {
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }
  first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return 4294967296 * (2097151 & second) + (first >>> 0);
}

/** Whether two pages hold the same items: by `id` where the items have one, else by their JSON. */
export function sameItems(before: readonly unknown[], after: readonly unknown[]): boolean {
  if (before.length === 0 || before.length !== after.length) return false;
  for (let index = 0; index < before.length; index++) {
    if (!sameItem(before[index], after[index])) return false;
  }
  return true;
}

function sameItem(before: unknown, after: unknown): boolean {
  const beforeId = idOf(before);
  if (beforeId !== undefined) return beforeId === idOf(after);
  try {
    return JSON.stringify(before) === JSON.stringify(after);
  } catch {
    return false;
  }
}

function idOf(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || !('id' in item)) return undefined;
  const { id } = item as { id: unknown };
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}
