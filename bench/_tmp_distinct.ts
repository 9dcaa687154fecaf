import { startServer } from './processes.js';
import { createBenchClient, listingBaseUrl, loadSdk, sdkListing } from './listings.js';
const server = await startServer();
try {
  const sdk = await loadSdk();
  for (const platform of process.argv.slice(2)) {
    const client = createBenchClient(sdk, platform, listingBaseUrl(server.url, platform, 0, 10_000, 'calls'));
    const ids = new Set<string>();
    let count = 0;
    for await (const call of client.calls.list!({ limit: 100 })) { ids.add(call.id); if (++count === 10_000) break; }
    console.log(platform, 'calls', count, 'distinct', ids.size);
  }
} finally { server.stop(); }
