import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateFromIso, dateFromMilliseconds } from '../../src/core/kit/dates.js';

describe('dates', () => {
  it.each([
    [1735689600000, new Date('2025-01-01T00:00:00Z')],
    [0, new Date(0)],
    [null, null],
    [undefined, null],
    [1e300, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('reads unix milliseconds %s as %s', (value, expected) => {
    expect(dateFromMilliseconds(value)).toEqual(expected);
  });

  it.each([
    ['2024-01-15T10:30:00Z', new Date(Date.UTC(2024, 0, 15, 10, 30))],
    ['not a date', null],
    [null, null],
  ])('reads the ISO text %s as %s', (value, expected) => {
    expect(dateFromIso(value)).toEqual(expected);
  });
});

describe('ISO 8601 timestamps only, UTC unless an offset says otherwise', () => {
  it.each([
    ['2024-01-15T10:30:00', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15 10:30:00', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15T10:30', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15', Date.UTC(2024, 0, 15)],
    ['2024-01-15T10:30:00.123456Z', Date.UTC(2024, 0, 15, 10, 30, 0, 123)],
    ['2024-01-15T10:30:00+09:00', Date.UTC(2024, 0, 15, 1, 30)],
    ['2024-01-15T10:30:00-0530', Date.UTC(2024, 0, 15, 16, 0)],
    ['2024-01-15T10:30:00+09', Date.UTC(2024, 0, 15, 1, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    ['2024-04-30T23:59:59.9Z', Date.UTC(2024, 3, 30, 23, 59, 59, 900)],
    ['0050-06-01T00:00:00Z', Date.parse('0050-06-01T00:00:00Z')],
    ['0000-01-01', Date.parse('0000-01-01T00:00:00Z')],
    ['0000-02-29T12:00:00Z', Date.parse('0000-02-29T12:00:00Z')],
    ['0099-12-31T23:59:59.999Z', Date.parse('0099-12-31T23:59:59.999Z')],
    [' 2024-01-15T10:30:00Z ', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15T10:30:00,5Z', Date.UTC(2024, 0, 15, 10, 30, 0, 500)],
    ['2024-01-15t10:30:00z', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15T10:30+09:00', Date.UTC(2024, 0, 15, 1, 30)],
  ])('reads %s', (value, expected) => {
    expect(dateFromIso(value)?.getTime()).toBe(expected);
  });

  it.each(['1', '12', 'March 7', 'Thu, 07 Mar 2024 10:00:00 GMT', '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-01-15T24:00:00Z', '2024-01-15T10:30:00+25:00', '2024-01-15T10:30:00+09:60', '2024-01-15T10:60:00Z', '2024-01-15T10:30:60Z', ''])(
    'refuses %j',
    (value) => {
      expect(dateFromIso(value)).toBeNull();
    },
  );

  it('does not depend on the time zone of the machine', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Seoul';
    try {
      expect(dateFromIso('2024-01-15T10:30:00')?.toISOString()).toBe('2024-01-15T10:30:00.000Z');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('every instant of the canonical form', () => {
  it('reads back what toISOString wrote, over 20,000 instants from year 1 to 9999', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const first = Date.parse('0001-01-01T00:00:00Z');
    const last = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    for (let index = 0; index < 20_000; index++) {
      const text = new Date(first + Math.floor(next() * (last - first))).toISOString();
      expect(dateFromIso(text)?.toISOString()).toBe(text);
    }
  });
});

describe('the shape read, against the ISO 8601 pattern it stands for', () => {
  // The shape dateFromIso reads, as a pattern: the reference its one pass over the characters must agree with.
  const isoShape = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
  const daysIn = (year: number, month: number) => new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0);
  /** What the pattern and the calendar say a text is: an instant in milliseconds, or null. */
  const reference = (text: string): number | null => {
    const match = isoShape.exec(text.trim());
    if (!match) return null;
    const [year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes] = match.slice(1).map((part) => (part === undefined ? undefined : part));
    const numbers = [year, month, day, hour ?? '0', minute ?? '0', second ?? '0'].map(Number) as [number, number, number, number, number, number];
    const [y, mo, d, h, mi, s] = numbers;
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return null;
    const oh = Number(offsetHours ?? 0);
    const om = Number(offsetMinutes ?? 0);
    if (oh > 23 || om > 59) return null;
    const date = new Date(0);
    date.setUTCFullYear(y, mo - 1, d);
    date.setUTCHours(h, mi, s, Number((fraction ?? '0').slice(0, 3).padEnd(3, '0')));
    return date.getTime() - (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  };
  const pieces = ['2024-02-29', '1999-12-31', '2023-02-29', '0000-01-01', 'T', 't', ' ', '10:30', ':00', '23:59', '24:00', ':60', '.', ',', '123', '1234567890', 'Z', 'z', '+09:00', '-0530', '+09', '+24', ':', '-', '+', '0', '9', 'x', '\u00a0'];
  const tails = ['', 'Z', 'z', '.1Z', '.123456789Z', '.1234567890Z', ',5', '.Z', '+09:00', '+0900', '+09', '+09:', '+9', '+0960', '-00:60', ' Z', 'Z ', ':00Z'];
  const candidate = fc.oneof(
    fc.tuple(fc.date({ min: new Date(Date.UTC(0, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), fc.constantFrom(10, 16, 19), fc.constantFrom(...tails)).map(
      ([date, cut, tail]) => date.toISOString().slice(0, cut) + tail,
    ),
    fc.array(fc.constantFrom(...pieces), { maxLength: 7 }).map((parts) => parts.join('')),
    fc.date({ min: new Date(Date.UTC(0, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).chain((date) =>
      fc.tuple(fc.nat(24), fc.constantFrom(...pieces), fc.boolean()).map(([at, piece, replace]) => {
        const text = date.toISOString();
        return text.slice(0, at) + piece + text.slice(replace ? at + 1 : at);
      }),
    ),
  );

  it('reads a text exactly when the pattern and the calendar take it, as the same instant', () => {
    fc.assert(
      fc.property(candidate, (text) => {
        expect(dateFromIso(text)?.getTime() ?? null).toBe(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
