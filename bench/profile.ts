// `npx tsx bench/profile.ts <platform> [sdk|raw|ky]`: a CPU profile of the throughput listing (the SDK
// by default), written to bench-results/profiles/ for Chrome DevTools or any .cpuprofile viewer.
import { fileURLToPath } from 'node:url';
import { platformIds, type PlatformId } from './platforms.js';
import { runChild, startServer } from './processes.js';

const platform = (process.argv[2] ?? 'vox') as PlatformId;
const contender = process.argv[3] === 'raw' || process.argv[3] === 'ky' ? process.argv[3] : 'sdk';
if (!platformIds.includes(platform)) throw new Error(`platform must be one of ${platformIds.join(', ')}`);

const folder = fileURLToPath(new URL('../bench-results/profiles/', import.meta.url));
const server = await startServer();
try {
  const task = { kind: 'throughput', platform, serverUrl: server.url, total: 10_000, rounds: 20, warmups: 2, only: contender } as const;
  await runChild(task, ['--cpu-prof', `--cpu-prof-dir=${folder}`, `--cpu-prof-name=${platform}-${contender}-${Date.now()}.cpuprofile`]);
  process.stdout.write(`profile written to bench-results/profiles/ (${platform}, ${contender})\n`);
} finally {
  server.stop();
}
