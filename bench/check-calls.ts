// Checks the calls listings the benchmark measures: each platform's SDK listing of 10,000 calls over the
// benchmark server gives that many calls, all different (fewer where the double derives fewer calls),
// as a calls row's figures assume. `npx tsx bench/check-calls.ts [platform ...]` (after `npm run build`).
import { startServer } from './processes.js';
import { createBenchClient, listingBaseUrl, loadSdk } from './listings.js';
import { pageSize, platformIds } from './platforms.js';

const total = 10_000;
const server = await startServer();
try {
  const sdk = await loadSdk();
  for (const platform of process.argv.length > 2 ? process.argv.slice(2) : platformIds) {
    const client = createBenchClient(sdk, platform, listingBaseUrl(server.url, platform, 0, total, 'calls'));
    if (!client.supports('calls.list')) {
      console.log(`${platform}: no calls.list`);
      continue;
    }
    const ids = new Set<string>();
    let count = 0;
    try {
      for await (const call of client.calls.list!({ limit: pageSize })) {
        ids.add(call.id);
        if (++count === total) break;
      }
    } catch (error) {
      console.log(`${platform}: ${(error as Error).message.split('. ')[0]}`);
      continue;
    }
    console.log(`${platform}: ${count} calls, ${ids.size} distinct${ids.size === count ? '' : ' (REPEATED CALLS)'}`);
    if (ids.size !== count) process.exitCode = 1;
  }
} finally {
  server.stop();
}
