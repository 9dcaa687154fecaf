import type { ProviderId } from '../client.js';
import type { ItemBatch } from './cap-items.js';
import type { HubFailure } from './hub-error.js';

/** One platform's pages, started only when the merge has room for it. */
export interface PageSource<T> {
  provider: ProviderId;
  pages: () => AsyncIterable<ItemBatch<T>>;
}

interface Running<T> {
  provider: ProviderId;
  iterator: AsyncIterator<ItemBatch<T>>;
  next: Promise<Outcome<T>>;
}

type Outcome<T> =
  | { running: Running<T>; kind: 'page'; result: IteratorResult<ItemBatch<T>> }
  | { running: Running<T>; kind: 'error'; error: unknown };

/**
 * Yields the items of several platforms as their pages arrive, with at most `concurrency`
 * platforms in flight and one page ahead per platform. Order within a platform is kept. A platform
 * that fails is recorded in `failures` and the others go on.
 */
export async function* mergeSources<T>(
  sources: readonly PageSource<T>[],
  concurrency: number,
  failures: HubFailure[],
): AsyncGenerator<T> {
  const waiting = [...sources];
  const running = new Set<Running<T>>();

  const advance = (entry: Running<T>) => {
    entry.next = entry.iterator.next().then(
      (result): Outcome<T> => ({ running: entry, kind: 'page', result }),
      (error: unknown): Outcome<T> => ({ running: entry, kind: 'error', error }),
    );
  };
  const fill = () => {
    while (running.size < concurrency && waiting.length > 0) {
      const source = waiting.shift()!;
      const entry = { provider: source.provider } as Running<T>;
      try {
        entry.iterator = source.pages()[Symbol.asyncIterator]();
      } catch (error) {
        failures.push({ provider: source.provider, error });
        continue;
      }
      advance(entry);
      running.add(entry);
    }
  };

  try {
    fill();
    while (running.size > 0) {
      const outcome = await Promise.race([...running].map((entry) => entry.next));
      const entry = outcome.running;
      if (outcome.kind === 'error' || outcome.result.done) {
        if (outcome.kind === 'error') failures.push({ provider: entry.provider, error: outcome.error });
        running.delete(entry);
        fill();
        continue;
      }
      advance(entry);
      yield* outcome.result.value.items;
    }
  } finally {
    // Leaving early: let every platform still running stop its own iteration.
    for (const entry of running) void Promise.resolve(entry.iterator.return?.()).catch(() => {});
  }
}
