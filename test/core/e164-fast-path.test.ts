import { readFileSync } from 'node:fs';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script without declarations
import { buildE164Table, renderE164TableModule, tablePath } from '../../scripts/e164-table.mjs';
import { isE164AsIs } from '../../src/core/kit/e164-as-is.js';
import { nationalReader } from '../../src/core/kit/phone-library.js';

// The fast paths bypass libphonenumber-js; these tests hold them to its answers. They run against the
// installed library, so updating it reruns them: a changed answer fails here until the table is
// regenerated (node scripts/e164-table.mjs --write) or the national reader follows.

/** The library's answer, through its own public entry (not the SDK's wrapper). */
function library(number: string, country?: string): string | null {
  try {
    const parsed = country ? parsePhoneNumberFromString(number, country as CountryCode) : parsePhoneNumberFromString(number);
    return parsed?.isPossible() ? parsed.number : null;
  } catch {
    return null;
  }
}

/** A deterministic generator, so that a failure names the same numbers on every run. */
function randomDigits(seed: number): (length: number) => string {
  let state = seed >>> 0 || 1;
  return (length) => {
    let text = '';
    for (let index = 0; index < length; index++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      text += String((state >>> 0) % 10);
    }
    return text;
  };
}

describe('the E.164 table', () => {
  it('is what the installed libphonenumber-js metadata generates', () => {
    expect(readFileSync(tablePath, 'utf8')).toBe(renderE164TableModule(buildE164Table()));
  });

  it('claims a number as it is only where the library answers that very number', () => {
    const digits = randomDigits(13);
    const codes = (buildE164Table() as string).split(';').map((row) => row.split('/')[0]!);
    let claimed = 0;
    let checked = 0;
    const differences: string[] = [];
    for (const code of codes) {
      for (const lead of '0123456789') {
        for (let length = 1; length <= 18; length++) {
          for (let sample = 0; sample < 3; sample++) {
            const number = `+${code}${lead}${digits(length - 1)}`;
            checked++;
            if (!isE164AsIs(number)) continue;
            claimed++;
            if (library(number) !== number) differences.push(`${number} -> ${library(number)}`);
          }
        }
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
    // The table must cover real numbers, not only be safe.
    expect(claimed).toBeGreaterThan(checked / 20);
    for (const number of ['+14155550123', '+442079460958', '+821012345678', '+4930123456']) expect(isE164AsIs(number)).toBe(true);
  });

  it('leaves to the library what it cannot prove: spaces, a national prefix after the code, unknown lengths', () => {
    for (const number of ['+1 415 555 0123', '+4402079460958', '+1415', '+0123456789', '14155550123', '']) {
      expect(isE164AsIs(number)).toBe(false);
    }
  });
});

describe('the national reader', () => {
  it('answers as the library does in every region, or leaves the number to it', () => {
    const digits = randomDigits(82);
    const differences: string[] = [];
    let answered = 0;
    let regionsWithReader = 0;
    for (const country of getCountries()) {
      const reader = nationalReader(country);
      if (!reader) continue;
      regionsWithReader++;
      const code = getCountryCallingCode(country);
      const starts = ['', '0', '00', '01', '1', '8', '9', code, '0' + code, '011', '810', '06'];
      for (const start of starts) {
        for (let length = 2; length <= 18; length++) {
          for (let sample = 0; sample < 2; sample++) {
            const number = (start + digits(length)).slice(0, Math.max(length, start.length + 1));
            const read = reader(number);
            if (read === undefined) continue;
            answered++;
            const expected = library(number, country);
            if (read !== expected) differences.push(`${country} ${number}: ${read}, library ${expected}`);
          }
        }
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
    expect(regionsWithReader).toBeGreaterThan(150);
    expect(answered).toBeGreaterThan(50_000);
  });

  it('reads the vox spellings without the library', () => {
    const reader = nationalReader('KR')!;
    expect(reader('0212345678')).toBe('+82212345678');
    expect(reader('01012345678')).toBe('+821012345678');
    expect(reader('1234')).toBe(library('1234', 'KR'));
  });
});
