/** Unix milliseconds to a Date; `null` for a missing or non-finite value. */
export function dateFromMilliseconds(value: number | null | undefined): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value) : null;
}

/** An ISO 8601 text to a Date; `null` when missing or not a date (the text stays in `raw`). */
export function dateFromIso(value: string | null | undefined): Date | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}
