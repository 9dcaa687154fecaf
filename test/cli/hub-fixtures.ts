import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { sandboxSeed, type Sandbox } from '../../src/testing/index.js';
import { fakeIo } from './fake-io.js';
import type { CliResult } from './run-cli.js';

const seed = await sandboxSeed();

/** What each platform of a fresh sandbox lists without a filter: every number, in every status. */
export const listedBySeed = {
  vox: seed.vox.phoneNumbers.map((number) => number.id),
  vogent: seed.vogent.phoneNumbers.map((number) => number.id),
  generic: seed.generic.phoneNumbers.map((number) => number.phone_number_id),
  'numbers-assignment': seed['numbers-assignment'].numbers.map((number) => number.id),
  vapi: seed.vapi.phoneNumbers.map((number) => number.id),
  // The inbound numbers, then the outbound numbers that are not inbound ones too.
  bland: [
    ...seed.bland.numbers.map((number) => number.phone_number),
    ...seed.bland.outboundNumbers.map((number) => number.phone_number).filter((id) => !seed.bland.numbers.some((number) => number.phone_number === id)),
  ],
  retell: seed.retell.phoneNumbers.map((number) => number.phone_number),
};

export const countsBySeed = Object.fromEntries(Object.entries(listedBySeed).map(([provider, ids]) => [provider, ids.length]));

/** Every platform variable pointing at `sandbox`, with the keys it accepts; `overrides` replace or add. */
export function sandboxEnvironment(sandbox: Sandbox, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    VOX_API_KEY: sandbox.apiKeys.vox,
    VOX_BASE_URL: sandbox.baseUrl('vox'),
    VOGENT_API_KEY: sandbox.apiKeys.vogent,
    VOGENT_BASE_URL: sandbox.baseUrl('vogent'),
    GENERIC_API_KEY: sandbox.apiKeys.generic,
    GENERIC_BASE_URL: sandbox.baseUrl('generic'),
    GENERIC_ORGANIZATION_ID: sandbox.organizationId,
    NUMBERS_ASSIGNMENT_API_KEY: sandbox.apiKeys['numbers-assignment'],
    NUMBERS_ASSIGNMENT_BASE_URL: sandbox.baseUrl('numbers-assignment'),
    ...overrides,
  };
}

/**
 * A directory of its own for each test: no voiceplane.config.json of the repository is read. Its
 * files are private to their owner (mode 600), as a file holding keys should be.
 */
export async function withDirectory<T>(files: Record<string, string>, body: (directory: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'voiceplane-cli-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(directory, name), text, { mode: 0o600 });
    return await body(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** `run()` in-process with an injected environment and working directory, stdout a pipe unless told. */
export async function runWith(
  args: string[],
  options: { env?: Record<string, string>; cwd: string; stdoutIsTTY?: boolean },
): Promise<CliResult> {
  const { io, output } = fakeIo(options);
  const code = await run(args, io);
  return { code, ...output };
}

/** How many items of each platform an output holds, from the provider of each. */
export function countByProvider(providers: readonly unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const provider of providers) counts[String(provider)] = (counts[String(provider)] ?? 0) + 1;
  return counts;
}
