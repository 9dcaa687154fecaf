import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One number as the numbers-assignment platform sends it. */
export interface AssignmentWire {
  id: string;
  phoneNumber: string;
  friendlyName: string | null;
  agentId: string | null;
  status: string;
}

/**
 * A numbers-assignment platform on 127.0.0.1 whose numbers the test writes, text from a hostile
 * server included. It records every request; with `holdWrites` it never answers a write, as a
 * platform whose answer is lost.
 */
export interface AssignmentServer {
  url: string;
  numbers: AssignmentWire[];
  requests: Array<{ method: string; path: string; body: string; headers: Record<string, string | string[] | undefined> }>;
  /** Never answer a POST, PUT or DELETE: the write was received, its outcome is unknown. */
  holdWrites: boolean;
  /** Every request that is not a GET, as `METHOD /path`. */
  writes(): string[];
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

export async function startAssignmentServer(numbers: AssignmentWire[]): Promise<AssignmentServer> {
  const state: Omit<AssignmentServer, 'url' | 'close' | 'writes'> = { numbers, requests: [], holdWrites: false };
  const server = createServer(async (request, response) => {
    const method = request.method ?? '';
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const body = await bodyOf(request);
    state.requests.push({ method, path, body, headers: request.headers });
    if (method !== 'GET' && state.holdWrites) return;
    const id = /^\/numbers\/(.+)$/.exec(path)?.[1];
    const found = state.numbers.find((number) => number.id === id);
    if (method === 'GET' && path === '/numbers') return send(response, 200, state.numbers);
    if (id !== undefined && found === undefined) return send(response, 404, { message: `no number ${id}` });
    if (method === 'GET' && found) return send(response, 200, found);
    if (method === 'PUT' && found) return send(response, 200, Object.assign(found, JSON.parse(body) as object));
    if (method === 'DELETE' && found) {
      state.numbers = state.numbers.filter((number) => number !== found);
      return send(response, 200, undefined);
    }
    if (method === 'POST' && path === '/numbers') {
      const created = { id: `num_${state.numbers.length + 1}`, friendlyName: null, status: 'active', ...(JSON.parse(body) as object) } as AssignmentWire;
      state.numbers.push(created);
      return send(response, 201, created);
    }
    send(response, 404, { message: 'no such route' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    writes: () => state.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
