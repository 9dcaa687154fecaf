import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../helpers/loopback-server.js';
import { WebhookVerificationError, verifyRetellWebhook, verifyVapiWebhook } from '../../src/webhooks/index.js';

// The verifiers inside a real Node HTTP server, as docs/webhooks.md shows them: the body read raw
// as a Buffer (the bytes on the wire, multi-byte characters split across chunks included), the
// headers as Node gives them. A refused request gets 401, an accepted one 204.

const apiKey = 'key_webhook_badge_server';
const vapiSecret = 'vapi_server_secret_server';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function rawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function startReceiver(): Promise<{ url: string; events: unknown[] }> {
  const events: unknown[] = [];
  const server = createServer(async (request, response) => {
    const body = await rawBody(request);
    try {
      if (request.url === '/retell') await verifyRetellWebhook({ body, headers: request.headers, apiKey });
      else await verifyVapiWebhook({ headers: request.headers, secret: vapiSecret });
    } catch (error) {
      response.writeHead(error instanceof WebhookVerificationError ? 401 : 500, { 'content-type': 'text/plain' });
      response.end((error as WebhookVerificationError).reason ?? 'error');
      return;
    }
    events.push(JSON.parse(body.toString('utf8')));
    response.writeHead(204).end();
  });
  const { url, close } = await listenOnLoopback(server);
  closers.push(close);
  return { url, events };
}

const event = { event: 'call_analyzed', call: { call_id: 'call_1', call_analysis: { call_summary: 'Le client a réglé sa facture — merci ✓' } } };

describe('verifying webhooks in a Node HTTP server', () => {
  it('accepts a request Retell signed, read raw from the socket, and refuses a tampered one', async () => {
    const { url, events } = await startReceiver();
    const text = JSON.stringify(event);
    const timestamp = Date.now();
    const signature = `v=${timestamp},d=${createHmac('sha256', apiKey).update(text + timestamp).digest('hex')}`;
    const genuine = await fetch(`${url}/retell`, { method: 'POST', headers: { 'x-retell-signature': signature }, body: text });
    expect(genuine.status).toBe(204);
    expect(events).toEqual([event]);

    const tampered = await fetch(`${url}/retell`, {
      method: 'POST',
      headers: { 'x-retell-signature': signature },
      body: text.replace('call_1', 'call_2'),
    });
    expect(tampered.status).toBe(401);
    expect(await tampered.text()).toBe('signature-mismatch');
    const unsigned = await fetch(`${url}/retell`, { method: 'POST', body: text });
    expect(await unsigned.text()).toBe('missing-header');
    expect(events).toHaveLength(1);
  });

  it("accepts Vapi's x-vapi-secret and refuses a request without it", async () => {
    const { url, events } = await startReceiver();
    const body = JSON.stringify({ message: { type: 'status-update', status: 'ended' } });
    const genuine = await fetch(`${url}/vapi`, { method: 'POST', headers: { 'X-Vapi-Secret': vapiSecret }, body });
    expect(genuine.status).toBe(204);
    const forged = await fetch(`${url}/vapi`, { method: 'POST', headers: { 'X-Vapi-Secret': 'guess' }, body });
    expect(forged.status).toBe(401);
    expect(events).toHaveLength(1);
  });
});
