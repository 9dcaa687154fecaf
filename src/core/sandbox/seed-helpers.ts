import type { Random } from './random.js';

/** The seed data's "today": every seeded timestamp lies before it, scheduled starts after it. */
export const seedNow = /* @__PURE__ */ Date.UTC(2025, 6, 1);
/** The oldest seeded record. */
export const seedStart = /* @__PURE__ */ Date.UTC(2024, 0, 1);

const day = 24 * 60 * 60 * 1000;

/** A moment from `from` to `to`, to the second. */
export function momentBetween(random: Random, from: number, to: number): number {
  return Math.floor((from + random.next() * (to - from)) / 1000) * 1000;
}

/** A moment `minimumDays` to `maximumDays` after `from`. */
export function daysAfter(random: Random, from: number, minimumDays: number, maximumDays: number): number {
  return momentBetween(random, from + minimumDays * day, from + maximumDays * day);
}

/** ISO 8601 without milliseconds, as the generic platform's reference page writes it. */
export function isoSeconds(moment: number): string {
  return new Date(moment).toISOString().replace('.000Z', 'Z');
}

/** A value of `make()` not yet in `taken`, which then holds it: a phone number is never seeded twice. */
export function unique(taken: Set<string>, make: () => string): string {
  let value = make();
  while (taken.has(value)) value = make();
  taken.add(value);
  return value;
}

/** A list with `count` copies of each key, shuffled: exact shares of each status, in a mixed order. */
export function shuffledShares<T>(random: Random, shares: ReadonlyArray<readonly [T, number]>): T[] {
  const list = shares.flatMap(([value, count]) => Array.from({ length: count }, () => value));
  for (let index = list.length - 1; index > 0; index -= 1) {
    const other = random.integer(0, index);
    [list[index], list[other]] = [list[other]!, list[index]!];
  }
  return list;
}

/** US area codes in service, so numbers look like real ones rather than 555 fillers. */
const usAreaCodes = ['212', '213', '206', '303', '305', '312', '404', '415', '512', '617', '646', '702', '718', '818', '917'];

/** An E.164 number of the given country, in a realistic shape for it. */
export function e164(random: Random, country: 'US' | 'CA' | 'GB' | 'DE' | 'FR' | 'AU' | 'JP' | 'KR' | 'ES'): string {
  const exchange = () => `${random.integer(2, 9)}${random.digits(2)}`;
  switch (country) {
    case 'US':
      return `+1${random.pick(usAreaCodes)}${exchange()}${random.digits(4)}`;
    case 'CA':
      return `+1${random.pick(['416', '514', '604', '647'])}${exchange()}${random.digits(4)}`;
    case 'GB':
      return random.chance(0.5) ? `+4420${random.integer(3, 8)}${random.digits(7)}` : `+447700${random.digits(6)}`;
    case 'DE':
      return `+4930${random.integer(2, 9)}${random.digits(7)}`;
    case 'FR':
      return `+331${random.integer(4, 8)}${random.digits(7)}`;
    case 'AU':
      return `+612${random.integer(8, 9)}${random.digits(7)}`;
    case 'JP':
      return `+813${random.integer(5, 6)}${random.digits(7)}`;
    case 'KR':
      return `+822${random.integer(2, 9)}${random.digits(7)}`;
    case 'ES':
      return `+3491${random.digits(7)}`;
  }
}
