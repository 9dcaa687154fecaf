/** Unix milliseconds to a Date; `null` for a missing value or one no Date can hold (the number stays in `raw`). */
export function dateFromMilliseconds(value: number | null | undefined): Date | null {
  if (typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An ISO 8601 text to a Date; `null` when missing or not a date (the text stays in `raw`). */
export function dateFromIso(value: string | null | undefined): Date | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}
