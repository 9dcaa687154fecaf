import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/testing/index.js';
export { failureOf } from '../helpers/outcomes.js';

/**
 * One sandbox per test file, back to the seed data after each test. Read it inside tests:
 * `const sandbox = useSandbox(); ... sandbox().clientOptions('vox')`.
 */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(options);
  });
  afterEach(() => sandbox?.reset());
  afterAll(() => sandbox?.close());
  return () => {
    if (sandbox === undefined) throw new Error('the sandbox is not started yet: call it inside a test');
    return sandbox;
  };
}

/** Every item of an async iterable, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

