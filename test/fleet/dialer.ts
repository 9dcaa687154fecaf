import type { ServerResponse } from 'node:http';
import { defineProvider } from '../../src/provider.js';
import type { RequestOptions } from '../../src/core/types.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

// A platform of the test's own, written with defineProvider as a user would, offering calls.create,
// calls.get and calls.list: no platform offers calls through createClient in this branch, and the
// call slots sit in the client, in front of whatever adapter places the calls.

interface WireCall {
  id: string;
  state: 'dialing' | 'ended';
}

function mapCall(wire: WireCall) {
  return { id: wire.id, status: { unified: wire.state === 'ended' ? 'completed' : 'in_progress', raw: wire.state } };
}

export const dialer = defineProvider({
  specificationVersion: 1,
  id: 'dialer' as string,
  defaultBaseUrl: null,
  environmentPrefix: 'DIALER',
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: (body) => (typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : null),
  operations: (kit) => ({
    calls: {
      create: async (input: unknown, request: RequestOptions) => mapCall((await kit.send({ method: 'POST', path: '/calls', body: input }, request)).data as WireCall),
      get: async (id: string, request: RequestOptions) =>
        mapCall((await kit.send({ method: 'GET', path: `/calls/${encodeURIComponent(id)}` }, request)).data as WireCall),
      list: async (_params: unknown, _cursor: string | null, request: RequestOptions) => ({
        items: ((await kit.send({ method: 'GET', path: '/calls' }, request)).data as WireCall[]).map(mapCall),
        nextCursor: null,
      }),
    },
  }) as never,
});

/** How the account answers the next create: placed (ringing, or already over), refused with a status, or never answered. */
export type CreateAnswer = 'placed' | 'placed-ended' | 400 | 429 | 500 | 'hang';

/** A platform account on 127.0.0.1 that places calls, ends them when told, and records what it saw. */
export interface DialerAccount {
  server: LoopbackServer;
  /** Answers for the next creates, first first; `'placed'` once these are used up. */
  answers: CreateAnswer[];
  /** The calls it placed, by id. */
  calls: Map<string, WireCall>;
  /** The most calls the account had in flight at once. */
  mostInFlight: number;
  /** Ends a call (as the callee hanging up would). */
  end(id: string): void;
  /** POST /calls received so far. */
  creates(): number;
  close(): Promise<void>;
}

export async function startDialerAccount(): Promise<DialerAccount> {
  const hanging: ServerResponse[] = [];
  let placed = 0;
  const account: DialerAccount = {
    server: undefined as never,
    answers: [],
    calls: new Map(),
    mostInFlight: 0,
    end: (id) => {
      const call = account.calls.get(id);
      if (call) call.state = 'ended';
    },
    creates: () => account.server.requests.filter((request) => request.method === 'POST').length,
    close: async () => {
      for (const response of hanging) response.destroy();
      await account.server.close();
    },
  };
  account.server = await startLoopbackServer((request, response) => {
    const url = request.url ?? '';
    if (request.method === 'POST' && url === '/calls') {
      const answer = account.answers.shift() ?? 'placed';
      if (answer === 'hang') return void hanging.push(response);
      if (typeof answer === 'number') return sendJson(response, answer, { error: `refused with ${answer}` }, answer === 429 ? { 'retry-after': '1' } : {});
      const call: WireCall = { id: `call_${++placed}`, state: answer === 'placed-ended' ? 'ended' : 'dialing' };
      account.calls.set(call.id, call);
      const inFlight = [...account.calls.values()].filter((each) => each.state !== 'ended').length;
      account.mostInFlight = Math.max(account.mostInFlight, inFlight);
      return sendJson(response, 201, call);
    }
    if (request.method === 'GET' && url === '/calls') return sendJson(response, 200, [...account.calls.values()]);
    const call = account.calls.get(decodeURIComponent(url.replace('/calls/', '')));
    if (request.method === 'GET' && call) return sendJson(response, 200, call);
    sendJson(response, 404, { error: 'no such call' });
  });
  return account;
}

/** Whether `promise` is still pending after `ms`. */
export async function stillPending(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([promise.then(() => 'settled', () => 'settled'), new Promise((resolve) => setTimeout(() => resolve(pending), ms))])) === pending;
}
