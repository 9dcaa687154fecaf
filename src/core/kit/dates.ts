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
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * An ISO 8601 timestamp to a Date; `null` when missing or not one (the text stays in `raw`). A
 * time without an offset is read as UTC, never in the local time zone of the machine running the
 * SDK, and nothing but ISO 8601 is read: `Date.parse` would make `"12"` or `"March 7"` a date in 2001.
 */
export function dateFromIso(value: string | null | undefined): Date | null {
  if (typeof value !== 'string') return null;
  const match = isoPattern.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', , sign, offsetHours, offsetMinutes = '0'] = match;
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  if (Number(offsetHours ?? 0) > 23 || Number(offsetMinutes) > 59) return null;
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, milliseconds);
  // A day the month does not have (February 30) rolls over into the next month: refused.
  if (utc.getUTCDate() !== d || utc.getUTCMonth() !== mo - 1) return null;
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  const time = utc.getTime() - offset * 60_000;
  return Number.isNaN(time) ? null : new Date(time);
}
