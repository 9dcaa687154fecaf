import { describe, expect, it } from 'vitest';
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
