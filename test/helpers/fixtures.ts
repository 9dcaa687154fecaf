import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A wire payload from fixtures/, parsed fresh each time so a test cannot change another's copy. */
export function fixture<T = Record<string, unknown>>(provider: string, name: string): T {
  return JSON.parse(readFileSync(`${root}${provider}/${name}.json`, 'utf8')) as T;
}
