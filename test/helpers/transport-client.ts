import { inspect } from 'node:util';
import { expect } from 'vitest';
import { createClient, VoiceplaneError } from '../../src/index.js';
import { createRequestLog } from '../../src/core/transport/logger.js';
import { createLimiter } from '../../src/core/transport/pacer.js';
import { Transport, type TransportOptions } from '../../src/core/transport/transport.js';

/** The key of the transport suites: it must show up in no error. */
export const apiKey = 'sk_live_TRANSPORT_SECRET_0123456789';

/** A vox campaign as the platform sends it. */
export const campaign = { id: 'cmp_1', name: 'Renewals', status: 'ongoing', created_at: 1740787200000 };

export const clientFor = (url: string, options: { timeoutMs?: number; maxRetries?: number; maxResponseBytes?: number } = {}) =>
  createClient({ provider: 'vox', apiKey, baseUrl: url, ...options });

/** The error is a VoiceplaneError, and the key is in none of its renderings. */
export function expectNoKey(error: unknown): void {
  expect(error).toBeInstanceOf(VoiceplaneError);
  const shown = [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
  for (const text of shown) expect(text).not.toContain(apiKey);
}

/** The transport alone, as an adapter sees it, so that a test can hand it a reader, hook or header builder of its own. */
export function transportFor(baseUrl: string, overrides: Partial<TransportOptions> = {}): Transport {
  return new Transport({
    provider: 'vox',
    baseUrl,
    apiKey: () => apiKey,
    authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
    keyHint: 'options.apiKey or VOX_API_KEY',
    headers: {},
    timeoutMs: 5000,
    maxRetries: 0,
    maxResponseBytes: 1_000_000,
    fetch: undefined,
    errorDetail: () => null,
    pacer: createLimiter({}, 'vox'),
    log: createRequestLog({}, 'vox'),
    ...overrides,
  });
}
