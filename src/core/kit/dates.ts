/** Unix milliseconds to a Date; `null` for a missing value or one no Date can hold (the number stays in `raw`). */
export function dateFromMilliseconds(value: number | null | undefined): Date | null {
  if (typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * ISO 8601: a date, optionally a time (`T` or a space between them, seconds and fractions
 * optional), optionally `Z` or an offset such as `+09:00`, `+0900` or `+09`.
 */
const isoPattern =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * An ISO 8601 timestamp to a Date; `null` when missing or not one (the text stays in `raw`). A
 * time without an offset is read as UTC, never in the local time zone of the machine running the
 * SDK, and nothing but ISO 8601 is read: `Date.parse` would make `"12"` or `"March 7"` a date in 2001.
 */
export function dateFromIso(value: string | null | undefined): Date | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!isoPattern.test(text)) return null;
  // The pattern has checked the shape, so each field sits at a known place and is read digit by
  // digit, without capture strings to convert: listings read up to two timestamps an item.
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  let hour = 0;
  let minute = 0;
  let second = 0;
  let milliseconds = 0;
  let position = 10;
  if (text.length > position) {
    hour = digitsAt(text, 11, 2);
    minute = digitsAt(text, 14, 2);
    position = 16;
    if (text.charCodeAt(position) === colon) {
      second = digitsAt(text, 17, 2);
      position = 19;
      if (text.charCodeAt(position) === dot || text.charCodeAt(position) === comma) {
        let end = position + 1;
        while (end < text.length && isDigit(text.charCodeAt(end))) end++;
        const kept = Math.min(3, end - position - 1);
        milliseconds = digitsAt(text, position + 1, kept) * 10 ** (3 - kept);
        position = end;
      }
    }
  }
  // A day the month does not have (February 30) is refused, not rolled over into the next month.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  const sign = text[position];
  if (sign === '+' || sign === '-') {
    const offsetHourPart = digitsAt(text, position + 1, 2);
    let minutesAt = position + 3;
    if (text[minutesAt] === ':') minutesAt++;
    const offsetMinutePart = minutesAt < text.length ? digitsAt(text, minutesAt, 2) : 0;
    if (offsetHourPart > 23 || offsetMinutePart > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHourPart * 60 + offsetMinutePart);
  }
  const minutesSinceEpoch = (daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes;
  return new Date((minutesSinceEpoch * 60 + second) * 1000 + milliseconds);
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, in integer arithmetic (the
 * "days from civil" algorithm of Howard Hinnant's date library): cheaper than `Date.UTC`, which
 * also reads the years 0 to 99 as 1900 to 1999.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const zero = 48;
const colon = 58;
const dot = 46;
const comma = 44;

/** The number written by `count` digits of `text` from `start` (the pattern has checked they are digits). */
function digitsAt(text: string, start: number, count: number): number {
  let result = 0;
  for (let index = start; index < start + count; index++) result = result * 10 + text.charCodeAt(index) - zero;
  return result;
}

function isDigit(code: number): boolean {
  return code >= zero && code <= zero + 9;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
