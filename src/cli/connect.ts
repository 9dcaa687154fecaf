import { createClient, type Client, type ClientOptions, type OperationName, type ProviderId } from '../index.js';
import { optionsOf, variableOf } from './provider-options.js';
import { environmentPrefixOf, hasDefaultBaseUrl } from './accepted-values.js';
import type { Invocation } from './invocation.js';
import { UsageError } from './usage-error.js';

/** A client for the invocation's provider, and how to let go of what was started for it. */
export interface Connection {
  client: Client<OperationName>;
  close(): Promise<void>;
}

function checkOptions(invocation: Invocation, env: Record<string, string | undefined>): void {
  const { provider, connection, spec } = invocation;
  if (invocation.sandbox) return;
  const prefix = environmentPrefixOf(provider);
  // Said here in the command line's own words, before the SDK would say it in createClient's.
  if (connection.apiKey === undefined && !env[`${prefix}_API_KEY`]?.trim()) {
    throw new UsageError(`no API key for ${provider}: pass --api-key or set ${prefix}_API_KEY (or try --sandbox).`, { spec });
  }
  if (connection.baseUrl === undefined && !env[`${prefix}_BASE_URL`] && !hasDefaultBaseUrl(provider)) {
    throw new UsageError(
      `${provider} publishes no address of its own: pass --base-url or set ${prefix}_BASE_URL (or try --sandbox).`,
      { spec },
    );
  }
}

/**
 * The key, address and own options the command's environment gives the provider: passed on
 * rather than left to the SDK, which would read the process's environment instead of the one the
 * command was given.
 */
function fromEnvironment(provider: ProviderId, env: Record<string, string | undefined>): Record<string, string> {
  const prefix = environmentPrefixOf(provider);
  const settings: Record<string, string> = {};
  const read = (variable: string | undefined, name: string) => {
    const value = variable === undefined ? undefined : env[variable];
    if (value !== undefined && value.trim() !== '') settings[name] = value;
  };
  read(`${prefix}_API_KEY`, 'apiKey');
  read(`${prefix}_BASE_URL`, 'baseUrl');
  for (const option of optionsOf(provider)) read(variableOf(provider, option), option.name);
  return settings;
}

/**
 * Builds the client: against an embedded sandbox with --sandbox (started here, closed by `close`),
 * else from the flags, the SDK reading the provider's environment variables for what they leave out.
 */
export async function connect(invocation: Invocation, env: Record<string, string | undefined>): Promise<Connection> {
  checkOptions(invocation, env);
  const { provider, connection } = invocation;
  if (!invocation.sandbox) {
    const client = createClient({ provider, ...fromEnvironment(provider, env), ...connection } as ClientOptions) as Client<OperationName>;
    return { client, close: async () => {} };
  }
  // Loaded only when asked for: the sandbox is of no use to a command against a real platform.
  const { startSandbox } = await import('../testing/index.js');
  const sandbox = await startSandbox();
  try {
    const client = createClient({ ...sandbox.clientOptions(provider), ...connection } as ClientOptions) as Client<OperationName>;
    return { client, close: () => sandbox.close() };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
