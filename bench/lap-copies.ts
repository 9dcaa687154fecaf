// The records of a long benchmark list, made from a short seed: the seed's records (lap 0), then lap
// after lap copies of them. A copy must be a record of its own, as on a real platform, or a double
// that pages by a field of its records meets the same value again: a cursor that is the phone number
// of a page's last record (Retell's) sends the SDK back up the list, and its loop guard rightly stops.
// So every field that identifies a record (an id, a phone number, a SIP address) gets on each lap a
// value that no other record of the list has, in the same shape: same length, letters and digits in
// the same places, formatting kept; a phone number stays a valid number of the same country that the
// SDK's E.164 step treats as it treats the seed's (checked when the list is made). The other fields
// are the seed record's. Nothing here names a platform: the fields are found by their values.
import { isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isE164AsIs } from '../src/core/kit/e164-as-is.js';

type SeedRecord = Record<string, unknown>;

/** A phone number as a platform may spell it: digits with `+`, spaces, brackets, dots or dashes. */
const phoneSpelling = /^\+?[\d ().-]+$/;
const phoneDigits = { min: 7, max: 15 };
/** A field named as an identifier: `id`, `phone_number_id`, `batchId`. */
const idName = /(^id|_id|Id)$/;
/** Characters of a number never varied: the country code and the leading digits that decide its type and region. */
const keptPhoneDigits = 5;
/** Characters of an id never varied, so a prefix such as `num_` or `agent_` and most of the value stay. */
const keptIdCharacters = 4;
/** Lists at most this long have every copied number checked; longer ones a sample of laps. */
const fullyCheckedItems = 20_000;

const alphabets = [
  '0123456789',
  '0123456789abcdef',
  '0123456789ABCDEF',
  '0123456789abcdefghijklmnopqrstuvwxyz',
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
];

/** One identifying field of the seed's records and how its value changes from lap to lap. */
export interface VariedField {
  name: string;
  /** The field's value in the copy of seed record `index` on `lap` (the seed's own value on lap 0). */
  valueAt(index: number, lap: number): string;
}

/**
 * The fields that identify the records of `records`, each with the values of its copies up to lap
 * `lastLap`: a field whose values (where present) are text, all different, and either named as ids
 * (and in every record), or holding phone numbers or addresses (`sip:user@host`), as a number field
 * may hold a SIP address or user name for some records. Fields that refer to other records (an agent
 * id many numbers share) are not all different, so they keep their values; so do dates and names.
 * A phone number's copies vary its last digits; any other value's, the last letters and digits of its
 * user part (before `@`, after a scheme).
 */
export function variedFields(records: readonly SeedRecord[], lastLap: number, listName: string): VariedField[] {
  const names = new Set(records.flatMap((record) => Object.keys(record)));
  const fields: VariedField[] = [];
  for (const name of names) {
    const present = records.map((record) => record[name]);
    const values = present.filter((value): value is string => typeof value === 'string');
    if (values.length === 0 || values.length !== present.filter((value) => value !== undefined && value !== null).length) continue;
    if (new Set(values).size !== values.length) continue;
    const namedAsId = idName.test(name) && values.length === records.length;
    if (!namedAsId && !values.some((value) => isPhoneSpelling(value) || address.test(value))) continue;
    const label = `${listName}.${name}`;
    const only = (keep: (value: string) => boolean) => present.map((value) => (typeof value === 'string' && keep(value) ? value : null));
    const numbers = only(isPhoneSpelling);
    const others = only((value) => !isPhoneSpelling(value));
    const parts = [
      numbers.some((value) => value !== null) ? varyingField(label, numbers, lastLap, digitPositions, ['0123456789'], keptPhoneDigits) : null,
      others.some((value) => value !== null) ? varyingField(label, others, lastLap, userPartPositions, alphabets, keptIdCharacters) : null,
    ];
    fields.push({
      name,
      valueAt: (index, lap) => {
        if (numbers[index] !== null) return parts[0]!.valueAt(index, lap);
        return others[index] !== null ? parts[1]!.valueAt(index, lap) : (present[index] as string);
      },
    });
  }
  return fields;
}

