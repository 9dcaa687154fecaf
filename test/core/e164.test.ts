import { describe, expect, it } from 'vitest';
import { loadE164Formatter, normalizeCountry, parseAnyNumber } from '../../src/core/kit/e164.js';
import { InvalidRequestError } from '../../src/index.js';

// The spellings the platforms' fixtures use, per country, and the E.164 form each must give.
const tables: Record<string, [string, string | null][]> = {
  KR: [
    ['0212345678', '+82212345678'], // Seoul landline, vox domestic form
    ['0312345678', '+82312345678'], // Gyeonggi landline
    ['01012345678', '+821012345678'], // mobile
    ['02-1234-5678', '+82212345678'],
    ['+82 2-1234-5678', '+82212345678'],
    ['1234', null], // too short to be a number
  ],
  US: [
    ['+18001234567', '+18001234567'],
    ['+15551234567', '+15551234567'], // a 555 number: possible, though reserved
    ['(415) 555-0123', '+14155550123'],
    ['frontdesk-sip', null], // a SIP user name
  ],
  GB: [
    ['020 7946 0958', '+442079460958'],
    ['+44 7700 900123', '+447700900123'],
  ],
  DE: [['030 123456', '+4930123456']],
  JP: [['03-1234-5678', '+81312345678']],
};

describe('E.164 formatting per country', () => {
  for (const [country, rows] of Object.entries(tables)) {
    it.each(rows)(`${country}: %s -> %s`, async (input, expected) => {
      const toE164 = await loadE164Formatter(country);
      expect(toE164(input)).toBe(expected);
    });
  }

  it('reads only international spellings without a default country', async () => {
    const toE164 = await loadE164Formatter(null);
    expect(toE164('+82212345678')).toBe('+82212345678');
    expect(toE164('0212345678')).toBeNull();
  });
});

describe('parseAnyNumber', () => {
  it.each([
    ['+82 2-1234-5678', 'KR', '+82212345678'],
    ['0212345678', 'KR', '+82212345678'],
    ['821012345678', null, '+821012345678'],
    ['821012345678', 'KR', '+821012345678'],
    ['+1 (800) 123-4567', null, '+18001234567'],
  ])('reads %s (default country %s) as %s', async (input, country, expected) => {
    expect(await parseAnyNumber(input, country)).toBe(expected);
  });

  it.each(['hello', '', '12'])('refuses %j, naming it', async (input) => {
    const error = await parseAnyNumber(input, 'KR').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain(`"${input}" cannot be read as a phone number`);
  });

  it('refuses a value that is not text with the same error, quoting it without throwing', async () => {
    for (const [input, shown] of [
      [Object.create(null), '{}'],
      [821012345678n, '821012345678n'],
    ] as const) {
      const error = await parseAnyNumber(input as never, null).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toMatch(new RegExp(`^${shown} cannot be read as a phone number\\. `));
    }
  });

  it('checks country codes', () => {
    expect(normalizeCountry('kr', null)).toBe('KR');
    expect(() => normalizeCountry('Korea', 'vox')).toThrow('vox: defaultCountry must be a two-letter country code');
    expect(() => normalizeCountry(82n, 'vox')).toThrow('vox: defaultCountry must be a two-letter country code such as "KR" or "US" (got 82n).');
  });
});
