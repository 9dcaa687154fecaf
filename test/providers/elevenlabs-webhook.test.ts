import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError, verifyElevenLabsWebhook, WebhookVerificationError } from '../../src/webhooks/index.js';

// ElevenLabs-Signature: t=<unix seconds>,v0=hex(HMAC-SHA256(secret, "<t>.<raw body>")).

const secret = 'wsec_test_0123456789';
const body = '{"type":"post_call_transcription","data":{"conversation_id":"conv_1"}}';
const now = 1_719_792_000_000;
const sign = (t: number, text = body, key = secret) => `t=${t},v0=${createHmac('sha256', key).update(`${t}.${text}`).digest('hex')}`;
const t = now / 1000;

describe('verifyElevenLabsWebhook', () => {
  it('accepts a signature over the raw body and returns when it was signed', async () => {
    const verified = await verifyElevenLabsWebhook({ body, headers: { 'ElevenLabs-Signature': sign(t) }, secret, now });
    expect(verified).toEqual({ provider: 'elevenlabs', timestamp: new Date(now) });
    const bytes = new TextEncoder().encode(body);
    await expect(verifyElevenLabsWebhook({ body: bytes, headers: new Headers({ 'elevenlabs-signature': sign(t) }), secret, now })).resolves.toBeTruthy();
  });

  it('refuses a wrong secret, a changed body, a malformed or missing header', async () => {
    const reason = (promise: Promise<unknown>) => promise.then(() => null, (error: WebhookVerificationError) => error.reason);
    expect(await reason(verifyElevenLabsWebhook({ body, headers: { 'elevenlabs-signature': sign(t, body, 'other') }, secret, now }))).toBe('signature-mismatch');
    expect(await reason(verifyElevenLabsWebhook({ body: `${body} `, headers: { 'elevenlabs-signature': sign(t) }, secret, now }))).toBe('signature-mismatch');
    expect(await reason(verifyElevenLabsWebhook({ body, headers: { 'elevenlabs-signature': 'v0=abc' }, secret, now }))).toBe('malformed-header');
    expect(await reason(verifyElevenLabsWebhook({ body, headers: {}, secret, now }))).toBe('missing-header');
  });

  it('refuses a t older than 30 minutes or more than 5 minutes ahead, and accepts the edges', async () => {
    const check = (signedAt: number) => verifyElevenLabsWebhook({ body, headers: { 'elevenlabs-signature': sign(signedAt) }, secret, now });
    await expect(check(t - 30 * 60)).resolves.toBeTruthy();
    await expect(check(t - 30 * 60 - 1)).rejects.toMatchObject({ reason: 'timestamp-outside-tolerance' });
    await expect(check(t + 5 * 60)).resolves.toBeTruthy();
    await expect(check(t + 5 * 60 + 1)).rejects.toMatchObject({ reason: 'timestamp-outside-tolerance' });
  });

  it('refuses a parsed body and an empty secret, never showing the secret', async () => {
    await expect(verifyElevenLabsWebhook({ body: JSON.parse(body), headers: { 'elevenlabs-signature': sign(t) }, secret, now })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(verifyElevenLabsWebhook({ body, headers: { 'elevenlabs-signature': sign(t) }, secret: ' ', now })).rejects.toBeInstanceOf(InvalidRequestError);
    const error = await verifyElevenLabsWebhook({ body, headers: { 'elevenlabs-signature': sign(t, body, 'x') }, secret, now }).catch((caught: Error) => caught);
    expect(JSON.stringify(error) + String(error)).not.toContain(secret);
  });
});
