import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import type { Call } from '../../src/webhooks/index.js';
import type { CallEvent } from '../../src/webhooks/index.js';
import { webhookApp } from '../../docs/examples/webhooks-express.js';
import { webhookRoute } from '../../docs/examples/webhooks-fetch.js';
import { webhookServer } from '../../docs/examples/webhooks-node.js';
import { parseWire } from '../../src/core/kit/validate.js';
import { withE164Formatter } from '../../src/core/kit/e164.js';
import { blandCallSchema } from '../../src/providers/bland/call-wire.js';
import { mapBlandCall } from '../../src/providers/bland/map-call.js';
import { mapElevenLabsConversation } from '../../src/providers/elevenlabs/map-call.js';
import { conversationSchema } from '../../src/providers/elevenlabs/wire-calls.js';
import { retellCallSchema } from '../../src/providers/retell/calls-wire.js';
import { mapRetellCall } from '../../src/providers/retell/map-call.js';
import { vapiCallSchema } from '../../src/providers/vapi/calls-wire.js';
import { mapVapiCall } from '../../src/providers/vapi/map-call.js';
import { startLoopbackServer } from '../helpers/loopback-server.js';
import { payloads, secrets, type PayloadProvider, type SignedPayload } from './payloads.js';

// Each platform's real-shaped, signed payload through each adapter of docs/webhooks.md (the example
// files themselves), compared with what calls.get maps from the same wire call served on loopback.

const environment = {
  VAPI_SERVER_SECRET: secrets.vapi,
  RETELL_API_KEY: secrets.retell,
  ELEVENLABS_WEBHOOK_SECRET: secrets.elevenlabs,
  BLAND_WEBHOOK_SECRET: secrets.bland,
};
const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  for (const [name, value] of Object.entries(environment)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** What each calls adapter's `calls.get` does with the answer: its schema, then its mapping. */
const getMappings: Record<PayloadProvider, (wire: Record<string, unknown>) => Call | Promise<Call>> = {
  vapi: (wire) => mapVapiCall(parseWire(vapiCallSchema(), wire, 'vapi', 'a call'), wire),
  retell: (wire) => mapRetellCall(parseWire(retellCallSchema(), wire, 'retell', 'a call'), wire),
  elevenlabs: (wire) => mapElevenLabsConversation(parseWire(conversationSchema(), wire, 'elevenlabs', 'a conversation'), wire),
  bland: (wire) => withE164Formatter(null, (toE164) => mapBlandCall(parseWire(blandCallSchema(), wire, 'bland', 'a call'), wire, toE164)),
};

/**
 * What calls.get answers for the payload's wire call, served by a loopback "platform"; where the
 * client does not offer calls.get yet, what its calls operation maps from that answer.
 */
async function callsGet(payload: SignedPayload): Promise<Call> {
  const platform = await startLoopbackServer((request, response) => {
    const found = request.method === 'GET' && request.url?.split('?')[0] === payload.getPath;
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(found ? JSON.stringify(payload.wireCall) : '{"message":"not found"}');
  });
  try {
    const client = createClient({ provider: payload.provider, apiKey: 'platform-key', baseUrl: platform.url } as never) as unknown as {
      supports(operation: string): boolean;
      calls: { get(id: string): Promise<Call> };
    };
    if (client.supports('calls.get')) return await client.calls.get(payload.callId);
    return await getMappings[payload.provider](payload.wireCall);
  } finally {
    await platform.close();
  }
}

async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Deliver = (payload: SignedPayload, events: CallEvent[]) => Promise<Response>;

const adapters: Record<string, Deliver> = {
  fetch: async (payload, events) => {
    const route = webhookRoute(async (event) => void events.push(event));
    return route(new Request(`http://127.0.0.1/api/webhooks/${payload.provider}`, { method: 'POST', headers: payload.headers, body: payload.body }));
  },
  'node http': async (payload, events) => {
    const server = await listen(webhookServer(async (event) => void events.push(event)));
    try {
      return await fetch(`${server.url}/webhooks/${payload.provider}`, { method: 'POST', headers: payload.headers, body: payload.body });
    } finally {
      await server.close();
    }
  },
  express: async (payload, events) => {
    const server = await listen(webhookApp(async (event) => void events.push(event)).listen(0, '127.0.0.1'));
    try {
      return await fetch(`${server.url}/webhooks/${payload.provider}`, { method: 'POST', headers: payload.headers, body: payload.body });
    } finally {
      await server.close();
    }
  },
};

describe.each(Object.keys(payloads) as PayloadProvider[])('%s webhook', (provider) => {
  it.each(Object.keys(adapters))('through the %s adapter gives the call calls.get maps', async (adapter) => {
    const payload = payloads[provider]();
    const expected = await callsGet(payload);
    const events: CallEvent[] = [];
    const response = await adapters[adapter]!(payload, events);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(events).toHaveLength(1);
    const [event] = events as [CallEvent];
    expect(event.type).toBe(payload.expectedType);
    expect(event.provider).toBe(provider);
    expect(event.verified).toBe(true);
    expect(event.verification).toBe(provider === 'vapi' ? 'token' : 'signature');
    expect(event.call).toEqual(expected);
    expect(event.call.id).toBe(payload.callId);
    expect(event.call.transcript?.length).toBeGreaterThan(0);
    expect(event.raw).toEqual(JSON.parse(payload.body));
    // Bland's call carries its end time; the others are stamped by the platform when sent.
    if (provider === 'bland') expect(event.occurredAt).toEqual(new Date(String(payload.wireCall.end_at)));
    else expect(Math.abs(event.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(event.eventId).toBeNull();
  });

  it.each(Object.keys(adapters))('through the %s adapter refuses a tampered body with 401', async (adapter) => {
    const payload = payloads[provider]();
    const events: CallEvent[] = [];
    const tampered = { ...payload, body: payload.body.replace(payload.callId, `${payload.callId.slice(0, -1)}X`) };
    const response = await adapters[adapter]!(provider === 'vapi' ? { ...payload, headers: { ...payload.headers, 'x-vapi-secret': 'guess' } } : tampered, events);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('signature-mismatch');
    expect(events).toHaveLength(0);
  });
});
