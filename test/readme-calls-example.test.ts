import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/index.js';
import { startSandbox, type Sandbox } from '../src/testing/index.js';

// The README's "Calls and agents" example, run as written (its import line aside) against the Vapi
// double, the client finding its key and address in the environment as the example says.

type Example = (createClient: unknown) => Promise<{ unreached: string[]; lines: string[] }>;

async function readmeExample(): Promise<Example> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Calls and agents'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
  const body = code.replace(/^import .*$/m, '') + '\nreturn { unreached, lines };';
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Example;
  return new AsyncFunction('createClient', body);
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => vi.unstubAllEnvs());

describe('README: Calls and agents', () => {
  it('lists the calls that did not connect with their end reason, and reads a completed call with its transcript', async () => {
    const options = sandbox.clientOptions('vapi');
    vi.stubEnv('VAPI_API_KEY', options.apiKey);
    vi.stubEnv('VAPI_BASE_URL', options.baseUrl);
    const { unreached, lines } = await (await readmeExample())(createClient);
    expect(unreached.length).toBeGreaterThan(0);
    for (const line of unreached) expect(line).toMatch(/^(\+\d+|null): (no_answer|busy|declined|dial_failed)$/);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => /^(agent|customer|tool|other): /.test(line))).toBe(true);
  });
});
