import { createHub, type Hub, type HubPlatforms } from '../index.js';
import { permissionWarning, readConfigFile } from './config-file.js';
import type { HubInvocation } from './hub-invocation.js';
import { configuredPlatforms } from './hub-platforms.js';
import type { CliIo } from './io.js';

/** How many platforms are listed at once: four, as the hub does by default. */
export const hubConcurrency = 4;

/** A hub over the platforms the invocation chose, and how to let go of what was started for it. */
export interface HubConnection {
  hub: Hub;
  close(): Promise<void>;
}

/**
 * Builds the hub: over every platform of an embedded sandbox with --sandbox (started here, closed
 * by `close`), else over the platforms configured by the environment and the config file. Every
 * key it holds is added to `secrets`, so that no message can echo one.
 */
export async function connectHub(invocation: HubInvocation, io: CliIo, secrets: string[]): Promise<HubConnection> {
  if (!invocation.sandbox) {
    const file = await readConfigFile(invocation.configPath, io.cwd ?? process.cwd(), invocation.spec);
    const warning = file === null ? null : await permissionWarning(file);
    if (warning !== null) io.stderr.write(`voiceplane: ${warning}\n`);
    const { platforms, warnings } = configuredPlatforms(io.env, file, invocation.spec, invocation.requests);
    for (const line of warnings) io.stderr.write(`voiceplane: ${line}\n`);
    for (const settings of Object.values(platforms)) if (settings?.apiKey) secrets.push(settings.apiKey);
    return { hub: createHub(platforms, { concurrency: hubConcurrency }), close: async () => {} };
  }
  // Loaded only when asked for: the sandbox is of no use to a command against real platforms.
  const { startSandbox, sandboxProviders } = await import('../testing/index.js');
  const sandbox = await startSandbox();
  try {
    const platforms: Record<string, object> = {};
    for (const provider of sandboxProviders) {
      const { provider: _provider, ...settings } = sandbox.clientOptions(provider);
      platforms[provider] = { ...settings, ...invocation.requests };
    }
    return { hub: createHub(platforms as HubPlatforms, { concurrency: hubConcurrency }), close: () => sandbox.close() };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
