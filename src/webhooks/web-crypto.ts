import { VoiceplaneError } from '../core/errors.js';

// The cryptography of the verifiers, on Web Crypto (`globalThis.crypto.subtle`) alone: Node 20+,
// Bun, Deno, edge runtimes (Workers, Vercel Edge) and browser bundles all have it, while
// `node:crypto` exists only where Node's modules are emulated. Bytes are decoded here too, without
// Node's `Buffer`.

/** The hash functions the platforms sign with. */
export type HmacAlgorithm = 'sha256' | 'sha512' | 'sha1';

const webCryptoHash: Record<HmacAlgorithm, string> = { sha256: 'SHA-256', sha512: 'SHA-512', sha1: 'SHA-1' };

function webCrypto(provider: string): Crypto {
  const found = (globalThis as { crypto?: Crypto }).crypto;
  if (found?.subtle === undefined) {
    throw new VoiceplaneError(
      'Webhook verification needs the Web Crypto API (globalThis.crypto.subtle), which this runtime lacks: ' +
        'use Node 20 or later, Bun, Deno, an edge runtime, or a browser in a secure context.',
      { provider },
    );
  }
  return found;
}

/** The HMAC of `data` under `key` with `algorithm`. */
export async function hmac(provider: string, algorithm: HmacAlgorithm, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const { subtle } = webCrypto(provider);
  const imported = await subtle.importKey('raw', ownBuffer(key), { name: 'HMAC', hash: webCryptoHash[algorithm] }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', imported, ownBuffer(data)));
}

/** The bytes over a plain `ArrayBuffer`, as Web Crypto takes them (a view of shared memory is copied). */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/**
 * Whether two byte strings are equal, in time that depends on their lengths only: every byte of
 * the longer one is visited whatever the other holds, and a difference in length does not end the
 * loop early.
 */
export function constantTimeEqual(expected: Uint8Array, received: Uint8Array): boolean {
  const length = Math.max(expected.length, received.length);
  let difference = expected.length ^ received.length;
  for (let index = 0; index < length; index++) {
    difference |= (expected[index] ?? 0) ^ (received[index] ?? 0);
  }
  return difference === 0;
}

/**
 * Whether a token sent verbatim equals the configured one, without its length showing in the
 * time taken: both are first hashed (HMAC-SHA256 under a fresh random key, so neither digest can be
 * precomputed), and the two 32-byte digests are compared in constant time.
 */
export async function tokensEqual(provider: string, expected: string, received: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const key = webCrypto(provider).getRandomValues(new Uint8Array(32));
  const [expectedDigest, receivedDigest] = await Promise.all([
    hmac(provider, 'sha256', key, encoder.encode(expected)),
    hmac(provider, 'sha256', key, encoder.encode(received)),
  ]);
  return constantTimeEqual(expectedDigest, receivedDigest);
}

/** Hex digits (an even number of them, checked by the caller) as bytes. */
export function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++) bytes[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/** Base64 (standard alphabet, padding optional) as bytes; `null` when the text is not base64. */
export function base64Bytes(text: string): Uint8Array | null {
  if (!base64Pattern.test(text)) return null;
  const binary = atob(text.padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}
