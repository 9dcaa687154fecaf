import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { defineProvider } from '../../src/provider.js';
import { voxProvider } from '../../src/providers/vox/index.js';
import { sandboxSeed, startSandbox, type Sandbox } from '../../src/testing/index.js';

// docs/adding-a-platform.md, followed: a provider registered through the public defineProvider alone
// (no file of the SDK touched), served by its sandbox double and listed through createClient.

const acme = defineProvider({ ...voxProvider, id: 'acme' as string, environmentPrefix: 'ACME' });

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ providers: [acme] });
});
afterAll(() => sandbox.close());

describe('a provider of your own, through defineProvider', () => {
  it('is served by the sandbox under its own id and lists every number of its double, page after page', async () => {
    const options = sandbox.clientOptions('acme');
    expect(options.baseUrl).toBe(`${sandbox.url}/acme`);
    const client = createClient({ ...options, provider: acme });
    expect(client.provider).toBe('acme');
    const ids: string[] = [];
    for await (const number of client.phoneNumbers.list({ limit: 40 })) ids.push(number.id);
    // The copy of vox lists every number in every status: one listing per status, chained.
    const numbers = (await sandboxSeed()).vox.phoneNumbers;
    expect(ids.sort()).toEqual(numbers.map((number) => number.id).sort());
    expect(sandbox.requests.every((request) => request.provider === ('acme' as never) && request.status === 200)).toBe(true);
    const pagesPerStatus = ['active', 'scheduled', 'cancel_requested', 'expired'].map((status) =>
      Math.ceil(numbers.filter((number) => number.status === status).length / 40),
    );
    // Each status's pages, and one item of each status but the first, asked for the total at the start.
    expect(sandbox.requests.length).toBe(pagesPerStatus.reduce((sum, pages) => sum + pages, 0) + 3);
  });

  it('clientOptions names it by its definition, so createClient takes them as they are', async () => {
    const client = createClient(sandbox.clientOptions('acme'));
    expect(client.provider).toBe('acme');
    expect((await client.phoneNumbers.list!({ status: 'active', limit: 5 })).items).toHaveLength(5);
  });

  it('reads its key from its own environment prefix and refuses what the definition does not offer', async () => {
    const client = createClient({ provider: acme, baseUrl: sandbox.baseUrl('acme') });
    await expect(client.phoneNumbers.get('x')).rejects.toThrow('acme: no API key. Pass apiKey to createClient, or set ACME_API_KEY.');
    // @ts-expect-error the definition offers no delete, so its typed client has none; a JavaScript caller gets the error below
    await expect(client.phoneNumbers.delete('x')).rejects.toThrow('acme does not offer phoneNumbers.delete');
  });

  it('is asked for its auth headers at every request, so it may sign each one', async () => {
    let signed = 0;
    const signing = defineProvider({
      ...voxProvider,
      id: 'acme-signed' as string,
      environmentPrefix: 'ACME_SIGNED',
      authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}`, 'x-signature': `sig-${++signed}` }),
    });
    const seen: string[] = [];
    const client = createClient({
      provider: signing,
      apiKey: 'acme-key',
      baseUrl: 'https://acme.example',
      fetch: async (_url, init) => {
        seen.push(init.headers['x-signature']!);
        return new Response(JSON.stringify({ id: 'c1', name: 'Spring' }), { headers: { 'content-type': 'application/json' } });
      },
    });
    await client.campaigns.get('c1');
    await client.campaigns.get('c2');
    expect(seen).toEqual(['sig-1', 'sig-2']);
  });

  it('is refused by a sandbox that was not given it', () => {
    expect(() => sandbox.clientOptions('vox' as never)).toThrow('sandbox: no platform "vox"; use acme.');
  });
});

describe('the contract version', () => {
  it('refuses a definition written for another version of the provider contract, before any request', () => {
    const other = { ...voxProvider, id: 'acme-old', specificationVersion: 0 } as unknown as typeof voxProvider;
    expect(() => createClient({ provider: other, apiKey: 'k' })).toThrow(
      'acme-old: the provider definition is written for contract version 0, this SDK implements version 1',
    );
  });
});
