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
 * Bench only: it assumes, as every listing here does, that one listing asks one query.
 */
class RepeatingList<Item> extends Array<Item> {
  static override get [Symbol.species]() {
    return Array;
  }

  #period: Item[] = [];
  readonly #filtered = new Map<string, RepeatingList<Item>>();
  readonly #sortedBy = new Set<string>();

  static repeating<Item>(period: Item[], total: number): RepeatingList<Item> {
    const list = new RepeatingList<Item>();
    list.#period = period;
    list.length = total;
    for (let index = 0; index < total; index++) list[index] = period[index % period.length]!;
    return list;
  }

  override filter(predicate: (item: Item, index: number, array: Item[]) => unknown): Item[] {
    const kept = this.#period.filter((item, index) => predicate(item, index, this));
    const key = `${predicate.toString()}|${kept.length}|${kept.map((item) => this.#period.indexOf(item)).join(',')}`;
    let list = this.#filtered.get(key);
    if (!list) {
      list = kept.length === 0 ? RepeatingList.repeating<Item>([], 0) : RepeatingList.repeating(kept, this.length);
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
    for (let index = 0; index < this.length; index++) this[index] = this.#period[index % this.#period.length]!;
    return this;
  }
}

/** The double of `id` over its seed, each list of records repeated to `total` items. */
export async function benchDouble(id: PlatformId, total: number): Promise<SandboxPlatform> {
  const double = await definitions[id]!.sandbox!();
  const seed = double.seed() as Record<string, unknown>;
  const long: Record<string, unknown> = { ...seed };
  for (const [key, value] of Object.entries(seed)) {
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') long[key] = RepeatingList.repeating(value, total);
  }
  return double.create({ apiKey: benchApiKey, options: providerOptions(id), seed: () => long });
}
