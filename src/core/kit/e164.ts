import { describeValue } from './describe-value.js';
import { InvalidRequestError } from '../errors.js';
import { describeUntrusted } from '../transport/header-text.js';
import { isE164AsIs } from './e164-as-is.js';

/** Turns a number as a platform spells it into E.164, or `null` where none can be derived. */
export type E164Formatter = (number: string) => string | null;

type PhoneLibrary = typeof import('./phone-library.js');

let library: PhoneLibrary | undefined;
let loading: Promise<PhoneLibrary> | undefined;

/**
 * libphonenumber-js is loaded when a number must be read by it, not at import: a bundler puts it in
 * its own chunk, so the SDK's entries stay small, and a listing whose numbers are all E.164 as the
 * library itself would write them never loads it.
 */
function loadLibrary(): Promise<PhoneLibrary> {
  loading ??= import('./phone-library.js').then((module) => (library = module));
  return loading;
}

/** Whether libphonenumber-js was loaded in this process (tests check that E.164 wires never load it). */
export function isPhoneLibraryLoaded(): boolean {
  return library !== undefined;
}

/** Thrown inside a formatter built without waiting: the number needs a chunk not loaded yet. */
class ChunkNeeded extends Error {}

/** One national reader per country, built at the first national number of that country. */
const nationalReaders = new Map<string, ReturnType<PhoneLibrary['nationalReader']>>();

function format(loaded: PhoneLibrary, number: string, defaultCountry: string | null): string | null {
  if (defaultCountry !== null) {
    let reader = nationalReaders.get(defaultCountry);
    if (reader === undefined) {
      reader = loaded.nationalReader(defaultCountry);
      nationalReaders.set(defaultCountry, reader);
    }
    const read = reader?.(number);
    if (read !== undefined) return read;
  }
  return loaded.parseToE164(number, defaultCountry);
}

/** Throws `ChunkNeeded` for a number that needs the table or the library while it is not loaded. */
function formatter(defaultCountry: string | null): E164Formatter {
  return (number) => {
    // Taken as it is only where the generated table proves the library would answer the same.
    if (isE164AsIs(number)) return number;
    if (library) return format(library, number, defaultCountry);
    throw new ChunkNeeded();
  };
}

/** A formatter for one client: numbers without a country code are read as `defaultCountry`'s. */
export async function loadE164Formatter(defaultCountry: string | null): Promise<E164Formatter> {
  await loadLibrary();
  return formatter(defaultCountry);
}

/**
 * Runs `map` with a formatter that needs no library for numbers already in E.164; where a number needs
 * the library while it is not loaded yet, loads it and runs `map` again (mapping is pure, and this
 * happens at most once per process).
 */
export async function withE164Formatter<T>(defaultCountry: string | null, map: (toE164: E164Formatter) => T): Promise<T> {
  for (;;) {
    try {
      return map(formatter(defaultCountry));
    } catch (error) {
      if (!(error instanceof ChunkNeeded)) throw error;
    }
    await loadLibrary();
  }
}

/**
 * A phone number and nothing else: an optional "+", digits, and the separators people write between
 * them (spaces, hyphens and dashes, dots, slashes, brackets). libphonenumber-js would find a number
 * inside "call 01012345678 tomorrow" or drop "ext. 9999"; such text is refused instead, since the
 * number read from it may not be the one meant.
 */
export function isBareNumber(text: string): boolean {
  return /^\+?[\d\s().\/\u002d\u2010-\u2015]+$/.test(text) && /\d/.test(text);
}

/**
 * Reads any spelling of a number (`+82 2-1234-5678`, `0212345678`, `821012345678`) into E.164:
 * first as written (with `defaultCountry` for national spellings), then as international digits
 * without the `+`. Throws `InvalidRequestError` naming the input when neither reads, or when it is
 * not a number alone (text around it is refused, not parsed out).
 */
export async function parseAnyNumber(input: string, defaultCountry: string | null): Promise<string> {
  const loaded = await loadLibrary();
  const text = typeof input === 'string' ? input.trim() : '';
  const digits = text.replace(/[^\d]/g, '');
  const result = isBareNumber(text)
    ? format(loaded, text, defaultCountry) || (digits.length >= 8 && !text.startsWith('+') ? format(loaded, `+${digits}`, null) : null)
    : null;
  if (!result) {
    throw new InvalidRequestError(
      `${describeValue(input)} cannot be read as a phone number${defaultCountry ? ` (default country ${defaultCountry})` : ''}. ` +
        'Give the number alone (no words or extension around it), in international form such as +82 2-1234-5678, or set defaultCountry for national numbers.',
    );
  }
  return result;
}

/** Checks a `defaultCountry` option: an ISO 3166-1 alpha-2 code such as "KR" or "US". */
export function normalizeCountry(value: unknown, provider: string | null): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value)) {
    throw new InvalidRequestError(
      `${provider ? `${provider}: ` : ''}defaultCountry must be a two-letter country code such as "KR" or "US" (got ${describeUntrusted(value)}).`,
      { provider },
    );
  }
  return value.toUpperCase();
}
