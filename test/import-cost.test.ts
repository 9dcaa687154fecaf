import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture } from './helpers/fixtures.js';
import { http, HttpResponse, server, useMsw } from './helpers/msw.js';

// Importing the SDK must only define things: every zod schema is built at its first use, and the
// environment is read when a client is made or a request is sent, never at import.

const zodCalls = vi.hoisted(() => ({ count: 0 }));

vi.mock('zod/mini', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>();
  const counted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(actual)) {
    // Schema factories (object, string, array, ...) are the lower-case functions; classes stay as they are.
    const isFactory = typeof value === 'function' && /^[a-z]/.test(name);
    counted[name] = isFactory
      ? (...args: unknown[]) => {
          zodCalls.count++;
          return (value as (...args: unknown[]) => unknown)(...args);
        }
      : value;
  }
  return counted;
});

useMsw();

const sourceFrame = /[\\/]src[\\/][^\s]*\.ts/;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('importing the SDK', () => {
  it('builds no schema and reads no environment variable, until a client is used', async () => {
    const environment = process.env;
    const reads: string[] = [];
    process.env = new Proxy(environment, {
      get(target, name, receiver) {
        if (typeof name === 'string' && sourceFrame.test(new Error().stack ?? '')) reads.push(name);
        return Reflect.get(target, name, receiver);
      },
    });
    let entries: Record<string, unknown>[];
    try {
      entries = await Promise.all([
        import('../src/index.js'),
        import('../src/providers/vox/entry.js'),
        import('../src/providers/vogent/entry.js'),
        import('../src/providers/generic/entry.js'),
        import('../src/providers/numbers-assignment/entry.js'),
      ]);
    } finally {
      process.env = environment;
    }
    expect(entries.every((entry) => Object.keys(entry).length > 0)).toBe(true);
    expect(zodCalls.count).toBe(0);
    expect(reads).toEqual([]);

    // The same counters see the work once it is asked for, so the zeros above mean something.
    vi.stubEnv('VOX_API_KEY', 'key_from_env');
    server.use(
      http.get('https://client-api.tryvox.co/v3/organization-telephone-numbers', () =>
        HttpResponse.json(fixture('vox', 'phone-numbers-page-1')),
      ),
    );
    const { createVoxClient } = await import('../src/providers/vox/entry.js');
    const page = await createVoxClient().phoneNumbers.list();
    expect(page.items).toHaveLength(2);
    expect(zodCalls.count).toBeGreaterThan(0);
  });
});
