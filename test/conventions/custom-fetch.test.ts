import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

// npm undici's fetch (the usual way to add a proxy agent) against a real loopback server: ky hands
// its fetch a `Request`, which another copy of undici reads as the URL "[object Request]".

/** An undici Agent that counts the requests dispatched through it: proof the dispatcher was used. */
class CountingAgent extends Agent {
  dispatched = 0;

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.dispatched++;
    return super.dispatch(options, handler);
  }
}

let server: LoopbackServer | undefined;
const agents: Agent[] = [];

afterEach(async () => {
  await server?.close();
  server = undefined;
  await Promise.all(agents.splice(0).map((agent) => agent.close()));
});

function countingAgent(): CountingAgent {
  const agent = new CountingAgent();
  agents.push(agent);
  return agent;
}

describe('a custom fetch', () => {
  it("works with npm undici's fetch and an Agent dispatcher in fetchOptions, for reads and writes", async () => {
    const wire = fixture('numbers-assignment', 'phone-number');
    server = await startLoopbackServer((request, response) => {
      response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json', 'x-request-id': 'req_loop' });
      response.end(JSON.stringify(wire));
    });
    const agent = countingAgent();
    const client = createClient({
      provider: 'numbers-assignment',
      apiKey: 'na_key',
      baseUrl: server.url,
      fetch: undiciFetch,
      fetchOptions: { dispatcher: agent },
    });

    const got = await client.phoneNumbers.get('pn_1');
    const created = await client.phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' });

    expect(got.id).toBe(wire['id']);
    expect(created.id).toBe(wire['id']);
    expect(agent.dispatched).toBe(2);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /numbers/pn_1', 'POST /numbers']);
    expect(server.requests[0]!.headers['x-api-key']).toBe('na_key');
    expect(JSON.parse(server.requests[1]!.body)).toEqual({ phoneNumber: '+14155550101', agentId: 'agt_support' });
    expect(server.requests[1]!.headers['content-type']).toBe('application/json');
  });

  it('is called as fetch(url, init), never with a Request object', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(fixture('numbers-assignment', 'phone-number')));
    });
    const calls: unknown[][] = [];
    const client = createClient({
      provider: 'numbers-assignment',
      apiKey: 'na_key',
      baseUrl: server.url,
      fetch: (url, init) => {
        calls.push([url, init]);
        return undiciFetch(url, init);
      },
      fetchOptions: { keepalive: false },
    });
    await client.phoneNumbers.get('pn_1');

    expect(calls).toHaveLength(1);
    const [url, init] = calls[0] as [unknown, Record<string, unknown>];
    expect(url).toBe(`${server.url}/numbers/pn_1`);
    expect(init).toMatchObject({ method: 'GET', redirect: 'manual', keepalive: false });
    expect(init['headers']).toMatchObject({ 'x-api-key': 'na_key', accept: 'application/json' });
    expect(init['signal']).toBeInstanceOf(AbortSignal);
    expect(init).not.toHaveProperty('body');
  });

  it('does not follow a redirect through the custom fetch for a POST: it is never sent twice', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(307, { location: '/elsewhere' });
      response.end();
    });
    const client = createClient({ provider: 'numbers-assignment', apiKey: 'na_key', baseUrl: server.url, fetch: undiciFetch });
    await expect(client.phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' })).rejects.toThrow();
    expect(server.requests.map((request) => request.method)).toEqual(['POST']);
  });

  it('refuses fetchOptions that would take over what the SDK sets, before any request', () => {
    const make = (fetchOptions: unknown) =>
      createClient({ provider: 'vox', apiKey: 'k', fetchOptions: fetchOptions as never });
    expect(() => make({ headers: { a: 'b' } })).toThrow(InvalidRequestError);
    expect(() => make({ headers: { a: 'b' } })).toThrow(/fetchOptions cannot set "headers": pass headers to createClient/);
    expect(() => make({ redirect: 'follow' })).toThrow(/cannot set "redirect"/);
    expect(() => make({ signal: AbortSignal.timeout(5) })).toThrow(/cannot set "signal"/);
    expect(() => make('proxy')).toThrow(/fetchOptions must be an object/);
    expect(() => make({ dispatcher: {} })).not.toThrow();
  });
});
