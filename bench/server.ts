// The benchmark's loopback server. It runs in its own process, so that serving pages does not share
// an event loop (or a core's time slices, as far as the OS allows) with the client measured.
// Paths: /<platform>/<delay ms>/<total items>/<listing><the platform's own path>?<its own query>,
// answered by the platform's sandbox double (bench/platforms.ts); a POST's body goes to the double too. The pages of short listings are kept once answered,
// so that after the warm-up the server only writes bytes, as the contenders' own costs are measured.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxPlatform } from '../src/core/sandbox/double.js';
import { listedSeedList } from './listed-list.js';
import { benchDouble, platformIds, seedOf } from './platforms.js';

/** The server stops by itself after this long, even if its parent never says goodbye. */
const maxLifetimeMs = 60 * 60_000;
/** Listings of at most this many items keep their answers. */
const cachedListingItems = 20_000;

const doubles = new Map<string, Promise<SandboxPlatform>>();
const answers = new Map<string, { status: number; body: Buffer }>();

/** One request to a double. */
interface DoubleRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/**
 * The double of one listing. A calls listing makes long only the seed list its first page comes from
 * (bench/listed-list.ts), or none where the double derives its calls: repeating every list would
 * repeat the records calls derive from, and their calls with them, many times over.
 */
function doubleFor(id: string, total: number, listing: string, first: () => DoubleRequest): Promise<SandboxPlatform> {
  const calls = listing === 'calls';
  const key = `${id}/${total}/${calls ? 'calls' : 'all'}`;
  let double = doubles.get(key);
  if (!double) {
    // One long listing at a time: a million repeated records are dropped when another listing starts.
    for (const other of [...doubles.keys()]) if (Number(other.split('/')[1]) > cachedListingItems) doubles.delete(other);
    double = calls ? callsDouble(id, total, first()) : benchDouble(id, total);
    doubles.set(key, double);
  }
  return double;
}

async function callsDouble(id: string, total: number, first: DoubleRequest): Promise<SandboxPlatform> {
  const asSeeded = await benchDouble(id, total, { longLists: new Set() });
  const response = await ask(asSeeded, first);
  const body: unknown = response.ok ? await response.json() : null;
  const listed = listedSeedList(await seedOf(id), body);
  process.stderr.write(`bench server: ${id} calls come from ${listed === null ? 'no seed list (the double derives them): none made long' : `its seed's ${listed}`}\n`);
  return listed === null ? asSeeded : benchDouble(id, total, { longLists: new Set([listed]) });
}

/** The double's answer to `request`, whose URL path is `/<platform>/<delay>/<total>/<listing><path>`. */
async function ask(double: SandboxPlatform, { url, method, headers, body }: DoubleRequest): Promise<Response> {
  const path = `/${url.pathname.split('/').slice(5).join('/')}`;
  const request = new Request(new URL(`${path}${url.search}`, url), { method, headers, ...(body === undefined ? {} : { body }) });
  return double.authenticate(request) ?? (await double.handle(request, path, url.searchParams));
}

function send(response: ServerResponse, status: number, body: Buffer): void {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
}

async function answer(request: DoubleRequest): Promise<{ status: number; body: Buffer }> {
  const [, id, , total, listing] = request.url.pathname.split('/');
  const totalItems = Number(total);
  if (!platformIds.includes(id!) || !(totalItems > 0) || !listing) return { status: 404, body: Buffer.from('{"error":"no such listing"}') };
  const key = `${request.method} ${request.url.pathname}${request.url.search} ${request.body ?? ''}`;
  const cached = answers.get(key);
  if (cached) return cached;
  const double = await doubleFor(id!, totalItems, listing, () => request);
  const response = await ask(double, request);
  const result = { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  if (totalItems <= cachedListingItems && response.ok) answers.set(key, result);
  return result;
}

/** The request's body as text, `undefined` for a GET or HEAD. */
async function bodyOf(request: IncomingMessage): Promise<string | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const delayMs = Number(url.pathname.split('/')[2]);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  const method = request.method ?? 'GET';
  bodyOf(request).then((body) => answer({ url, method, headers, body })).then(
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
