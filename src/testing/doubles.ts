import { InvalidRequestError } from '../core/errors.js';
import type { ProviderDefinition } from '../core/contract/provider-contract.js';
import type { SandboxDouble } from '../core/sandbox/double.js';
import { providers } from '../providers/registry.js';

/** The definitions the sandbox serves when given none: every provider of the registry. */
export const registryDefinitions: readonly ProviderDefinition<string>[] = Object.values(providers);

const loaded = new WeakMap<ProviderDefinition<string>, Promise<SandboxDouble>>();
const seeds = new WeakMap<SandboxDouble, unknown>();

/** Loads a provider's sandbox double (once per definition); a definition without one is refused. */
export function loadDouble(definition: ProviderDefinition<string>): Promise<SandboxDouble> {
  let double = loaded.get(definition);
  if (!double) {
    if (!definition.sandbox) {
      return Promise.reject(
        new InvalidRequestError(`sandbox: provider ${definition.id} has no sandbox double; give its definition a sandbox loader.`),
      );
    }
    double = definition.sandbox();
    loaded.set(definition, double);
  }
  return double;
}

/** A fresh copy of a double's seed data: generated once, copied for each caller so no one changes another's. */
export function seedCopy(double: SandboxDouble): unknown {
  if (!seeds.has(double)) seeds.set(double, double.seed());
  return structuredClone(seeds.get(double));
}
