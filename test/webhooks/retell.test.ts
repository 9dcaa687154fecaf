import { createHmac } from 'node:crypto';
import { sign as retellSdkSign, verify as retellSdkVerify } from 'retell-sdk';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError, VoiceplaneError, WebhookVerificationError, verifyRetellWebhook } from '../../src/webhooks/index.js';
import { WebhookVerificationError as RootWebhookVerificationError } from '../../src/index.js';

// Test vector built from Retell's documented scheme (docs.retellai.com/features/secure-webhook:
// header `v={timestamp},d={hex_digest}`, timestamp in Unix ms, digest = HMAC-SHA256 of the raw body
// followed by the timestamp, keyed with the API key), computed independently with Python's hmac:
//   hmac.new(key.encode(), (body + ts).encode('utf-8'), hashlib.sha256).hexdigest()
// The body carries accents: it is signed as UTF-8 bytes.
const apiKey = 'key_webhook_badge_0123456789';
const body = '{"event":"call_ended","call":{"call_id":"call_8f2a","transcript":"Agent: ¿Cómo está? User: Muy bien, señor."}}';
const signedAt = 1_714_000_000_000;
const digest = '24a63dfa9f590c2c38374d31fa4b318f0ba7882ad286ea4c579d50160a688220';
const signature = `v=${signedAt},d=${digest}`;
const headers = { 'content-type': 'application/json', 'x-retell-signature': signature };

/** Signs as Retell's SDK `sign()` does, for cases the fixed vector does not cover. */
const sign = (text: string, key: string, timestamp: number) =>
  `v=${timestamp},d=${createHmac('sha256', key).update(text + timestamp).digest('hex')}`;

async function refusal(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (caught) {
    return caught;
  }
  return expect.unreachable('the verification passed');
}

describe('verifyRetellWebhook accepts what Retell signs', () => {
  it('accepts the documented vector, as a string and as the bytes received, and says when it was signed', async () => {
    const asString = await verifyRetellWebhook({ body, headers, apiKey, now: signedAt + 1000 });
    expect(asString).toEqual({ provider: 'retell', timestamp: new Date(signedAt) });
    const asBuffer = await verifyRetellWebhook({ body: Buffer.from(body, 'utf8'), headers, apiKey, now: new Date(signedAt) });
    expect(asBuffer.timestamp).toEqual(new Date(signedAt));
    const asUint8Array = await verifyRetellWebhook({ body: new TextEncoder().encode(body), headers, apiKey, now: signedAt });
    expect(asUint8Array.provider).toBe('retell');
  });

  it('reads the header from a Fetch Headers object and whatever its case in a record', async () => {
    expect((await verifyRetellWebhook({ body, headers: new Headers(headers), apiKey, now: signedAt })).provider).toBe('retell');
    expect((await verifyRetellWebhook({ body, headers: { 'X-Retell-Signature': signature }, apiKey, now: signedAt })).provider).toBe('retell');
    expect((await verifyRetellWebhook({ body, headers: { 'x-retell-signature': [signature] }, apiKey, now: signedAt })).provider).toBe('retell');
  });

  it('accepts up to five minutes either way by default, and a chosen window', async () => {
    const fiveMinutes = 5 * 60 * 1000;
    await expect(verifyRetellWebhook({ body, headers, apiKey, now: signedAt + fiveMinutes })).resolves.toBeDefined();
    await expect(verifyRetellWebhook({ body, headers, apiKey, now: signedAt - fiveMinutes })).resolves.toBeDefined();
    await expect(verifyRetellWebhook({ body, headers, apiKey, now: signedAt + 60_000, toleranceMs: 60_000 })).resolves.toBeDefined();
  });

  it("accepts what Retell's SDK sign() produces at the current time", async () => {
    const now = Date.now();
    const text = '{"event":"call_started"}';
    expect((await verifyRetellWebhook({ body: text, headers: { 'x-retell-signature': sign(text, apiKey, now) }, apiKey })).timestamp).toEqual(
      new Date(now),
    );
  });
});

describe("verifyRetellWebhook and retell-sdk's own sign and verify", () => {
  it('accepts what retell-sdk signs, and agrees with retell-sdk verify on genuine and tampered bodies', async () => {
    const text = '{"event":"call_ended","call":{"call_id":"call_sdk"}}';
    const header = await retellSdkSign(text, apiKey);
    const signed = { 'x-retell-signature': header };
    expect((await verifyRetellWebhook({ body: text, headers: signed, apiKey })).provider).toBe('retell');
    expect(await retellSdkVerify(text, apiKey, header)).toBe(true);
    const tampered = text.replace('call_sdk', 'call_sdx');
    expect(await retellSdkVerify(tampered, apiKey, header)).toBe(false);
    expect(await refusal(() => verifyRetellWebhook({ body: tampered, headers: signed, apiKey }))).toMatchObject({ reason: 'signature-mismatch' });
  });
});

