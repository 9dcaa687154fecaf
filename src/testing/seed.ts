import type { ProviderId } from '../client.js';
import { providers } from '../providers/registry.js';
import { loadDouble, seedCopy } from './doubles.js';

type Registry = typeof providers;
type SeedOf<P extends ProviderId> = NonNullable<Registry[P]['sandbox']> extends () => Promise<{ seed(): infer Seed }> ? Seed : never;

/** The records every sandbox starts with (and returns to on `reset()`), per platform, as each platform's wire. */
export type SandboxSeed = { [P in ProviderId]: SeedOf<P> };

/**
 * A fresh copy of the seed data of every platform of the registry (each from its sandbox double): the
 * same on every run (a seeded generator), so tests can assert counts and look up ids here.
 */
export async function sandboxSeed(): Promise<SandboxSeed> {
  const entries = await Promise.all(
    Object.values(providers).map(async (definition) => [definition.id, seedCopy(await loadDouble(definition))] as const),
  );
  return Object.fromEntries(entries) as SandboxSeed;
}
