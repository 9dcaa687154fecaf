import type { ProviderId } from '../index.js';
import type { OptionDescriptor } from '../core/contract/provider-contract.js';
import { providers } from '../providers/registry.js';

// The command line's handling of each provider's own options (generic's organizationId, ...) comes from
// the provider definitions' option descriptors: a flag, an environment variable and a config-file key each.

/** The option descriptors of one provider. */
export function optionsOf(provider: ProviderId): readonly OptionDescriptor[] {
  return providers[provider].options ?? [];
}

/** The environment variable of one option of a provider, e.g. `GENERIC_ORGANIZATION_ID`; `undefined` for none. */
export function variableOf(provider: ProviderId, option: OptionDescriptor): string | undefined {
  return option.environmentSuffix ? `${providers[provider].environmentPrefix}_${option.environmentSuffix}` : undefined;
}

/** One command-line flag of the providers' own options, with the providers that take it. */
export interface ProviderOptionFlag {
  /** The flag without dashes, e.g. `organization-id`. */
  flag: string;
  /** The option's name in `createClient` and the config file, e.g. `organizationId`. */
  name: string;
  /** The providers whose definitions declare it. */
  takers: ProviderId[];
  /** One line for `--help`. */
  help: string;
}

/** Every flag of every provider's own options, once each, in registry order. */
export const providerOptionFlags: readonly ProviderOptionFlag[] = (() => {
  const flags = new Map<string, ProviderOptionFlag>();
  for (const provider of Object.keys(providers) as ProviderId[]) {
    for (const option of optionsOf(provider)) {
      if (!option.cliFlag) continue;
      const known = flags.get(option.cliFlag);
      if (known) known.takers.push(provider);
      else flags.set(option.cliFlag, { flag: option.cliFlag, name: option.name, takers: [provider], help: option.description });
    }
  }
  return [...flags.values()];
})();

/** The `--help` lines of those flags, aligned with the other options. */
export function providerOptionHelpLines(): string[] {
  return providerOptionFlags.map(({ flag, takers }) => {
    const variables = takers.map((provider) => variableOf(provider, optionsOf(provider).find((option) => option.cliFlag === flag)!));
    const left = `${`      --${flag} <value>`.padEnd(28)} `;
    const defaults = variables.filter(Boolean).join(', ');
    return `${left}${takers.join(', ')} only${defaults ? `; default: ${defaults}` : ''}`;
  });
}
