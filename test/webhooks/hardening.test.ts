import { createHmac } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  InvalidRequestError,
  verifyRetellWebhook,
  verifyVapiHmacWebhook,
  verifyVapiWebhook,
} from '../../src/webhooks/index.js';

// What a hostile review found in the verifiers: a timestamp treated as signed when the payload
// format does not sign it, a base64 secret that decodes to no key, a token compare whose time
// showed the length, a TypeError for a missing options object, an offsetless ISO time read in the
// server's zone, and node:crypto where edge runtimes and browsers have only Web Crypto.

const body = '{"message":{"type":"end-of-call-report","call":{"id":"c_1"}}}';
const secret = 'vapi_hmac_secret_abc';
const hmacHex = (key: string | Buffer, text: string, algorithm = 'sha256') => createHmac(algorithm, key).update(text).digest('hex');

async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (caught) {
    return caught;
  }
  return expect.unreachable('the verification passed');
}

describe('Vapi HMAC: a timestamp is checked only where it is signed', () => {
  const now = Date.now();
  const dayOld = now - 86_400_000;

  it('refuses includeTimestamp (the default) with a payload format without {timestamp}: a day-old request with a fresh x-timestamp does not pass', async () => {
    // Captured a day ago: the signature covers the body alone, the replayer sets x-timestamp to now.
    const headers = { 'x-signature': hmacHex(secret, body), 'x-timestamp': String(Math.floor(now / 1000)) };
    for (const includeTimestamp of [undefined, true]) {
      const error = await refusal(() => verifyVapiHmacWebhook({ body, headers, secret, algorithm: 'sha256', payloadFormat: '{body}', includeTimestamp, now }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toContain('does not sign {timestamp}');
      expect((error as Error).message).toContain('includeTimestamp: false');
    }
  });

  it('with includeTimestamp: false and such a format, accepts the body signature but claims no signing time', async () => {
    const headers = { 'x-signature': hmacHex(secret, body), 'x-timestamp': String(Math.floor(dayOld / 1000)) };
    const verified = await verifyVapiHmacWebhook({ body, headers, secret, algorithm: 'sha256', payloadFormat: '{body}', includeTimestamp: false, now });
    expect(verified).toEqual({ provider: 'vapi', timestamp: null });
  });

  it('still refuses a day-old timestamp that the format signs', async () => {
    const timestamp = String(Math.floor(dayOld / 1000));
    const headers = { 'x-signature': hmacHex(secret, `${timestamp}.${body}`), 'x-timestamp': timestamp };
    const error = await refusal(() => verifyVapiHmacWebhook({ body, headers, secret, algorithm: 'sha256', now }));
    expect(error).toMatchObject({ reason: 'timestamp-outside-tolerance' });
  });
});

describe('Vapi HMAC: a base64 secret must decode to a key', () => {
  const seconds = 1_714_000_000;
  const timestamp = String(seconds);

  it.each([
    ['padding only', '===='],
    ['no base64 at all', '!!!!'],
    ['a lone character', 'A'],
  ])('refuses %s (%j) instead of signing with an empty key anyone can use', async (_case, badSecret) => {
    // What an attacker signs with when the key is empty.
    const headers = { 'x-signature': hmacHex(Buffer.alloc(0), `${timestamp}.${body}`), 'x-timestamp': timestamp };
    const error = await refusal(() =>
      verifyVapiHmacWebhook({ body, headers, secret: badSecret, secretIsBase64: true, algorithm: 'sha256', now: seconds * 1000 }),
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/options\.secret is not base64 that decodes to a key/);
  });
});

describe('verifyVapiWebhook: the token compare', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hashes both tokens to equal-length digests before comparing, so a short token does not end the compare early', async () => {
    const sign = vi.spyOn(globalThis.crypto.subtle, 'sign');
    const configured = 'vapi_server_secret_7f3a';
    for (const sent of ['v', configured.slice(0, -1), `${configured}-and-more`]) {
      sign.mockClear();
      const error = await refusal(() => verifyVapiWebhook({ headers: { 'x-vapi-secret': sent }, secret: configured }));
      expect(error).toMatchObject({ reason: 'signature-mismatch' });
      // One HMAC of the configured token and one of the received token, each 32 bytes, whatever the length sent.
      expect(sign).toHaveBeenCalledTimes(2);
      const digests = await Promise.all(sign.mock.results.map((result) => result.value as Promise<ArrayBuffer>));
      expect(digests.map((digest) => digest.byteLength)).toEqual([32, 32]);
    }
    sign.mockClear();
    await expect(verifyVapiWebhook({ headers: { 'x-vapi-secret': configured }, secret: configured })).resolves.toEqual({ provider: 'vapi', timestamp: null });
  });
});

