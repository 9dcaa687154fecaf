import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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
  const sockets = new Set<Socket>();
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
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
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
