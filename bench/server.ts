// The benchmark's loopback server. It runs in its own process, so that serving pages does not
// share an event loop (or a core's time slices, as far as the OS allows) with the client measured.
// Paths: /<platform>/<delay ms>/<total items><the platform's list path>?<its page query>.
// Item arrays are serialized once at start; a response only joins them with a short envelope.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageSize, platformIds, platforms, type BenchPlatform, type PlatformId } from './platforms.js';

/** Distinct pages of items per platform; longer listings repeat them (ids repeat every 10,000 items). */
const distinctPages = 100;
/** The server stops by itself after this long, even if its parent never says goodbye. */
const maxLifetimeMs = 30 * 60_000;

const serializedItems = new Map<PlatformId, Buffer[]>();
for (const id of platformIds) {
  const platform = platforms[id];
  const pages: Buffer[] = [];
  for (let page = 0; page < distinctPages; page++) {
    const items = Array.from({ length: pageSize }, (_, offset) => platform.item(page * pageSize + offset));
    pages.push(Buffer.from(JSON.stringify(items)));
  }
  serializedItems.set(id, pages);
}

/** Whole bodies of short listings, built at their first request and served as they are after. */
const bodyCache = new Map<string, Buffer>();
const cacheablePages = 200;

function pageBody(platform: BenchPlatform, total: number, index: number): Buffer {
  const count = Math.ceil(total / pageSize);
  const key = `${platform.id}/${total}/${index}`;
  const cached = bodyCache.get(key);
  if (cached) return cached;
  const { head, tail } = platform.envelope({ index, count, size: pageSize, total });
  const body = Buffer.concat([Buffer.from(head), serializedItems.get(platform.id)![index % distinctPages]!, Buffer.from(tail)]);
  if (count <= cacheablePages) bodyCache.set(key, body);
  return body;
}

function send(response: ServerResponse, status: number, body: Buffer | string): void {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const [, id, delay, total, ...rest] = url.pathname.split('/');
  const platform = platforms[id as PlatformId];
  const delayMs = Number(delay);
  const totalItems = Number(total);
  if (!platform || `/${rest.join('/')}` !== platform.listPath || !(delayMs >= 0) || !(totalItems > 0)) {
    send(response, 404, '{"error":"no such listing"}');
    return;
  }
  if (url.searchParams.get('limit') !== String(pageSize)) {
    send(response, 400, `{"error":"the benchmark serves pages of ${pageSize}"}`);
    return;
  }
  const index = platform.pageIndexOf(url.searchParams);
  if (!Number.isInteger(index) || index < 0 || index * pageSize >= totalItems) {
    send(response, 400, '{"error":"page out of range"}');
    return;
  }
  const body = pageBody(platform, totalItems, index);
  if (delayMs === 0) send(response, 200, body);
  else setTimeout(() => send(response, 200, body), delayMs);
});
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ port });
});

const stop = () => {
  server.closeAllConnections();
  server.close();
  process.exit(0);
};
process.on('disconnect', stop);
setTimeout(stop, maxLifetimeMs).unref();
