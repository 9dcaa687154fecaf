import { parseAnyNumber } from '../core/kit/e164.js';
import { InvalidRequestError } from '../index.js';
import type { HubInvocation } from './hub-invocation.js';
import { providers } from '../providers/registry.js';
import { UsageError } from './usage-error.js';

/**
 * Reads the number of `numbers find` into E.164 before any platform is asked, so that a spelling
 * that cannot be a number is a usage error (exit 2), said in the command line's own words.
 */
export async function readNumber(invocation: HubInvocation): Promise<string> {
  const { spec, number, defaultCountry } = invocation;
  if (defaultCountry !== undefined) {
    const { isSupportedCountry } = await import('libphonenumber-js/min');
    if (!isSupportedCountry(defaultCountry)) {
      throw new UsageError(`--default-country: "${defaultCountry}" is no country code in use; give one such as KR or US.`, { spec });
    }
  }
  // Without --default-country the hub reads a national spelling with each platform's own country
  // (KR for vox, ...): the spelling is a usage error only when none of those countries reads it.
  const countries = defaultCountry !== undefined ? [defaultCountry] : [null, ...platformCountries()];
  for (const [index, country] of countries.entries()) {
    try {
      return await parseAnyNumber(number!, country);
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      if (index < countries.length - 1) continue;
      const national = defaultCountry === undefined ? ', or a national one with --default-country <cc>' : '';
      throw new UsageError(
        `"${number}" cannot be read as a phone number${defaultCountry ? ` of ${defaultCountry}` : ''}: ` +
          `give it in international form such as +82 2-1234-5678${national}.`,
        { spec },
      );
    }
  }
  throw new UsageError(`"${number}" cannot be read as a phone number.`, { spec });
}

/** The countries the platforms read national spellings as, each once. */
function platformCountries(): string[] {
  const countries = Object.values(providers).map((definition) => definition.defaultCountry ?? null);
  return [...new Set(countries.filter((country): country is string => country !== null))];
}
