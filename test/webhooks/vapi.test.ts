import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  InvalidRequestError,
  WebhookVerificationError,
  verifyVapiHmacWebhook,
  verifyVapiWebhook,
  type VerifyVapiHmacWebhookOptions,
} from '../../src/webhooks/index.js';

async function refusal(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (caught) {
    return caught;
  }
  return expect.unreachable('the verification passed');
}

function expectSecretHidden(error: unknown, secret: string): void {
  const shown = [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
  for (const text of shown) expect(text).not.toContain(secret);
}

describe('verifyVapiWebhook: the token Vapi sends verbatim', () => {
  const secret = 'vapi_server_secret_7f3a';

  it('accepts the legacy x-vapi-secret header, whatever its case, from a record or Headers', async () => {
    expect(await verifyVapiWebhook({ headers: { 'x-vapi-secret': secret }, secret })).toEqual({ provider: 'vapi', timestamp: null });
    expect((await verifyVapiWebhook({ headers: { 'X-Vapi-Secret': secret }, secret })).provider).toBe('vapi');
    expect((await verifyVapiWebhook({ headers: new Headers({ 'X-Vapi-Secret': secret }), secret })).provider).toBe('vapi');
  });

  it('accepts a Bearer Token credential in Authorization, or in a header of its own', async () => {
    const bearer = { headerName: 'authorization', bearerPrefix: true } as const;
    expect((await verifyVapiWebhook({ headers: { authorization: `Bearer ${secret}` }, secret, ...bearer })).provider).toBe('vapi');
    expect((await verifyVapiWebhook({ headers: { 'x-my-auth': secret }, secret, headerName: 'X-My-Auth' })).provider).toBe('vapi');
  });

  it.each([
    ['another token', { 'x-vapi-secret': 'vapi_server_secret_7f3b' }, {}, 'signature-mismatch'],
    ['the token with a suffix', { 'x-vapi-secret': `${secret}x` }, {}, 'signature-mismatch'],
    ['no header', { 'x-vapi-signature': secret }, {}, 'missing-header'],
    ['Authorization without Bearer', { authorization: secret }, { headerName: 'authorization', bearerPrefix: true }, 'malformed-header'],
    ['Bearer and another token', { authorization: 'Bearer nope' }, { headerName: 'authorization', bearerPrefix: true }, 'signature-mismatch'],
  ])('refuses %s (%s)', async (_case, headers, extra, reason) => {
    const error = await refusal(() => verifyVapiWebhook({ headers, secret, ...extra }));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ reason, provider: 'vapi' });
    expectSecretHidden(error, secret);
  });

  it('refuses an empty secret and an empty header name before reading the request', async () => {
    expect(await refusal(() => verifyVapiWebhook({ headers: { 'x-vapi-secret': '' }, secret: '' }))).toBeInstanceOf(InvalidRequestError);
    expect(await refusal(() => verifyVapiWebhook({ headers: {}, secret, headerName: ' ' }))).toBeInstanceOf(InvalidRequestError);
  });
});

