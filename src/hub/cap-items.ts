import { describeValue } from '../core/kit/describe-value.js';
import { InvalidRequestError } from '../core/errors.js';

/** The items of one page: all a merge of platforms reads of a page. */
export interface ItemBatch<T> {
  readonly items: readonly T[];
}

/**
 * Takes the hub's own `maxItemsPerPlatform` out of a hub list's parameters; the rest go to every
 * platform as given (anything that is not an object too, so each client refuses it in its own words).
 */
export function splitHubParams(params: unknown): { platformParams: unknown; cap: unknown } {
  if (typeof params !== 'object' || params === null || !('maxItemsPerPlatform' in params)) return { platformParams: params, cap: undefined };
  const { maxItemsPerPlatform, ...platformParams } = params as { maxItemsPerPlatform?: unknown };
  return { platformParams, cap: maxItemsPerPlatform };
}

/** Refuses a `maxItemsPerPlatform` that is not a whole number of 1 or more; `undefined` means no cap. */
export function checkItemCap(cap: unknown): number | undefined {
  if (cap === undefined) return undefined;
  if (typeof cap !== 'number' || !Number.isSafeInteger(cap) || cap < 1) {
    throw new InvalidRequestError(
      `hub list: maxItemsPerPlatform must be a whole number of 1 or more (got ${describeValue(cap)}); leave it out for no cap.`,
    );
  }
  return cap;
}

/**
 * One platform's pages, cut at `cap` items: the page that reaches the cap is shortened, and the
 * platform's iteration is stopped there, so no page after it is fetched.
 */
export async function* capItems<T>(pages: AsyncIterable<ItemBatch<T>>, cap: number | undefined): AsyncGenerator<ItemBatch<T>> {
  if (cap === undefined) {
    yield* pages;
    return;
  }
  let remaining = cap;
  for await (const page of pages) {
    const items = page.items.length > remaining ? page.items.slice(0, remaining) : page.items;
    remaining -= items.length;
    yield { items };
    if (remaining === 0) return;
  }
}
