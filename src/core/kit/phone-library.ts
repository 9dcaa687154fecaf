// The part of libphonenumber-js the SDK uses, with its smallest full metadata ("min", every country).
// Reached only through a dynamic import() (e164.ts), so that a bundler makes it a chunk of its own and
// the SDK's entries load it only when a number must be read by the library.
import { Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

/** libphonenumber-js's reading of `number`: its E.164 form where possible, else `null`. */
export function parseToE164(number: string, defaultCountry: string | null): string | null {
  try {
    const parsed = defaultCountry
      ? parsePhoneNumberFromString(number, defaultCountry as CountryCode, metadata)
      : parsePhoneNumberFromString(number, metadata);
    // "Possible" (right length for the country) rather than "valid": reserved ranges such as
    // 555 numbers in the US are real entries on these platforms and still have an E.164 form.
    return parsed?.isPossible() ? parsed.number : null;
  } catch {
    return null;
  }
}

/** A reader of national digits: the library's answer, or `undefined` where it leaves the number to the library. */
export type NationalReader = (digits: string) => string | null | undefined;

/** The accessors of libphonenumber-js's numbering plan used here (its typings declare fewer). */
interface Plan {
  callingCode(): string;
  possibleLengths(): number[] | undefined;
  IDDPrefix(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalNumberPattern(): string;
}

interface Plans {
  hasCountry(country: string): boolean;
  selectNumberingPlan(country: string): void;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  numberingPlan: Plan;
}

const plansOf = () => new Metadata(metadata) as unknown as Plans;

const minNationalLength = 2;
const maxNationalLength = 17;

/**
 * The library's own steps for a string of digits read as `country`'s, with the country's patterns
 * compiled once instead of at every call (most of the library's 13 µs a number). Built from the
 * loaded metadata, so it follows it; numbers the steps below do not cover (an international call
 * prefix, a leading calling code, a carrier code, a prefix rewritten by a rule) go to the library.
 * test/core/e164-fast-path.test.ts compares it with the library in every region.
 * `null` where the country's plan is outside what these steps reproduce.
 */
export function nationalReader(country: string): NationalReader | null {
  const plans = plansOf();
  if (!plans.hasCountry(country)) return null;
  plans.selectNumberingPlan(country);
  const plan = plans.numberingPlan;
  const callingCode = plan.callingCode();
  const lengths = plan.possibleLengths();
  if (!lengths || lengths.length === 0) return null;
  // A shared calling code picks the region by the number; where every region has the same lengths,
  // the pick changes nothing this reader computes.
  const regions = plans.getCountryCodesForCallingCode(callingCode) ?? [];
  for (const region of regions) {
    const other = plansOf();
    other.selectNumberingPlan(region);
    if (JSON.stringify(other.numberingPlan.possibleLengths()) !== JSON.stringify(lengths)) return null;
  }
  const internationalPrefix = new RegExp(`^(?:${plan.IDDPrefix()})`);
  const prefixForParsing = plan.nationalPrefixForParsing();
  const prefix = prefixForParsing ? new RegExp(`^(?:${prefixForParsing})`) : null;
  const nationalPattern = new RegExp(`^(?:${plan.nationalNumberPattern()})$`);
  const shortest = lengths[0]!;
  const longest = lengths[lengths.length - 1]!;
  const digitsOnly = /^\d{3,250}$/;

  return (digits) => {
    if (!digitsOnly.test(digits) || internationalPrefix.test(digits) || digits.startsWith(callingCode)) return undefined;
    let national = digits;
    const match = prefix?.exec(digits);
    if (match) {
      const groups = match.length - 1;
      if (groups > 0 && match[groups]) return undefined;
      const stripped = digits.slice(match[0].length);
      // The library keeps the prefix where removing it breaks the national pattern, or leaves a number
      // too short or of a length between the possible ones.
      const keeps =
        (nationalPattern.test(digits) && !nationalPattern.test(stripped)) ||
        stripped.length < shortest ||
        (stripped.length <= longest && !lengths.includes(stripped.length));
      if (!keeps) national = stripped;
    }
    if (national.length < minNationalLength || national.length > maxNationalLength) return null;
    return lengths.includes(national.length) ? `+${callingCode}${national}` : null;
  };
}
