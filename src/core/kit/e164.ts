import { describeValue } from '../describe-value.js';
import { InvalidRequestError } from '../errors.js';
import { describeUntrusted } from '../transport/header-text.js';

/** Turns a number as a platform spells it into E.164, or `null` where none can be derived. */
export type E164Formatter = (number: string) => string | null;

type Parse = typeof import('libphonenumber-js/min').parsePhoneNumberFromString;

let parser: Promise<Parse> | undefined;

/**
 * libphonenumber-js with its smallest full metadata ("min", every country) is loaded at the first
 * number mapped, not at import: a bundler puts it in its own chunk, so the SDK's entry stays small.
 */
function loadParser(): Promise<Parse> {
  parser ??= import('libphonenumber-js/min').then((module) => module.parsePhoneNumberFromString);
  return parser;
}

function format(parse: Parse, number: string, defaultCountry: string | null): string | null {
  try {
    const parsed = defaultCountry ? parse(number, defaultCountry as never) : parse(number);
    // "Possible" (right length for the country) rather than "valid": reserved ranges such as
    // 555 numbers in the US are real entries on these platforms and still have an E.164 form.
    return parsed?.isPossible() ? parsed.number : null;
  } catch {
    return null;
  }
}

/** A formatter for one client: numbers without a country code are read as `defaultCountry`'s. */
export async function loadE164Formatter(defaultCountry: string | null): Promise<E164Formatter> {
  const parse = await loadParser();
  return (number) => format(parse, number, defaultCountry);
}

/**
 * Reads any spelling of a number (`+82 2-1234-5678`, `0212345678`, `821012345678`) into E.164:
 * first as written (with `defaultCountry` for national spellings), then as international digits
 * without the `+`. Throws `InvalidRequestError` naming the input when neither reads.
 */
export async function parseAnyNumber(input: string, defaultCountry: string | null): Promise<string> {
  const parse = await loadParser();
  const text = typeof input === 'string' ? input.trim() : '';
  const digits = text.replace(/[^\d]/g, '');
  const result =
    (text !== '' && format(parse, text, defaultCountry)) || (digits.length >= 8 && !text.startsWith('+') ? format(parse, `+${digits}`, null) : null);
  if (!result) {
    throw new InvalidRequestError(
      `${describeValue(input)} cannot be read as a phone number${defaultCountry ? ` (default country ${defaultCountry})` : ''}. ` +
        'Give it in international form such as +82 2-1234-5678, or set defaultCountry for national numbers.',
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
