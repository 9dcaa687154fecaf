import { InvalidRequestError } from '../errors.js';

/** Refuses an id that would address something else once put into a path, before any request. */
export function assertId(value: unknown, what: string, provider: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidRequestError(`${provider}: ${what} must be a non-empty string (got ${describe(value)}).`, {
      provider,
    });
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

/** A template tag for request paths: every interpolated value is percent-encoded as one segment. */
export function path(strings: TemplateStringsArray, ...segments: string[]): string {
  let result = strings[0]!;
  for (let index = 0; index < segments.length; index++) {
    result += encodeURIComponent(segments[index]!) + strings[index + 1]!;
  }
  return result;
}
