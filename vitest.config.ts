import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 15_000,
    // Unhandled rejections fail the run: a page promise must never leave one behind.
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
