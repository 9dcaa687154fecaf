import { defineConfig } from 'vitest/config';
import quick, { slowTests } from './vitest.config.js';

/** `npm run test:slow`: only the suites `npm test` leaves out (see vitest.config.ts). */
export default defineConfig({
  test: { ...quick.test, include: slowTests, exclude: ['**/node_modules/**'] },
});
