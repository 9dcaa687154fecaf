import { InvalidRequestError } from '../errors.js';

/** Refuses an id that would address something else once put into a path, before any request. */
export function assertId(value: unknown, what: string, provider: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidRequestError(`${provider}: ${what} must be a non-empty string (got ${describe(value)}).`, {
      provider,
    });
  }
  if (hasLoneSurrogate(value)) {
    throw new InvalidRequestError(
      `${provider}: ${what} holds a lone UTF-16 surrogate (half of a character pair), which no URL can carry; check where the id came from.`,
      { provider },
    );
  }
  if (value === '.' || value === '..') {
    throw new InvalidRequestError(`${provider}: ${what} "${value}" is not a valid id: it would change the request path.`, {
      provider,
    });
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'only white space';
  return value === null ? 'null' : typeof value;
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