describe('verifyRetellWebhook refuses what Retell did not sign', () => {
  it.each([
    ['a body changed by one character', { body: body.replace('bien', 'bién') }],
    ['a body re-serialized from the parsed JSON', { body: JSON.stringify(JSON.parse(body), null, 1) }],
    ['another API key', { apiKey: 'key_without_the_webhook_badge' }],
    ['a digest of the body without the timestamp', { headers: { 'x-retell-signature': `v=${signedAt},d=${createHmac('sha256', apiKey).update(body).digest('hex')}` } }],
    ['a timestamp changed, digest kept', { headers: { 'x-retell-signature': `v=${signedAt + 1},d=${digest}` }, now: signedAt }],
  ])('%s: signature-mismatch', async (_case, change) => {
    const error = await refusal(() => verifyRetellWebhook({ body, headers, apiKey, now: signedAt, ...change }));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toBeInstanceOf(RootWebhookVerificationError);
    expect(error).toBeInstanceOf(VoiceplaneError);
    expect(error).toMatchObject({ reason: 'signature-mismatch', provider: 'retell', name: 'WebhookVerificationError' });
    expect((error as Error).message).toContain('webhook badge');
  });

  it.each([
    [5 * 60 * 1000 + 1, 'ago'],
    [-(5 * 60 * 1000 + 1), 'in the future'],
  ])('refuses a signature %i ms off the clock as timestamp-outside-tolerance', async (offset, words) => {
    const error = await refusal(() => verifyRetellWebhook({ body, headers, apiKey, now: signedAt + offset }));
    expect(error).toMatchObject({ reason: 'timestamp-outside-tolerance' });
    expect((error as Error).message).toContain(words);
  });

  it('checks the window before the digest: an old genuine request is still refused', async () => {
    const error = await refusal(() => verifyRetellWebhook({ body, headers, apiKey }));
    expect(error).toMatchObject({ reason: 'timestamp-outside-tolerance' });
  });

  it.each([
    ['no header', {}, 'missing-header'],
    ['an empty header', { 'x-retell-signature': '' }, 'missing-header'],
    ['the digest alone', { 'x-retell-signature': digest }, 'malformed-header'],
    ['seconds and digest swapped', { 'x-retell-signature': `d=${digest},v=${signedAt}` }, 'malformed-header'],
    ['a short digest', { 'x-retell-signature': `v=${signedAt},d=${digest.slice(2)}` }, 'malformed-header'],
    ['text after the digest', { 'x-retell-signature': `${signature},x=1` }, 'malformed-header'],
    ['two different values', { 'x-retell-signature': [signature, sign(body, apiKey, signedAt + 1)] }, 'malformed-header'],
  ])('refuses %s as %s', async (_case, requestHeaders, reason) => {
    const error = await refusal(() => verifyRetellWebhook({ body, headers: requestHeaders, apiKey, now: signedAt }));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ reason });
  });
});

describe('verifyRetellWebhook checks its options first, and never shows the key', () => {
  it.each([
    ['an empty key', { apiKey: '' }, 'options.apiKey is empty'],
    ['a key that is not a string', { apiKey: undefined }, 'options.apiKey must be a string'],
    ['a parsed body', { body: JSON.parse(body) as never }, 'options.body must be the raw request body'],
    ['no body', { body: undefined as never }, 'got undefined'],
    ['headers that are not an object', { headers: 'x-retell-signature' as never }, 'options.headers must be'],
    ['a negative window', { toleranceMs: -1 }, 'options.toleranceMs'],
    ['a clock that is not a time', { now: new Date('nonsense') }, 'options.now'],
  ])('%s is an InvalidRequestError', async (_case, change, words) => {
    const error = await refusal(() => verifyRetellWebhook({ body, headers, apiKey, now: signedAt, ...(change as object) }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).not.toBeInstanceOf(WebhookVerificationError);
    expect((error as Error).message).toContain(words);
  });

  it('keeps the key out of every refusal', async () => {
    const errors = [
      await refusal(() => verifyRetellWebhook({ body: 'tampered', headers, apiKey, now: signedAt })),
      await refusal(() => verifyRetellWebhook({ body, headers: {}, apiKey, now: signedAt })),
      await refusal(() => verifyRetellWebhook({ body: 42 as never, headers, apiKey })),
    ];
    for (const error of errors) {
      const shown = [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
      for (const text of shown) expect(text).not.toContain(apiKey);
    }
  });
});
