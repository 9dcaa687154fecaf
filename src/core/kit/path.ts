import { InvalidRequestError } from '../errors.js';

/** A rule of `idProblem` that an id breaks. */
export type IdProblem = 'not a non-empty string' | 'lone surrogate' | 'path step';

/**
 * Which rule an id breaks, `null` when it addresses what it names once put into a path: a non-empty
 * text, with no lone UTF-16 surrogate (no URL can carry one), and not `.` or `..` (which would change
 * the path). The client checks every id with it before any request; `unusableId` (call-errors.ts)
 * words the refusal from the rule named here, so the rules live in this one place.
 */
export function idProblem(value: unknown): IdProblem | null {
  if (typeof value !== 'string' || value.trim() === '') return 'not a non-empty string';
  if (hasLoneSurrogate(value)) return 'lone surrogate';
  return value === '.' || value === '..' ? 'path step' : null;
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
