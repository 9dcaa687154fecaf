// The platforms benchmarked: every provider of the registry that has a sandbox double, served by that
// double over its own seed data, so that a new provider is measured with no edit here. The double pages
// as the platform does (its envelope, cursors, page numbers); the benchmark only makes its list long.
import type { ProviderDefinition } from '../src/core/contract/provider-contract.js';
import type { SandboxPlatform } from '../src/core/sandbox/double.js';
import { providers } from '../src/providers/registry.js';
import type { VariedField } from './lap-copies.js';

/** A provider id of the registry. */
export type PlatformId = string;

const definitions = providers as unknown as Readonly<Record<string, ProviderDefinition<string>>>;

/** Every provider with a sandbox double, in the registry's order. */
export const platformIds: readonly PlatformId[] = Object.keys(definitions).filter((id) => definitions[id]!.sandbox !== undefined);

/** Every listing of the benchmark asks for pages of this many items. */
export const pageSize = 100;

/** The API key every double accepts and every client sends. */
export const benchApiKey = 'bench-key';

/** The seed data of `id`'s double, as the double starts with it. */
export async function seedOf(id: PlatformId): Promise<Record<string, unknown>> {
  return (await definitions[id]!.sandbox!()).seed() as Record<string, unknown>;
}

/** A value for each of the provider's own options (an organization id, ...). */
export function providerOptions(id: PlatformId): Record<string, string> {
  return Object.fromEntries((definitions[id]!.options ?? []).map((option) => [option.name, `bench-${option.name}`]));
}

/**
 * A list of `total` records made of a seed list: the seed's records, then lap after lap copies of them,
 * each copy a record of its own (its ids and numbers varied, bench/lap-copies.ts): what a double
 * filters, sorts, copies and slices, all of it, so that whatever a double does with its list (a spread
 * and a sort of its own, a search for the record a cursor names) meets distinct records.
 *
 * Two of the list's methods remember their answer, so that a page of a million-record list costs a
 * double that filters and sorts the list itself about what a page of its seed does, and the server's
 * time stays small beside the client's: `filter` (record i is a copy of record i % period, so a
 * predicate that keeps the same records on the first lap and on the last keeps that pattern on every
 * lap; any other predicate is run over the whole list) and `sort` (the list is sorted once, in place,
 * then kept as it is while the same comparator is asked for). Bench only: it assumes, as every listing
 * here does, that one listing asks one query, and that the records are not written.
 */
class RepeatedList<Item extends object> extends Array<Item> {
  static override get [Symbol.species]() {
    return Array;
  }

  /** Record i is a copy of record i % period (its identifying fields aside); `null` once sorted. */
  #period: number | null = null;
  readonly #filtered = new Map<string, RepeatedList<Item>>();
  #sortedBy: string | null = null;

  static holding<Item extends object>(records: readonly Item[], period: number | null): RepeatedList<Item> {
    const list = new RepeatedList<Item>();
    for (const record of records) list.push(record);
    list.#period = period !== null && period > 0 ? period : null;
    return list;
  }

  override filter(predicate: (item: Item, index: number, array: Item[]) => unknown, thisArg?: unknown): Item[] {
    const period = this.#period;
    const laps = period === null ? 0 : Math.floor(this.length / period);
    if (period === null || laps === 0) return super.filter(predicate, thisArg);
    const keeps = (lap: number) =>
      Array.from({ length: period }, (_, index) => Boolean(predicate.call(thisArg, this[lap * period + index]!, lap * period + index, this)));
    const pattern = keeps(0);
    const lastLap = keeps(laps - 1);
    if (pattern.some((kept, index) => kept !== lastLap[index])) return super.filter(predicate, thisArg);
    const key = `${predicate.toString()}|${pattern.map(Number).join('')}`;
    let list = this.#filtered.get(key);
    if (!list) {
      const kept: Item[] = [];
      for (let index = 0; index < this.length; index++) if (pattern[index % period]) kept.push(this[index]!);
      list = RepeatedList.holding(kept, pattern.filter(Boolean).length);
      this.#filtered.set(key, list);
    }
    return list;
  }

  override sort(compare?: (left: Item, right: Item) => number): this {
    const key = compare?.toString() ?? '';
    if (this.#sortedBy === key) return this;
    super.sort(compare);
    this.#sortedBy = key;
    this.#period = null;
    this.#filtered.clear();
    return this;
  }
}

/** `seed` repeated to `total` records, each copy after the first lap with `fields` varied. */
function repeatedList(seed: readonly Record<string, unknown>[], total: number, fields: readonly VariedField[]): RepeatedList<object> {
  const records: object[] = [];
  for (let index = 0; index < total; index++) {
    const lap = Math.floor(index / seed.length);
    const record = seed[index % seed.length]!;
    if (lap === 0) {
      records.push(record);
      continue;
    }
    const copy: Record<string, unknown> = { ...record };
    for (const field of fields) if (typeof record[field.name] === 'string') copy[field.name] = field.valueAt(index % seed.length, lap);
    records.push(copy);
  }
  return RepeatedList.holding(records, seed.length);
}

/** How benchDouble builds its lists. */
export interface BenchDoubleOptions {
  /** Plain arrays of the same records, whose filter and sort remember nothing (see below). */
  plainArrays?: boolean;
  /**
   * The seed lists made long; the others stay as seeded. Every list when omitted. A double may derive
   * records from a list (a campaign's dialled contacts each get a call): made long, such a list makes
   * the derived ones longer still, by as many as each record derives (bench/listed-list.ts).
   */
  longLists?: ReadonlySet<string>;
}

/**
 * The double of `id` over its seed, each list of records (or those of `longLists`) repeated to
 * `total` records. With `plainArrays`, the lists are plain arrays of the same records, whose filter
 * and sort remember nothing: slow on long lists, the reference bench/check-lists.ts compares the
 * bench's lists with.
 */
export async function benchDouble(id: PlatformId, total: number, { plainArrays = false, longLists }: BenchDoubleOptions = {}): Promise<SandboxPlatform> {
  // Loaded here, not at the top: the measured processes import this module for its constants, and
  // the full metadata of libphonenumber-js that the check of the copies loads would sit in their heap.
  const { checkPhoneCopies, variedFields } = await import('./lap-copies.js');
  const definition = definitions[id]!;
  const double = await definition.sandbox!();
  const seed = double.seed() as Record<string, unknown>;
  const long: Record<string, unknown> = { ...seed };
  for (const [key, value] of Object.entries(seed)) {
    if (!Array.isArray(value) || value.length === 0 || typeof value[0] !== 'object' || value[0] === null) continue;
    if (longLists !== undefined && !longLists.has(key)) continue;
    const records = value as Record<string, unknown>[];
    // Built when the double first reads it: a listing of numbers does not pay for (or hold) a million
    // campaigns, and the server's heap, its collections with it, stays what the listing needs.
    let list: unknown[] | undefined;
    Object.defineProperty(long, key, {
      enumerable: true,
      configurable: true,
      get() {
        if (list === undefined) {
          const lastLap = Math.max(0, Math.ceil(total / records.length) - 1);
          const fields = variedFields(records, lastLap, `${id} ${key}`);
          checkPhoneCopies(fields, records.length, lastLap, total, definition.defaultCountry ?? null);
          const repeated = repeatedList(records, total, fields);
          list = plainArrays ? Array.from(repeated) : repeated;
        }
        return list;
      },
      set(replaced: unknown[]) {
        list = replaced;
      },
    });
  }
  return double.create({ apiKey: benchApiKey, options: providerOptions(id), seed: () => long });
}
