import { InvalidRequestError } from '../errors.js';

/**
 * Whether an id addresses what it names once put into a path: a non-empty text, with no lone UTF-16
 * surrogate (no URL can carry one), and not `.` or `..` (which would change the path). The client
 * checks every id with it before any request; `unusableId` (call-errors.ts) words a refusal.
 */
export function isUsableId(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && !hasLoneSurrogate(value) && value !== '.' && value !== '..';
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text holds half of a surrogate pair alone: `encodeURIComponent` throws on it, and TextEncoder turns it into U+FFFD. */
export function hasLoneSurrogate(text: string): boolean {
  return loneSurrogate.test(text);
}

/**
 * A template tag for request paths: every interpolated value is percent-encoded as one segment. A
 * value no URL can carry is an `InvalidRequestError` rather than `encodeURIComponent`'s `URIError`.
 */
export function path(strings: TemplateStringsArray, ...segments: string[]): string {
  let result = strings[0]!;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    if (hasLoneSurrogate(segment)) {
      throw new InvalidRequestError('a path segment holds a lone UTF-16 surrogate, which no URL can carry; check the id passed.');
    }
    result += encodeURIComponent(segment) + strings[index + 1]!;
  }
  return result;
}