// Vectors for the HMAC credential, built from Vapi's HMACAuthenticationPlan (defaults: header
// x-signature, timestamp header x-timestamp, payload "{timestamp}.{body}", hex), computed
// independently with Python's hmac module.
describe('verifyVapiHmacWebhook: a request signed by an HMAC credential', () => {
  const secret = 'vapi_hmac_secret_abc';
  const body = '{"message":{"type":"end-of-call-report","call":{"id":"c_1"}}}';
  const seconds = 1_714_000_000;
  const base: VerifyVapiHmacWebhookOptions = {
    body,
    secret,
    algorithm: 'sha256',
    headers: { 'x-signature': '1020d2eee0341afc723a9d25dada664ffbd4c7cf55c40fc363e092590711fb18', 'x-timestamp': String(seconds) },
    now: seconds * 1000 + 2000,
  };

  it('accepts the defaults vector, reading the timestamp in seconds, as a string and as bytes', async () => {
    expect(await verifyVapiHmacWebhook(base)).toEqual({ provider: 'vapi', timestamp: new Date(seconds * 1000) });
    expect((await verifyVapiHmacWebhook({ ...base, body: Buffer.from(body) })).provider).toBe('vapi');
  });

  it('accepts sha512 in base64 behind a prefix, with no timestamp (payload {body})', async () => {
    const signature = 'sha512=4RfGjyLefCh+pN+Vb/hAGgZhFTsRXvlT/NnVMdatF1dvhBBz5ngnjcIcRVRm61beppaxxA4SFlggxbyPBlr+GQ==';
    const options: VerifyVapiHmacWebhookOptions = {
      ...base,
      algorithm: 'sha512',
      signatureEncoding: 'base64',
      signaturePrefix: 'sha512=',
      includeTimestamp: false,
      headers: { 'x-vapi-signature': signature },
      signatureHeader: 'x-vapi-signature',
      now: 0,
    };
    expect(await verifyVapiHmacWebhook(options)).toEqual({ provider: 'vapi', timestamp: null });
  });

  it('accepts a Svix-style payload with a base64 secret and a message id header', async () => {
    const options: VerifyVapiHmacWebhookOptions = {
      ...base,
      secret: 'c3ZpeC1saWtlLXJhdy1rZXktYnl0ZXM=',
      secretIsBase64: true,
      signatureEncoding: 'base64',
      payloadFormat: '{svix-id}.{timestamp}.{body}',
      messageIdHeader: 'svix-id',
      headers: { 'svix-id': 'msg_2Lh', 'x-timestamp': String(seconds), 'x-signature': '4Wa6X0GA2zqT7E2xaGS46sre8a/mka/ED6ylZysboik=' },
    };
    expect((await verifyVapiHmacWebhook(options)).timestamp).toEqual(new Date(seconds * 1000));
    expect(await refusal(() => verifyVapiHmacWebhook({ ...options, headers: { ...options.headers, 'svix-id': 'msg_other' } }))).toMatchObject({
      reason: 'signature-mismatch',
    });
  });

  it('accepts a format with method and URL, sha1 hex', async () => {
    const options: VerifyVapiHmacWebhookOptions = {
      ...base,
      algorithm: 'sha1',
      payloadFormat: '{method} {url} {timestamp} {body}',
      method: 'POST',
      url: 'https://example.com/hook',
      headers: { 'x-signature': '86ce2c353b2c84fa16d27381805279d57aa44f39', 'x-timestamp': String(seconds) },
    };
    expect((await verifyVapiHmacWebhook(options)).provider).toBe('vapi');
    expect(await refusal(() => verifyVapiHmacWebhook({ ...options, url: 'https://example.com/other' }))).toMatchObject({
      reason: 'signature-mismatch',
    });
  });

  it('reads a millisecond or ISO 8601 timestamp, and checks it against the window', async () => {
    const now = Date.now();
    const sign = (timestamp: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    for (const timestamp of [String(now), new Date(now).toISOString()]) {
      const headers = { 'x-signature': sign(timestamp), 'x-timestamp': timestamp };
      expect((await verifyVapiHmacWebhook({ ...base, headers, now: undefined })).timestamp?.getTime()).toBe(now);
    }
  });

  it.each([
    ['a changed body', { body: body.replace('c_1', 'c_2') }, 'signature-mismatch'],
    ['another secret', { secret: 'vapi_hmac_secret_abd' }, 'signature-mismatch'],
    ['another algorithm', { algorithm: 'sha512' as const }, 'signature-mismatch'],
    ['a stale timestamp', { now: (seconds + 301) * 1000 }, 'timestamp-outside-tolerance'],
    ['no timestamp header', { headers: { 'x-signature': 'ab' } }, 'missing-header'],
    ['no signature header', { headers: { 'x-timestamp': String(seconds) } }, 'missing-header'],
    ['a timestamp that is not one', { headers: { 'x-signature': 'ab', 'x-timestamp': 'yesterday' } }, 'malformed-header'],
    ['a signature that is not hex', { headers: { 'x-signature': 'zz', 'x-timestamp': String(seconds) } }, 'malformed-header'],
    ['a missing prefix', { signaturePrefix: 'sha256=' }, 'malformed-header'],
  ])('refuses %s (%s)', async (_case, change, reason) => {
    const error = await refusal(() => verifyVapiHmacWebhook({ ...base, ...change }));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ reason, provider: 'vapi' });
    expectSecretHidden(error, secret);
  });

  it.each([
    ['an empty secret', { secret: '' }, 'options.secret is empty'],
    ['no algorithm', { algorithm: undefined as never }, 'options.algorithm must be one of sha256, sha512, sha1'],
    ['an unknown encoding', { signatureEncoding: 'hexadecimal' as never }, 'options.signatureEncoding'],
    ['a parsed body', { body: { message: {} } as never }, 'raw request body'],
    ['{url} without options.url', { payloadFormat: '{timestamp}.{url}.{body}' }, 'options.url is required'],
    ['{svix-id} without options.messageIdHeader', { payloadFormat: '{svix-id}.{timestamp}.{body}' }, 'options.messageIdHeader is required'],
    ['an empty payload format', { payloadFormat: '' }, 'options.payloadFormat'],
  ])('refuses %s as an InvalidRequestError', async (_case, change, words) => {
    const error = await refusal(() => verifyVapiHmacWebhook({ ...base, ...change }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain(words);
    expectSecretHidden(error, secret);
  });
});
