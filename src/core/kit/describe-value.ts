// Messages quote what the caller passed so they can see their mistake. The value can be anything a
// JavaScript caller can build (a BigInt, a symbol, a cyclic object, a Proxy whose traps throw), and
// building the message must never throw in its place: the caller would get a TypeError instead of
// the InvalidRequestError that says what to fix.

/** Longest quoted form kept in a message; a longer one is cut with an ellipsis. */
const maxLength = 80;

function shorten(text: string): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function describeObject(value: object): string {
  const seen = new WeakSet<object>();
  const json = JSON.stringify(value, (_name, inner: unknown) => {
    if (typeof inner === 'bigint') return `${inner.toString()}n`;
    if (typeof inner === 'symbol' || typeof inner === 'function') return undefined;
    if (typeof inner === 'object' && inner !== null) {
      if (seen.has(inner)) return '[Circular]';
      seen.add(inner);
    }
    return inner;
  }) as string | undefined;
  return json === undefined ? (Array.isArray(value) ? 'an array' : 'an object') : shorten(json);
}

/**
 * A short, readable form of any value for an error message: strings JSON-quoted (control
 * characters escaped), numbers and BigInts as written (`12n`), objects as compact JSON cut at 80
 * characters. Never throws.
 */
export function describeValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string':
        return shorten(JSON.stringify(value));
      case 'number':
      case 'boolean':
      case 'undefined':
        return String(value);
      case 'bigint':
        return `${value.toString()}n`;
      case 'symbol':
        return shorten(value.toString());
      case 'function':
        return 'a function';
      default:
        if (value === null) return 'null';
        if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : `Date ${value.toISOString()}`;
        return describeObject(value as object);
    }
  } catch {
    // A getter, toJSON or Proxy trap threw: say what kind of value it was, nothing more.
    try {
      return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
    } catch {
      return 'an object';
    }
  }
}
