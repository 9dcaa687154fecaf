import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factoryName, libraryEntries, providerEntryIds } from '../scripts/provider-entries.mjs';
import { expectedExports, expectedIndexText, expectedTypesVersions } from '../scripts/sync-package-exports.mjs';
import { providers } from '../src/providers/registry.js';

// A platform's entry point, package export and size budget follow from its folder; these checks make a
// missing one fail CI instead of shipping.

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
  typesVersions: unknown;
};

describe('entry points follow the registry', () => {
  it('every provider of the registry has an entry point in its folder, and every entry point is a registered provider', () => {
    expect(providerEntryIds()).toEqual(Object.keys(providers).sort());
  });

  it.each(Object.keys(providers))('the %s entry exports its factory and the typed client', async (id) => {
    const entry = (await import(`../src/providers/${id}/entry.ts`)) as Record<string, unknown>;
    expect(typeof entry[factoryName(id)]).toBe('function');
    expect(typeof entry.VoiceplaneError).toBe('function');
  });

  it('package.json exports every library entry, with types for import and require (npm run sync-exports writes them)', () => {
    expect(packageJson.exports).toEqual(expectedExports());
    expect(packageJson.typesVersions).toEqual(expectedTypesVersions());
    for (const id of Object.keys(providers)) expect(Object.keys(packageJson.exports)).toContain(`./${id}`);
  });

  it("the main entry exports every provider's client and options types, as its entry point does (npm run sync-exports writes them)", () => {
    const index = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
    expect(index).toBe(expectedIndexText(index));
    for (const id of Object.keys(providers)) {
      expect(index).toMatch(new RegExp(`export type \\{[^}]*Client, [A-Za-z]+ClientOptions \\} from './providers/${id}/client\\.js';`));
    }
  });

  it('the build builds every entry', () => {
    const entries = libraryEntries();
    for (const id of Object.keys(providers)) expect(entries[id]).toBe(`src/providers/${id}/entry.ts`);
  });
});