export function isPhoneSpelling(text: string): boolean {
  if (!phoneSpelling.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= phoneDigits.min && digits <= phoneDigits.max;
}

/** An address with a user part: `sip:f21be57f49@sip.example.com`, `desk@example.com`. */
const address = /^(?:[a-z][a-z0-9+.-]*:)?[^@\s:]+@[^@\s]+$/i;

const digitPositions = (value: string) => [...value].flatMap((character, index) => (/\d/.test(character) ? [index] : []));

/** The letters and digits of the user part of an address (of the whole value when it is none). */
function userPartPositions(value: string): number[] {
  const at = value.indexOf('@');
  const start = at === -1 ? 0 : value.slice(0, at).indexOf(':') + 1;
  const end = at === -1 ? value.length : at;
  return [...value].flatMap((character, index) => (index >= start && index < end && /[0-9A-Za-z]/.test(character) ? [index] : []));
}

/** Fields whose repeating copies were reported, so a list built again is not reported again. */
const warned = new Set<string>();

/** Values of a field equal but for their varied characters, and the tails their copies take. */
interface Group {
  /** A seed value of the group, the copies are written over: its characters and which of them vary. */
  template: string[];
  varied: number[];
  /** The tails of the group's seed values, ascending: no copy takes one. */
  taken: number[];
  /** How many values share the group's tails: its own, and values of a shape with no room of its own. */
  size: number;
  /** Free tails: `null` when every copy gets one of its own, else how many there are (the copies then repeat). */
  cycle: number | null;
}

/**
 * A field whose copies change the last `width` variable characters of a value (digits of a number;
 * letters and digits of an id), written in the smallest alphabet the seed's values already use there.
 * Values equal but for those characters form a group; the copies of a group's values take, lap after
 * lap, the tails none of the group's seed values has, each value its own, so every value of the list
 * is different without a table of the values given out. Each length (count of variable characters)
 * takes the smallest width that leaves room for every lap. The values of a length with no such room
 * (an 8-digit number among 11-digit ones, on a long list) are written in the groups of the roomiest
 * length instead: another length, but still distinct, of the same kind and country (which the check
 * of the copies confirms). Where even that has no room, the copies repeat, and the run says so.
 */
function varyingField(
  /** The list and field, for messages. */
  label: string,
  values: readonly (string | undefined | null)[],
  lastLap: number,
  variablePositions: (value: string) => number[],
  candidateAlphabets: readonly string[],
  kept: number,
): Pick<VariedField, 'valueAt'> {
  const positions = values.map((value) => (typeof value === 'string' ? variablePositions(value) : []));
  const tails = values.flatMap((value, index) => (typeof value === 'string' ? [positions[index]!.slice(-8).map((at) => value[at]).join('')] : []));
  const alphabet = candidateAlphabets.find((letters) => tails.every((tail) => [...tail].every((character) => letters.includes(character))))!;
  const lengths = new Map<number, number[]>();
  values.forEach((value, index) => {
    if (typeof value === 'string') lengths.set(positions[index]!.length, [...(lengths.get(positions[index]!.length) ?? []), index]);
  });

  /** The value's group at `width` (the value with the varied characters blanked) and its tail as a number. */
  const placeOf = (index: number, width: number) => {
    const varied = positions[index]!.slice(-width);
    const characters = [...values[index]!];
    let tail = 0;
    for (const at of varied) {
      tail = tail * alphabet.length + alphabet.indexOf(characters[at]!);
      characters[at] = '\u0000';
    }
    return { key: characters.join(''), tail, varied };
  };

  /** The values `own` in their groups at `width`, each member ranked by its tail (made a place below). */
  const grouped = (own: readonly number[], width: number, members: Map<number, { group: Group; rank: number }>): Group[] => {
    const groups = new Map<string, Group>();
    for (const index of own) {
      const place = placeOf(index, width);
      let group = groups.get(place.key);
      if (!group) {
        group = { template: [...values[index]!], varied: place.varied, taken: [], size: 0, cycle: null };
        groups.set(place.key, group);
      }
      group.taken.push(place.tail);
      group.size++;
      members.set(index, { group, rank: place.tail });
    }
    return [...groups.values()];
  };

  /** Groups of the values `own` at the smallest width with room for every lap, `guests` shared among them. */
  const layout = (own: readonly number[], length: number, guests: readonly number[]) => {
    for (let width = 1; width <= length - kept; width++) {
      const room = alphabet.length ** width;
      if (!Number.isSafeInteger(room)) break;
      const members = new Map<number, { group: Group; rank: number }>();
      const all = grouped(own, width, members);
      guests.forEach((index, order) => {
        const group = all[order % all.length]!;
        members.set(index, { group, rank: group.size++ });
      });
      if (room < (lastLap + 1) * Math.max(...all.map((group) => group.size))) continue;
      for (const group of all) group.taken.sort((left, right) => left - right);
      // A seed value's rank is its tail's place among the group's tails; a guest's was given above.
      for (const [index, member] of members) if (own.includes(index)) member.rank = member.group.taken.indexOf(member.rank);
      return members;
    }
    return null;
  };

  const members = new Map<number, { group: Group; rank: number }>();
  const homeless: number[] = [];
  for (const [length, own] of lengths) {
    const placed = layout(own, length, []);
    if (placed) for (const [index, member] of placed) members.set(index, member);
    else homeless.push(...own);
  }
  if (homeless.length > 0) {
    const roomiest = [...lengths.entries()].filter(([, own]) => !homeless.includes(own[0]!)).sort(([left], [right]) => right - left)[0];
    const placed = roomiest ? layout(roomiest[1], roomiest[0], homeless) : null;
    if (placed) {
      for (const [index, member] of placed) members.set(index, member);
    } else {
      // No room anywhere: the widest tails the shape allows, given out in turn, so copies repeat.
      for (const [length, own] of lengths) {
        if (!homeless.includes(own[0]!)) continue;
        const width = Math.max(1, length - kept);
        for (const group of grouped(own, width, members)) {
          group.taken.sort((left, right) => left - right);
          group.cycle = alphabet.length ** width - group.taken.length;
        }
        for (const index of own) {
          const member = members.get(index)!;
          member.rank = member.group.taken.indexOf(member.rank);
        }
      }
      if (!warned.has(label)) process.stderr.write(
        `bench: ${label}: ${homeless.length} seed values have no room for ${lastLap.toLocaleString('en-US')} laps of distinct values ` +
          'of their shape; their copies repeat\n',
      );
      warned.add(label);
    }
  }

  return {
    valueAt(index, lap) {
      const value = values[index];
      const member = members.get(index);
      if (lap === 0 || typeof value !== 'string' || !member) return value as string;
      const { group, rank } = member;
      // The copy on `lap` of the group's rank-th value takes the ((lap - 1) * size + rank)-th free tail.
      let tail = (lap - 1) * group.size + rank;
      if (group.cycle !== null) tail %= group.cycle;
      for (const used of group.taken) {
        if (used <= tail) tail++;
        else break;
      }
      const characters = [...group.template];
      for (let position = group.varied.length - 1; position >= 0; position--) {
        characters[group.varied[position]!] = alphabet[tail % alphabet.length]!;
        tail = Math.floor(tail / alphabet.length);
      }
      return characters.join('');
    },
  };
}

/**
 * Checks that each copied phone number is what the seed's number is to the SDK: valid or not, in the
 * same country (libphonenumber-js with its full metadata, national numbers read as `defaultCountry`'s),
 * and taken as it is by the SDK's E.164 table or not. Every copy of a short list; a sample of laps
 * (the first two, the middle and the last) of a long one. Throws on the first copy that differs.
 */
export function checkPhoneCopies(
  fields: readonly VariedField[],
  count: number,
  lastLap: number,
  totalItems: number,
  defaultCountry: string | null,
): void {
  const country = (defaultCountry ?? undefined) as CountryCode | undefined;
  const laps =
    totalItems <= fullyCheckedItems
      ? Array.from({ length: lastLap }, (_, index) => index + 1)
      : [...new Set([1, 2, Math.ceil(lastLap / 2), lastLap])];
  const profile = (number: string) =>
    [isValidPhoneNumber(number, country), parsePhoneNumberFromString(number, country)?.country ?? null, isE164AsIs(number)].join('|');
  for (const field of fields) {
    for (let index = 0; index < count; index++) {
      const seed = field.valueAt(index, 0);
      if (typeof seed !== 'string' || !isPhoneSpelling(seed)) continue;
      const expected = profile(seed);
      for (const lap of laps) {
        if (lap < 1 || lap > lastLap) continue;
        const copy = field.valueAt(index, lap);
        if (profile(copy) !== expected) {
          throw new Error(
            `bench: ${field.name} ${copy} (lap ${lap} of ${seed}) is not the kind of number ${seed} is (${profile(copy)} against ${expected})`,
          );
        }
      }
    }
  }
}
