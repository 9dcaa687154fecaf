import { parseAnyNumber } from '../core/kit/e164.js';
import { InvalidRequestError } from '../index.js';
import type { HubInvocation } from './hub-invocation.js';
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
  try {
    return await parseAnyNumber(number!, defaultCountry ?? null);
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    const national = defaultCountry === undefined ? ', or a national one with --default-country <cc>' : '';
    throw new UsageError(
      `"${number}" cannot be read as a phone number${defaultCountry ? ` of ${defaultCountry}` : ''}: ` +
        `give it in international form such as +82 2-1234-5678${national}.`,
      { spec },
    );
  }
}
