// The one-provider entry points (`voiceplane/vox`, ...) follow from the provider folders: every folder
// under src/providers/ with an `entry.ts` is an entry named after the folder. The build (tsup.config.ts),
// the size budgets (.size-limit.js) and the package exports (scripts/sync-package-exports.mjs) read this
// list, and test/entry-points.test.ts checks it against the registry, so no platform's entry is forgotten.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const providersFolder = fileURLToPath(new URL('../src/providers/', import.meta.url));

/** The ids of the providers that have an entry point, sorted. */
export function providerEntryIds() {
  return readdirSync(providersFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${providersFolder}${entry.name}/entry.ts`))
    .map((entry) => entry.name)
    .sort();
}

/** `createVoxClient` for `vox`, `createNumbersAssignmentClient` for `numbers-assignment`. */
export function factoryName(id) {
  return `create${id.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter) => letter.toUpperCase())}Client`;
}

/** The entries that are not a provider's, each with its source file. */
export const otherEntries = {
  index: 'src/index.ts',
  // The provider contract and the kit, for a platform of your own.
  provider: 'src/provider.ts',
  // The sandbox for users' tests; its msw handlers are a separate entry so that only they load msw.
  testing: 'src/testing/index.ts',
  'testing/msw': 'src/testing/msw.ts',
  // Webhook verification: Web Crypto and the error classes, no HTTP client.
  webhooks: 'src/webhooks/index.ts',
  // The fleet limiter over Redis: only a client given its `limiter` loads it; the Redis client is a peer dependency.
  redis: 'src/redis/index.ts',
};

/** Every library entry: the others, then one per provider folder. */
export function libraryEntries() {
  const entries = { ...otherEntries };
  for (const id of providerEntryIds()) entries[id] = `src/providers/${id}/entry.ts`;
  return entries;
}
