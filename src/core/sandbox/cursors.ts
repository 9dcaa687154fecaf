/**
 * Opaque page cursors: base64url JSON, so that a client that builds or edits one by hand gets the
 * platform's 400 instead of a silently wrong page. Each platform puts its own payload inside.
 */

// btoa/atob rather than Buffer, so the msw handlers also run in a browser. Payloads are ASCII.
export function encodeCursor(payload: Record<string, unknown>): string {
  return btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The payload of a cursor made by `encodeCursor`, or `null` when the text is not one. */
export function decodeCursor(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/'))) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A whole number from a query parameter, or `null` when the text is not one. */
export function wholeNumber(text: string | null): number | null {
  if (text === null || !/^-?\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}
