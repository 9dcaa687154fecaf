import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { createClient, type Client, type ClientOptions, type OperationName } from '../../src/index.js';
import { providers } from '../../src/providers/registry.js';
import { sandboxProviders, type Sandbox } from '../../src/testing/index.js';
import { fakeIo } from './fake-io.js';
import type { CliResult } from './run-cli.js';

/**
 * What each platform of a fresh sandbox lists, read through the SDK's own client of that platform:
 * every platform of the registry that offers the operation, so that a platform added to the
 * registry is counted here with no edit; at most `maxItems` of each. `failed` names the platforms
 * that refused the listing.
 */
export async function listedBySandbox(
  sandbox: Sandbox,
  operation: 'phoneNumbers.list' | 'campaigns.list' | 'calls.list' | 'agents.list',
  params: Record<string, unknown> = {},
  maxItems = Number.POSITIVE_INFINITY,
): Promise<{ ids: Record<string, string[]>; failed: string[] }> {
  const ids: Record<string, string[]> = {};
  const failed: string[] = [];
  for (const provider of sandboxProviders) {
    const client = createClient(sandbox.clientOptions(provider) as ClientOptions) as Client<OperationName>;
    if (!client.supports(operation)) continue;
    const resource = operation.split('.')[0] as 'phoneNumbers' | 'campaigns' | 'calls' | 'agents';
    const list = (client[resource] as { list(params: unknown): AsyncIterable<{ id: string }> }).list(params);
    try {
      const items: string[] = [];
      for await (const item of list) {
        if (items.length >= maxItems) break;
        items.push(item.id);
      }
      ids[provider] = items;
    } catch {
      failed.push(provider);
    }
  }
  return { ids, failed };
}

/** How many ids each platform has. */
export function countsOf(ids: Record<string, readonly string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(ids).map(([provider, list]) => [provider, list.length]));
}

/** The counts without some platforms. */
export function without(counts: Record<string, number>, ...providers: string[]): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([provider]) => !providers.includes(provider)));
}

/** The counts of some platforms only. */
export function only(counts: Record<string, number>, ...providers: string[]): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([provider]) => providers.includes(provider)));
}

/**
 * Every platform variable of the registry pointing at `sandbox`, with the keys it accepts (its
 * `<PREFIX>_API_KEY`, `<PREFIX>_BASE_URL` and its own options' variables); `overrides` replace or add.
 */
export function sandboxEnvironment(sandbox: Sandbox, overrides: Record<string, string> = {}): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const provider of sandboxProviders) {
    const { environmentPrefix, options = [] } = providers[provider];
    const { provider: _provider, apiKey, baseUrl, ...own } = sandbox.clientOptions(provider) as Record<string, string>;
    environment[`${environmentPrefix}_API_KEY`] = apiKey!;
    environment[`${environmentPrefix}_BASE_URL`] = baseUrl!;
    for (const option of options) {
      const value = own[option.name];
      if (option.environmentSuffix && value !== undefined) environment[`${environmentPrefix}_${option.environmentSuffix}`] = value;
    }
  }
  return { ...environment, ...overrides };
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
