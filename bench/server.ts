// The benchmark's loopback server. It runs in its own process, so that serving pages does not share
// an event loop (or a core's time slices, as far as the OS allows) with the client measured.
// Paths: /<platform>/<delay ms>/<total items><the platform's own path>?<its own query>, answered by the
// platform's sandbox double (bench/platforms.ts). The pages of short listings are kept once answered,
// so that after the warm-up the server only writes bytes, as the contenders' own costs are measured.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxPlatform } from '../src/core/sandbox/double.js';
import { benchDouble, platformIds } from './platforms.js';

/** The server stops by itself after this long, even if its parent never says goodbye. */
const maxLifetimeMs = 60 * 60_000;
/** Listings of at most this many items keep their answers. */
const cachedListingItems = 20_000;

const doubles = new Map<string, Promise<SandboxPlatform>>();
const answers = new Map<string, { status: number; body: Buffer }>();

function doubleFor(id: string, total: number): Promise<SandboxPlatform> {
  const key = `${id}/${total}`;
  let double = doubles.get(key);
  if (!double) {
    // One long listing at a time: a million repeated records are dropped when another listing starts.
    for (const other of [...doubles.keys()]) if (Number(other.split('/')[1]) > cachedListingItems) doubles.delete(other);
    double = benchDouble(id, total);
    doubles.set(key, double);
  }
  return double;
}

function send(response: ServerResponse, status: number, body: Buffer): void {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
}

async function answer(url: URL, headers: Headers): Promise<{ status: number; body: Buffer }> {
  const [, id, , total, ...rest] = url.pathname.split('/');
  const totalItems = Number(total);
  if (!platformIds.includes(id!) || !(totalItems > 0)) return { status: 404, body: Buffer.from('{"error":"no such listing"}') };
  const key = `${url.pathname}${url.search}`;
  const cached = answers.get(key);
  if (cached) return cached;
  const double = await doubleFor(id!, totalItems);
  const path = `/${rest.join('/')}`;
  const request = new Request(new URL(`${path}${url.search}`, url), { headers });
  const refused = double.authenticate(request);
  const response = refused ?? (await double.handle(request, path, url.searchParams));
  const result = { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  if (totalItems <= cachedListingItems && response.ok) answers.set(key, result);
  return result;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const delayMs = Number(url.pathname.split('/')[2]);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  answer(url, headers).then(
    ({ status, body }) => {
      if (delayMs > 0) setTimeout(() => send(response, status, body), delayMs);
      else send(response, status, body);
    },
    (error: unknown) => send(response, 500, Buffer.from(JSON.stringify({ error: String(error) }))),
  );
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