describe('a verifier called without its options', () => {
  it.each([
    ['verifyRetellWebhook', () => verifyRetellWebhook(undefined as never)],
    ['verifyVapiWebhook', () => verifyVapiWebhook(undefined as never)],
    ['verifyVapiHmacWebhook', () => verifyVapiHmacWebhook(null as never)],
    ['verifyRetellWebhook', () => verifyRetellWebhook('body' as never)],
  ])('%s rejects with an InvalidRequestError, not a TypeError', async (name, run) => {
    const error = await refusal(run);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(`${name} takes one options object`);
  });
});

describe('Vapi HMAC: an ISO 8601 timestamp without an offset', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is read as UTC, not in the time zone of the server', async () => {
    process.env.TZ = 'America/Los_Angeles';
    const signedAt = Date.UTC(2026, 3, 25, 0, 6, 40);
    const timestamp = '2026-04-25T00:06:40';
    const headers = { 'x-signature': hmacHex(secret, `${timestamp}.${body}`), 'x-timestamp': timestamp };
    const verified = await verifyVapiHmacWebhook({ body, headers, secret, algorithm: 'sha256', now: signedAt + 1000 });
    expect(verified.timestamp).toEqual(new Date(signedAt));
  });
});

describe('the verifiers on Web Crypto alone', () => {
  it('bundle for the browser with no node: module, and verify in a context that has only Web Crypto', async () => {
    const result = await build({
      entryPoints: ['src/webhooks/index.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'webhooks',
      platform: 'browser',
      metafile: true,
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((entry) => entry.path));
    expect(imports.filter((path) => path.startsWith('node:'))).toEqual([]);
    const code = result.outputFiles[0]!.text;

    // A realm like an edge runtime's: Web Crypto, TextEncoder, atob, Headers; no require, process or Buffer.
    const apiKey = 'key_webhook_badge_edge';
    const signedAt = Date.now();
    const signature = `v=${signedAt},d=${hmacHex(apiKey, body + signedAt)}`;
    const sandbox = { crypto: globalThis.crypto, TextEncoder, atob, Headers, Date, Promise, result: undefined as unknown };
    runInNewContext(
      `${code};
      result = Promise.all([
        webhooks.verifyRetellWebhook({ body: ${JSON.stringify(body)}, headers: new Headers({ 'x-retell-signature': ${JSON.stringify(signature)} }), apiKey: ${JSON.stringify(apiKey)} }),
        webhooks.verifyRetellWebhook({ body: 'tampered', headers: { 'x-retell-signature': ${JSON.stringify(signature)} }, apiKey: ${JSON.stringify(apiKey)} }).catch((error) => error.reason),
        webhooks.verifyVapiWebhook({ headers: { 'x-vapi-secret': 'edge' }, secret: 'edge' }),
      ]);`,
      sandbox,
    );
    const [retell, tampered, vapi] = (await sandbox.result) as [{ provider: string; timestamp: Date }, string, { provider: string }];
    expect(retell.provider).toBe('retell');
    expect(retell.timestamp.getTime()).toBe(signedAt);
    expect(tampered).toBe('signature-mismatch');
    expect(vapi.provider).toBe('vapi');
  });
});
