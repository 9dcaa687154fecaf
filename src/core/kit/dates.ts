/** Unix milliseconds to a Date; `null` for a missing value or one no Date can hold (the number stays in `raw`). */
export function dateFromMilliseconds(value: number | null | undefined): Date | null {
  if (typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * An ISO 8601 timestamp to a Date; `null` when missing or not one (the text stays in `raw`). A
 * time without an offset is read as UTC, never in the local time zone of the machine running the
 * SDK, and nothing but ISO 8601 is read: `Date.parse` would make `"12"` or `"March 7"` a date in 2001.
 *
 * Read are: a date, optionally a time (`T`, `t` or a space between them, seconds and 1 to 9 digits
 * of fraction optional), optionally `Z` or an offset such as `+09:00`, `+0900` or `+09`; anything
 * else is `null`. One pass over the characters, each field at its known place, checks the shape and
 * reads the numbers together (listings read up to two timestamps an item, so a pattern to test and
 * then the fields to read were two passes where one does).
 */
export function dateFromIso(value: string | null | undefined): Date | null {
  if (typeof value !== 'string') return null;
  const text = plainAtBothEnds(value) ? value : value.trim();
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== dash || text.charCodeAt(7) !== dash) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return null;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let milliseconds = 0;
  let offsetMinutes = 0;
  if (length > 10) {
    const separator = text.charCodeAt(10);
    if ((separator !== upperT && separator !== lowerT && separator !== space) || text.charCodeAt(13) !== colon) return null;
    hour = digitsAt(text, 11, 2);
    minute = digitsAt(text, 14, 2);
    if (hour < 0 || minute < 0) return null;
    let position = 16;
    if (text.charCodeAt(position) === colon) {
      second = digitsAt(text, 17, 2);
      if (second < 0) return null;
      position = 19;
      const mark = text.charCodeAt(position);
      if (mark === dot || mark === comma) {
        let end = position + 1;
        while (end < length && isDigit(text.charCodeAt(end))) end++;
        const count = end - position - 1;
        if (count < 1 || count > 9) return null;
        const kept = Math.min(3, count);
        milliseconds = digitsAt(text, position + 1, kept) * 10 ** (3 - kept);
        position = end;
      }
    }
    if (position < length) {
      const sign = text.charCodeAt(position);
      if (sign === upperZ || sign === lowerZ) {
        if (position + 1 !== length) return null;
      } else if (sign === plus || sign === dash) {
        const offsetHours = digitsAt(text, position + 1, 2);
        let minutesAt = position + 3;
        let offsetMinutePart = 0;
        if (minutesAt < length) {
          if (text.charCodeAt(minutesAt) === colon) minutesAt++;
          if (minutesAt + 2 !== length) return null;
          offsetMinutePart = digitsAt(text, minutesAt, 2);
        }
        if (offsetHours < 0 || offsetMinutePart < 0 || offsetHours > 23 || offsetMinutePart > 59) return null;
        offsetMinutes = (sign === dash ? -1 : 1) * (offsetHours * 60 + offsetMinutePart);
      } else {
        return null;
      }
    }
  }
  // A day the month does not have (February 30) is refused, not rolled over into the next month.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  const minutesSinceEpoch = (daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes;
  return new Date((minutesSinceEpoch * 60 + second) * 1000 + milliseconds);
}

/** Whether a text starts and ends with a printable ASCII character, so that `trim` would not change it. */
function plainAtBothEnds(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > space && first < 127 && last > space && last < 127;
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
const dash = 45;
const plus = 43;
const space = 32;
const upperT = 84;
const lowerT = 116;
const upperZ = 90;
const lowerZ = 122;

/** The number written by `count` digits of `text` from `start`; -1 when one of them is not a digit or is missing. */
function digitsAt(text: string, start: number, count: number): number {
  let result = 0;
  for (let index = start; index < start + count; index++) {
    // charCodeAt past the end is NaN, which is no digit either.
    const code = text.charCodeAt(index);
    if (!(code >= zero && code <= zero + 9)) return -1;
    result = result * 10 + code - zero;
  }
  return result;
}

function isDigit(code: number): boolean {
  return code >= zero && code <= zero + 9;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
