import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach } from 'vitest';
import { listenOnLoopback, sendJson } from './loopback-server.js';

export { sendJson };
/** The same function as `sendJson`, under the name some suites import. */
export const json = sendJson;

export interface Arrival {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** `performance.now()` when the request's headers arrived: same clock as the test's. */
  at: number;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, in order of arrival: the attempts the client made. */
  arrivals: Arrival[];
  /** Requests whose response has not finished (or whose socket has not closed) yet. */
  readonly inFlight: number;
  /** The most requests in flight at any one time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export type FaultHandler = (request: IncomingMessage, response: ServerResponse, index: number, body: string) => void;

/**
 * A loopback server for fault injection that also records when each request arrived and how many
 * were in flight at once. `handler` gets the 0-based index of the request among all received.
 */
export async function startFaultServer(handler: FaultHandler): Promise<FaultServer> {
  const arrivals: Arrival[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((request, response) => {
    const at = performance.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      inFlight--;
    };
    response.on('close', finish);
    response.on('finish', finish);
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const index = arrivals.length;
      arrivals.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body, at });
      handler(request, response, index, body);
    });
  });
  server.keepAliveTimeout = 1000;
  const { url, close } = await listenOnLoopback(server);
  return {
    url,
    arrivals,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    close,
  };
}

/**
 * Registers the teardown of a suite and returns `serve`, which starts a fault server for the test
 * that calls it; every server a test started is closed after it, whether it passed or failed.
 */
export function useFaultServer(): (handler: FaultHandler) => Promise<FaultServer> {
  const started: FaultServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startFaultServer(handler);
    started.push(server);
    return server;
  };
}

/** Sends `text` as the body with the given status and content type. */
export function text(response: ServerResponse, status: number, body: string, contentType = 'text/html'): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** Drops the connection before any byte of a response: what a crashing upstream or a reset looks like. */
export function resetBeforeResponse(request: IncomingMessage): void {
  request.socket.destroy();
}

/**
 * Sends the status line, the headers and part of the body, then drops the connection. With a
 * Content-Length the client knows the body was cut off; without one (chunked) the last chunk never comes.
 */
export function resetDuringBody(response: ServerResponse, full: string, sent: number, declareLength = true): void {
  response.writeHead(200, {
    'content-type': 'application/json',
    ...(declareLength ? { 'content-length': Buffer.byteLength(full) } : {}),
  });
  response.write(full.slice(0, sent), () => setTimeout(() => response.socket?.destroy(), 5));
}

/** Writes `body` a few bytes at a time, one piece every `everyMs`. Stops if the client goes away. */
export function drip(response: ServerResponse, body: string, everyMs: number, piece = 4): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  let offset = 0;
  const timer = setInterval(() => {
    if (response.destroyed || response.writableEnded) return clearInterval(timer);
    const next = body.slice(offset, offset + piece);
    offset += piece;
    if (offset >= body.length) {
      clearInterval(timer);
      response.end(next);
    } else response.write(next);
  }, everyMs);
  response.on('close', () => clearInterval(timer));
}

export const proxyErrorPage =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>' +
  '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
