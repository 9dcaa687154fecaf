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
