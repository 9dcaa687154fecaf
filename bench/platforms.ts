// The platforms benchmarked: every provider of the registry that has a sandbox double, served by that
// double over its own seed data, so that a new provider is measured with no edit here. The double pages
// as the platform does (its envelope, cursors, page numbers); the benchmark only makes its list long.
import type { ProviderDefinition } from '../src/core/provider-contract.js';
import type { SandboxPlatform } from '../src/core/sandbox/double.js';
import { providers } from '../src/providers/registry.js';

/** A provider id of the registry. */
export type PlatformId = string;

const definitions = providers as unknown as Readonly<Record<string, ProviderDefinition<string>>>;

/** Every provider with a sandbox double, in the registry's order. */
export const platformIds: readonly PlatformId[] = Object.keys(definitions).filter((id) => definitions[id]!.sandbox !== undefined);

/** Every listing of the benchmark asks for pages of this many items. */
export const pageSize = 100;

/** The API key every double accepts and every client sends. */
export const benchApiKey = 'bench-key';

/** A value for each of the provider's own options (an organization id, ...). */
export function providerOptions(id: PlatformId): Record<string, string> {
  return Object.fromEntries((definitions[id]!.options ?? []).map((option) => [option.name, `bench-${option.name}`]));
}

/**
 * A list of `total` records that repeats a seed list: what a double filters, sorts and slices. Filtering
 * and sorting act on one period (the seed) and are remembered, so that a page of a million-item list
 * costs the double what a page of its seed does, and the server's time stays small beside the client's.
 * A filter keeps the share of the list its period keeps. `slice` (a page) hands out copies whose ids
 * carry the lap, so no two pages are the same records. Bench only: it assumes, as every listing here
 * does, that one listing asks one query.
 */
class RepeatingList<Item extends object> extends Array<Item> {
  static override get [Symbol.species]() {
    return Array;
  }

  #period: Item[] = [];
  #idKeys: string[] = [];
  readonly #filtered = new Map<string, RepeatingList<Item>>();
  readonly #sortedBy = new Set<string>();

  static repeating<Item extends object>(period: Item[], total: number): RepeatingList<Item> {
    const list = new RepeatingList<Item>();
    list.#period = period;
    list.#idKeys = idKeys(period);
    list.length = total;
    list.#tile();
    return list;
  }

  #tile(): void {
    const period = this.#period;
    for (let index = 0; index < this.length; index++) this[index] = period[index % period.length]!;
  }

  override filter(predicate: (item: Item, index: number, array: Item[]) => unknown): Item[] {
    const kept = this.#period.filter((item, index) => predicate(item, index, this));
    const key = `${predicate.toString()}|${kept.map((item) => this.#period.indexOf(item)).join(',')}`;
    let list = this.#filtered.get(key);
    if (!list) {
      const share = this.#period.length === 0 ? 0 : kept.length / this.#period.length;
      list = RepeatingList.repeating(kept, kept.length === 0 ? 0 : Math.round(this.length * share));
      this.#filtered.set(key, list);
    }
    return list;
  }

  override sort(compare?: (left: Item, right: Item) => number): this {
    const key = compare?.toString() ?? '';
    if (this.#sortedBy.has(key)) return this;
    this.#sortedBy.clear();
    this.#sortedBy.add(key);
    this.#period = [...this.#period].sort(compare);
    this.#tile();
    return this;
  }

  override slice(start = 0, end = this.length): Item[] {
    const from = Math.max(0, start < 0 ? this.length + start : start);
    const to = Math.min(this.length, end < 0 ? this.length + end : end);
    const page: Item[] = [];
    for (let index = from; index < to; index++) {
      const lap = Math.floor(index / this.#period.length);
      const item = this[index]!;
      if (lap === 0) {
        page.push(item);
        continue;
      }
      const copy = { ...item } as Record<string, unknown>;
      for (const key of this.#idKeys) copy[key] = `${copy[key] as string}-${lap}`;
      page.push(copy as Item);
    }
    return page;
  }
}

/** The fields that identify a record: named as ids, text, distinct across the seed. */
function idKeys(period: readonly object[]): string[] {
  const first = period[0] as Record<string, unknown> | undefined;
  if (!first) return [];
  return Object.keys(first).filter((key) => {
    if (!/(^id|_id|Id)$/.test(key)) return false;
    const values = period.map((item) => (item as Record<string, unknown>)[key]);
    return values.every((value) => typeof value === 'string') && new Set(values).size === values.length;
  });
}

/** The double of `id` over its seed, each list of records repeated to `total` items. */
export async function benchDouble(id: PlatformId, total: number): Promise<SandboxPlatform> {
  const double = await definitions[id]!.sandbox!();
  const seed = double.seed() as Record<string, unknown>;
  const long: Record<string, unknown> = { ...seed };
  for (const [key, value] of Object.entries(seed)) {
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') long[key] = RepeatingList.repeating(value as object[], total);
  }
  return double.create({ apiKey: benchApiKey, options: providerOptions(id), seed: () => long });
}
