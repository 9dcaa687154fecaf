import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Suites that take seconds each (a 30 s soak, property tests with thousands of runs, the CLI as child
 * processes, builds of the package): `npm test` leaves them out so a contributor's run stays short,
 * `npm run test:slow` runs only them, and CI runs both.
 */
export const slowTests = [
  'test/reliability/soak.test.ts',
  'test/reliability/properties-*.test.ts',
  'test/reliability/faults.test.ts',
  'test/reliability/pacing.test.ts',
  'test/reliability/gc-hang.test.ts',
  'test/reliability/secrets.test.ts',
  'test/reliability/faults-pages-and-writes.test.ts',
  'test/core/transport-retries.test.ts',
  'test/cli/reads.test.ts',
  'test/cli/plain-output.test.ts',
  'test/cli/usage.test.ts',
  'test/cli/writes-and-failures.test.ts',
  'test/cli/native-feel.test.ts',
  'test/cli/hub-find.test.ts',
  'test/cli/demo.test.ts',
  'test/errors-identity.test.ts',
  'test/subpaths-build.test.ts',
  'test/fleet/fleet.test.ts',
  // A real redis-server on a loopback port: CI installs it (.ci/run); a contributor needs it for test:slow only.
  'test/redis/*.test.ts',
  'test/scaffold-provider.test.ts',
];

export default defineConfig({
  // The docs' examples import the package by its name, as a user writes it; tests run them against the source.
  resolve: { alias: { 'voiceplane/webhooks': fileURLToPath(new URL('./src/webhooks/index.ts', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...slowTests],
    testTimeout: 15_000,
    // Unhandled rejections fail the run: a page promise must never leave one behind.
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
