// Writes the sandbox's seed data to fixtures/sandbox/, one JSON file per platform, so it can be read
// and reviewed as wire payloads. The data itself comes from the seeded generator of each provider's sandbox double (src/providers/<id>/sandbox-seed.ts);
// run this after changing it (a test fails while the files and the generator differ):
//   npx tsx scripts/write-sandbox-fixtures.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sandboxSeed } from '../src/testing/seed.js';

const folder = fileURLToPath(new URL('../fixtures/sandbox/', import.meta.url));
mkdirSync(folder, { recursive: true });
for (const [provider, data] of Object.entries(await sandboxSeed())) {
  writeFileSync(`${folder}${provider}.json`, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`fixtures/sandbox/${provider}.json`);
}
