import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, createClient, InternalServerError, InvalidRequestError, RateLimitError } from '../../src/index.js';
import { sandboxSeed, startSandbox, type Sandbox, type SandboxOptions } from '../../src/testing/index.js';
import { failureOf } from './use-sandbox.js';

const voxNumberId = (await sandboxSeed()).vox.phoneNumbers[0]!.id;

/** Runs `body` against a fresh sandbox and always closes it. */
async function withSandbox(options: SandboxOptions, body: (sandbox: Sandbox) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox(options);
  try {
    await body(sandbox);
  } finally {
    await sandbox.close();
  }
}

describe('startSandbox', () => {
  it('serves each platform under its own prefix on 127.0.0.1, with client options ready for createClient', async () => {
    await withSandbox({}, async (sandbox) => {
      expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
      expect(sandbox.port).toBeGreaterThan(0);
      expect(sandbox.clientOptions('vox')).toEqual({ provider: 'vox', apiKey: 'sandbox-vox-key', baseUrl: `${sandbox.url}/vox` });
      expect(sandbox.clientOptions('vogent')).toEqual({ provider: 'vogent', apiKey: 'sandbox-vogent-key', baseUrl: `${sandbox.url}/vogent` });
      expect(sandbox.clientOptions('numbers-assignment')).toEqual({
        provider: 'numbers-assignment',
        apiKey: 'sandbox-numbers-assignment-key',
        baseUrl: `${sandbox.url}/numbers-assignment`,
      });
      expect(sandbox.organizationId).toBe('org_sandbox');

      const response = await fetch(`${sandbox.url}/elsewhere`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ platforms: { vox: `${sandbox.url}/vox`, generic: `${sandbox.url}/generic` } });
    });
  });

  it('accepts the keys given in options and no other', async () => {
    await withSandbox({ apiKeys: { vox: 'my-vox-key' } }, async (sandbox) => {
      expect(sandbox.apiKeys.vox).toBe('my-vox-key');
      expect(sandbox.apiKeys.vogent).toBe('sandbox-vogent-key');
      expect((await createClient(sandbox.clientOptions('vox')).phoneNumbers.get(voxNumberId)).id).toBe(voxNumberId);
      const withDefault = createClient({ ...sandbox.clientOptions('vox'), apiKey: 'sandbox-vox-key' });
      expect(await failureOf(withDefault.phoneNumbers.get(voxNumberId))).toMatchObject({ status: 401 });
    });
  });

  it('records each request answered, without its headers, and counts per platform', async () => {
    await withSandbox({}, async (sandbox) => {
      await createClient(sandbox.clientOptions('vox')).phoneNumbers.list({ status: 'active', limit: 3 });
      await createClient(sandbox.clientOptions('generic')).phoneNumbers.list();
      expect(sandbox.requests).toEqual([
        {
          provider: 'vox',
          method: 'GET',
          path: '/v3/organization-telephone-numbers',
          query: { limit: ['3'], status: ['active'] },
          status: 200,
        },
        { provider: 'generic', method: 'GET', path: '/api/phone-numbers', query: {}, status: 200 },
      ]);
      expect(sandbox.requestCount()).toBe(2);
      expect(sandbox.requestCount('vox')).toBe(1);
      expect(sandbox.requestCount('vogent')).toBe(0);
      expect(JSON.stringify(sandbox.requests)).not.toContain('sandbox-vox-key');
      sandbox.reset();
      expect(sandbox.requests).toEqual([]);
    });
  });

  it('close() closes open connections, even one in the middle of a request, and frees the port for a new server', async () => {
    const sandbox = await startSandbox();
    const { port } = sandbox;
    // A kept-alive connection, and one whose request body is still coming: Node's server.close()
    // would wait for the second one until its request timeout (minutes), so close() must drop both.
    await createClient(sandbox.clientOptions('vox')).phoneNumbers.get(voxNumberId);
    const halfSent = connect(port, '127.0.0.1');
    await once(halfSent, 'connect');
    const dropped = once(halfSent, 'close');
    halfSent.write(
      'POST /numbers-assignment/numbers HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"phone',
    );
    // Give the server a moment to read the request head, so the connection is busy, not idle.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sandbox.close();
    await dropped;
    expect(sandbox.requests).toHaveLength(1);
    await sandbox.close();

    await withSandbox({ port }, async (again) => {
      expect(again.port).toBe(port);
      expect((await createClient(again.clientOptions('vox')).phoneNumbers.get(voxNumberId)).id).toBe(voxNumberId);
    });
  });

  it('refuses bad options, and a port in use, with an InvalidRequestError', async () => {
    await expect(startSandbox({ failureRate: 2 })).rejects.toThrow(InvalidRequestError);
    await expect(startSandbox({ latencyMs: -1 })).rejects.toThrow('latencyMs must be a number');
    await expect(startSandbox({ rateLimit: { every: 0 } })).rejects.toThrow('rateLimit.every');
    await expect(startSandbox({ port: 70_000 })).rejects.toThrow('port must be a whole number');
    await expect(startSandbox({ apiKeys: { voks: 'x' } as never })).rejects.toThrow('apiKeys has no platform voks');
    await expect(startSandbox({ organizationId: 'has space' })).rejects.toThrow('organizationId');
    await withSandbox({}, async (sandbox) => {
      const error = await failureOf(startSandbox({ port: sandbox.port }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toContain(`cannot listen on 127.0.0.1:${sandbox.port} (EADDRINUSE)`);
      expect(() => sandbox.clientOptions('nope' as never)).toThrow(InvalidRequestError);
    });
  });
});

describe('sandbox faults', () => {
  it('failureRate 1 answers every request with a 500 in the platform envelope', async () => {
    await withSandbox({ failureRate: 1 }, async (sandbox) => {
      const client = createClient({ ...sandbox.clientOptions('vox'), maxRetries: 0 });
      const error = await failureOf(client.phoneNumbers.get(voxNumberId));
      expect(error).toBeInstanceOf(InternalServerError);
      expect((error as InternalServerError).body).toEqual({
        error: { code: 'internal_error', message: 'Internal server error (sandbox failureRate).' },
      });
      expect(sandbox.requests.map((request) => request.status)).toEqual([500]);
    });
  });

  it('draws failures from the seed: the same seed fails the same requests', async () => {
    const statusesWith = async (seed: number) => {
      const sandbox = await startSandbox({ failureRate: 0.5, seed });
      const client = createClient({ ...sandbox.clientOptions('vogent'), maxRetries: 0 });
      for (let attempt = 0; attempt < 24; attempt += 1) await client.phoneNumbers.list({ limit: 1 }).catch(() => undefined);
      await sandbox.close();
      return sandbox.requests.map((request) => request.status);
    };
    const first = await statusesWith(7);
    expect(await statusesWith(7)).toEqual(first);
    expect(await statusesWith(8)).not.toEqual(first);
    const failures = first.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(20);
  });

  it('rateLimit answers 429 with Retry-After, which the client reports as retryAfterMs', async () => {
    await withSandbox({ rateLimit: { every: 1, retryAfterSeconds: 2 } }, async (sandbox) => {
      const client = createClient({ ...sandbox.clientOptions('generic'), maxRetries: 0 });
      const error = await failureOf(client.phoneNumbers.list());
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(2_000);
      expect((error as RateLimitError).body).toMatchObject({ success: false, error: { code: 'RATE_LIMITED' } });
    });
  });

  it('rateLimit every n limits every n-th request of a platform; a client that retries gets through', async () => {
    await withSandbox({ rateLimit: { every: 3, retryAfterSeconds: 0 } }, async (sandbox) => {
      const client = createClient(sandbox.clientOptions('vox'));
      for (let call = 0; call < 3; call += 1) await client.phoneNumbers.get(voxNumberId);
      await createClient(sandbox.clientOptions('vogent')).phoneNumbers.list({ limit: 1 });
      expect(sandbox.requests.map((request) => `${request.provider} ${request.status}`)).toEqual([
        'vox 200',
        'vox 200',
        'vox 429',
        'vox 200',
        'vogent 200',
      ]);
    });
  });

  it('latencyMs delays every answer by at least that long', async () => {
    await withSandbox({ latencyMs: 150 }, async (sandbox) => {
      const started = performance.now();
      await createClient(sandbox.clientOptions('vox')).phoneNumbers.get(voxNumberId);
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    });
  });

  it('latencyMs beyond the client timeout is an APIConnectionTimeoutError, and the sandbox goes on serving', async () => {
    await withSandbox({ latencyMs: 300 }, async (sandbox) => {
      const impatient = createClient({ ...sandbox.clientOptions('vox'), timeoutMs: 50, maxRetries: 0 });
      expect(await failureOf(impatient.phoneNumbers.get(voxNumberId))).toBeInstanceOf(APIConnectionTimeoutError);
      sandbox.setFaults({});
      expect((await createClient(sandbox.clientOptions('vox')).phoneNumbers.get(voxNumberId)).id).toBe(voxNumberId);
    });
  });

  it('setFaults() changes the faults of a running sandbox', async () => {
    await withSandbox({}, async (sandbox) => {
      const client = createClient({ ...sandbox.clientOptions('vox'), maxRetries: 0 });
      sandbox.setFaults({ failureRate: 1 });
      expect(await failureOf(client.phoneNumbers.get(voxNumberId))).toBeInstanceOf(InternalServerError);
      sandbox.setFaults({});
      expect((await client.phoneNumbers.get(voxNumberId)).id).toBe(voxNumberId);
      expect(() => sandbox.setFaults({ failureRate: -0.1 })).toThrow(InvalidRequestError);
    });
  });
});
