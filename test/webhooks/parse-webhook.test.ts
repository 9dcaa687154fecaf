import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createNodeWebhookHandler, parseWebhook, WebhookPayloadError, WebhookVerificationError } from '../../src/webhooks/index.js';
import { retellAnalyzed, secrets, vapiReport, elevenLabsTranscription } from './payloads.js';

// Refusals: what a handler answers 401, 413 or 400 for, and events it does not map.

async function refusal(run: () => Promise<unknown>): Promise<Error & { reason?: string }> {
  try {
    await run();
  } catch (error) {
    return error as Error & { reason?: string };
  }
  return expect.unreachable('parseWebhook accepted the request');
}

function expectNoSecret(error: unknown): void {
  const shown = `${String(error)} ${JSON.stringify(error)} ${inspect(error)}`;
  for (const secret of Object.values(secrets)) expect(shown).not.toContain(secret);
}

describe('parseWebhook refuses what it cannot trust', () => {
  it('refuses an unsigned Retell request with 401 reason missing-header, and one for an unconfigured platform', async () => {
    const { body } = retellAnalyzed();
    const unsigned = await refusal(() => parseWebhook({ body, headers: {}, path: '/webhooks/retell' }, { secrets }));
    expect(unsigned).toBeInstanceOf(WebhookVerificationError);
    expect(unsigned.reason).toBe('missing-header');
    const { headers } = retellAnalyzed();
    const unconfigured = await refusal(() => parseWebhook({ body, headers }, { secrets: { vapi: secrets.vapi } }));
    expect(unconfigured.reason).toBe('unknown-provider');
    expectNoSecret(unconfigured);
  });

  it('refuses a wrongly signed and a stale request without echoing the secret', async () => {
    const { body, headers } = elevenLabsTranscription();
    const wrong = await refusal(() => parseWebhook({ body, headers }, { secrets: { elevenlabs: 'another-secret' } }));
    expect(wrong.reason).toBe('signature-mismatch');
    expectNoSecret(wrong);
    const stale = await refusal(() => parseWebhook({ body, headers }, { secrets, now: Date.now() + 31 * 60_000 }));
    expect(stale.reason).toBe('timestamp-outside-tolerance');
    const timestamp = Date.now() - 10 * 60_000;
    const old = { 'x-retell-signature': `v=${timestamp},d=${createHmac('sha256', secrets.retell).update(retellAnalyzed().body + timestamp).digest('hex')}` };
    const staleRetell = await refusal(() => parseWebhook({ body: retellAnalyzed().body, headers: old }, { secrets }));
    expect(staleRetell.reason).toBe('timestamp-outside-tolerance');
    expectNoSecret(staleRetell);
  });

  it('refuses a body over 5 MB from its content-length, before reading it', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const request = new Request('http://127.0.0.1/webhooks/retell', {
      method: 'POST',
      headers: { 'content-length': String(6 * 1024 * 1024), ...retellAnalyzed().headers },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const error = await refusal(() => parseWebhook(request, { secrets }));
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect(error.reason).toBe('body-too-large');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('stops reading a streamed body at the limit when no length is announced', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const request = new Request('http://127.0.0.1/webhooks/retell', { method: 'POST', headers: retellAnalyzed().headers, body: stream, duplex: 'half' } as RequestInit);
    const error = await refusal(() => parseWebhook(request, { secrets }));
    expect(error.reason).toBe('body-too-large');
    expect(pulled).toBeLessThanOrEqual(8);
  });

  it('refuses a signed body that is not JSON with 400 reason invalid-json', async () => {
    const body = '{"event":"call_ended",';
    const timestamp = Date.now();
    const headers = { 'x-retell-signature': `v=${timestamp},d=${createHmac('sha256', secrets.retell).update(body + timestamp).digest('hex')}` };
    const error = await refusal(() => parseWebhook({ body, headers }, { secrets }));
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect(error.reason).toBe('invalid-json');
    const answers: number[] = [];
    const handler = createNodeWebhookHandler({ secrets }, () => undefined);
    const request = Object.assign((async function* () { yield body; })(), { headers, url: '/webhooks/retell' });
    await handler(request, { writeHead: (status: number) => answers.push(status), end: () => undefined });
    expect(answers).toEqual([400]);
  });
});

describe('parseWebhook events', () => {
  it('gives a Vapi message it does not map as unknown, never an error', async () => {
    const body = JSON.stringify({ message: { type: 'tool-calls', toolCallList: [] } });
    const event = await parseWebhook({ body, headers: { 'x-vapi-secret': secrets.vapi } }, { secrets });
    expect(event).toMatchObject({ type: 'unknown', provider: 'vapi', platformType: 'tool-calls', verified: true });
  });

  it("maps Vapi's status-update: in-progress is call.started, ended is call.ended", async () => {
    const { wireCall } = vapiReport();
    const started = await parseWebhook(
      { body: JSON.stringify({ message: { type: 'status-update', status: 'in-progress', timestamp: 1_748_772_003_000, call: { ...wireCall, status: 'ringing' } } }), headers: { 'x-vapi-secret': secrets.vapi } },
      { secrets },
    );
    expect(started).toMatchObject({ type: 'call.started', occurredAt: new Date(1_748_772_003_000) });
    expect(started.type !== 'unknown' && started.call.status).toEqual({ unified: 'in_progress', raw: 'in-progress' });
  });

  it('accepts an unsigned Bland request only where allowUnsigned names it, and says it was not verified', async () => {
    const body = JSON.stringify({ call_id: 'c1', completed: true, to: '+14155550123', from: '+14155550100' });
    const refused = await refusal(() => parseWebhook({ body, headers: {}, path: '/hooks/bland' }, { secrets: {} }));
    expect(refused.reason).toBe('unknown-provider');
    const event = await parseWebhook({ body, headers: {}, path: '/hooks/bland' }, { secrets: {}, allowUnsigned: ['bland'] });
    expect(event).toMatchObject({ type: 'call.ended', provider: 'bland', verified: false, verification: 'none' });
  });

  it('checks your own shared-secret header where the platform signs nothing', async () => {
    const body = JSON.stringify({ call_id: 'c1', completed: true });
    const sharedSecret = { header: 'x-webhook-token', secret: 'my-own-token' };
    const event = await parseWebhook({ body, headers: { 'x-webhook-token': 'my-own-token' }, path: '/bland' }, { secrets: {}, sharedSecret });
    expect(event).toMatchObject({ verified: true, verification: 'shared-secret' });
    const wrong = await refusal(() => parseWebhook({ body, headers: { 'x-webhook-token': 'guess' }, path: '/bland' }, { secrets: {}, sharedSecret }));
    expect(wrong.reason).toBe('signature-mismatch');
    expect(`${wrong.message} ${inspect(wrong)}`).not.toContain('my-own-token');
  });
});
