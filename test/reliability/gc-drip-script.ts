// Run by gc-hang.test.ts in a child `node --expose-gc` process: the hang it checks appears only once
// the garbage collector has collected the Request that ky built, which a test cannot force otherwise.
import { createServer } from 'node:http';
import { createClient } from '../../src/index.js';
import { listenOnLoopback } from '../helpers/loopback-server.js';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');

const campaign = JSON.stringify({ id: 'cmp_1', name: 'Renewals', status: 'ongoing', created_at: 1740787200000 });

/** `/drip` drips the campaign over about 3 s; `/endless` never ends; `/fast` answers at once. */
const server = createServer((request, response) => {
  if (request.url?.includes('fast')) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(campaign.replace('cmp_1', 'fast'));
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  const endless = request.url?.includes('endless');
  let offset = 0;
  const timer = setInterval(() => {
    if (endless) return void response.write(' ');
    const piece = campaign.slice(offset, offset + 2);
    offset += 2;
    if (offset >= campaign.length) {
      clearInterval(timer);
      response.end(piece);
    } else response.write(piece);
  }, 3000 / (campaign.length / 2));
  response.on('close', () => clearInterval(timer));
});
const { url, close } = await listenOnLoopback(server);
const collector = setInterval(collect, 200);

async function timed(run: () => Promise<unknown>): Promise<{ outcome: string; ms: number }> {
  const started = performance.now();
  const outcome = await Promise.race([
    run().then(
      () => 'resolved',
      (error: Error) => error.name,
    ),
    new Promise<string>((resolve) => setTimeout(() => resolve('still pending'), 6000).unref()),
  ]);
  return { outcome, ms: Math.round(performance.now() - started) };
}

const apiKey = 'vox_GC_SECRET_KEY_0123456789';
const results: Record<string, unknown> = {};

results.timeout = await timed(() => createClient({ provider: 'vox', apiKey, baseUrl: url, timeoutMs: 1000, maxRetries: 0 }).campaigns.get('drip'));

const controller = new AbortController();
setTimeout(() => controller.abort(), 1000);
results.signal = await timed(() =>
  createClient({ provider: 'vox', apiKey, baseUrl: url, maxRetries: 0 }).campaigns.get('endless', { signal: controller.signal }),
);

const single = createClient({ provider: 'vox', apiKey, baseUrl: url, timeoutMs: 1000, maxRetries: 0, maxConcurrentRequests: 1 });
const stuck = timed(() => single.campaigns.get('endless'));
const next = timed(() => single.campaigns.get('fast'));
results.stuck = await stuck;
results.next = await next;

clearInterval(collector);
await close();
process.stdout.write(JSON.stringify(results));
