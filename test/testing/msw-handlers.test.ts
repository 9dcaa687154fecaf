import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClient, InternalServerError, InvalidRequestError, RateLimitError } from '../../src/index.js';
import { providers } from '../../src/providers/registry.js';
import { sandboxProviders, sandboxSeed, startSandbox } from '../../src/testing/index.js';
import { createSandboxHandlers, defaultSandboxBaseUrls } from '../../src/testing/msw.js';
import { http, passthrough } from 'msw';
import { server, useMsw } from '../helpers/msw.js';
import { collect, failureOf } from './use-sandbox.js';

useMsw();
const seed = await sandboxSeed();

describe('createSandboxHandlers', () => {
  it('intercepts each platform at the base URL its client uses by default, or a .sandbox.test host', () => {
    expect(sandboxProviders).toEqual(Object.keys(providers));
    // The platform's own address where it publishes one, else a .sandbox.test host.
    expect(defaultSandboxBaseUrls).toEqual(
      Object.fromEntries(
        Object.entries(providers).map(([id, definition]) => [id, definition.defaultBaseUrl ?? `https://${id}.sandbox.test`]),
      ),
    );
    expect(defaultSandboxBaseUrls.generic).toBe('https://generic.sandbox.test');
    expect(defaultSandboxBaseUrls['numbers-assignment']).toBe('https://numbers-assignment.sandbox.test');
    expect(defaultSandboxBaseUrls.vox).toBe('https://client-api.tryvox.co');
    expect(defaultSandboxBaseUrls.vogent).toBe('https://api.vogent.ai/api');
  });

  it('answers every platform at its default base URL, through createClient', async () => {
    const sandbox = createSandboxHandlers();
    server.use(...sandbox.handlers);
    expect(sandbox.baseUrls).toEqual(defaultSandboxBaseUrls);
    // vox and vogent at their real hosts: a client without baseUrl reaches the handlers.
    const vox = createClient({ provider: 'vox', apiKey: sandbox.apiKeys.vox });
    expect(await collect(vox.phoneNumbers.list({ limit: 100 }))).toHaveLength(230);
    const vogent = createClient({ provider: 'vogent', apiKey: sandbox.apiKeys.vogent });
    expect(await collect(vogent.campaigns.list())).toHaveLength(15);
    expect(await collect(createClient(sandbox.clientOptions('generic')).phoneNumbers.list())).toHaveLength(150);
    expect(await collect(createClient(sandbox.clientOptions('numbers-assignment')).phoneNumbers.list())).toHaveLength(140);
    // vox, one status per request: active in two pages, each other status in one, and a one-item
    // count of each other status at the start.
    expect(sandbox.requestCount('vox')).toBe(8);
  });

  it('serves calls and agents on every platform whose client offers them, through createClient', async () => {
    const sandbox = createSandboxHandlers();
    server.use(...sandbox.handlers);
    const served: string[] = [];
    for (const provider of sandboxProviders) {
      const client = createClient(sandbox.clientOptions(provider));
      if (client.supports('calls.list')) {
        // Vogent lists dials per batch dial job only: its first job that dialled.
        const campaignId = provider === 'vogent' ? seed.vogent.dials.find((dial) => dial.batchDialJobId)?.batchDialJobId : undefined;
        const page = await client.calls.list(campaignId ? { campaignId } : {});
        expect(page.items.length, `${provider} calls`).toBeGreaterThan(0);
        expect(page.items.every((call) => call.provider === provider)).toBe(true);
        expect((await client.calls.get!(page.items[0]!.id)).id).toBe(page.items[0]!.id);
        served.push(`${provider} calls`);
      }
      if (client.supports('agents.list')) {
        const agents = await client.agents.list();
        expect(agents.items.length, `${provider} agents`).toBeGreaterThan(0);
        expect((await client.agents.get!(agents.items[0]!.id)).id).toBe(agents.items[0]!.id);
        served.push(`${provider} agents`);
      }
    }
    // Vogent has no agents.list (second-hand), generic and numbers-assignment have no calls.
    expect([...served].sort()).toEqual(
      ['bland', 'elevenlabs', 'retell', 'vapi', 'vox'].flatMap((id) => [`${id} agents`, `${id} calls`]).concat('vogent calls').sort(),
    );
  });

  it('answers at the base URLs given, paths taken under them', async () => {
    const sandbox = createSandboxHandlers({ baseUrls: { 'numbers-assignment': 'https://voice.example.test/v1/' } });
    server.use(...sandbox.handlers);
    const options = sandbox.clientOptions('numbers-assignment');
    expect(options.baseUrl).toBe('https://voice.example.test/v1');
    const page = await createClient(options).phoneNumbers.list({ limit: 5 });
    expect(page.items.map((item) => item.raw)).toEqual(seed['numbers-assignment'].numbers.slice(0, 5));
    expect(sandbox.requests[0]).toMatchObject({ path: '/numbers', query: { page: ['1'], limit: ['5'] } });
  });

  it('shares the request logic of the HTTP server: the same requests get the same answers', async () => {
    const handlers = createSandboxHandlers();
    server.use(...handlers.handlers);
    const running = await startSandbox();
    // The running sandbox is a real server: let msw pass its requests through.
    server.use(http.all(`${running.url}/*`, () => passthrough()));
    try {
      const viaMsw = await collect(createClient(handlers.clientOptions('generic')).phoneNumbers.list({ assigned: false, limit: 25 }));
      const viaServer = await collect(createClient(running.clientOptions('generic')).phoneNumbers.list({ assigned: false, limit: 25 }));
      expect(viaMsw.map((item) => item.raw)).toEqual(viaServer.map((item) => item.raw));
      expect(handlers.requests.map(({ path, query, status }) => ({ path, query, status }))).toEqual(
        running.requests.map(({ path, query, status }) => ({ path, query, status })),
      );
    } finally {
      await running.close();
    }
  });

  it('keeps writes until reset()', async () => {
    const sandbox = createSandboxHandlers();
    server.use(...sandbox.handlers);
    const vogent = createClient(sandbox.clientOptions('vogent'));
    const id = seed.vogent.phoneNumbers[0]!.id;
    await vogent.phoneNumbers.delete(id);
    expect(await collect(vogent.phoneNumbers.list())).toHaveLength(179);
    sandbox.reset();
    expect(await collect(vogent.phoneNumbers.list())).toHaveLength(180);
  });

  it('injects the same faults as the server', async () => {
    const failing = createSandboxHandlers({ failureRate: 1 });
    server.use(...failing.handlers);
    const error = await failureOf(createClient({ ...failing.clientOptions('vox'), maxRetries: 0 }).campaigns.get(seed.vox.campaigns[0]!.id));
    expect(error).toBeInstanceOf(InternalServerError);

    server.resetHandlers();
    const limited = createSandboxHandlers({ rateLimit: { every: 1, retryAfterSeconds: 3 } });
    server.use(...limited.handlers);
    const limit = await failureOf(createClient({ ...limited.clientOptions('numbers-assignment'), maxRetries: 0 }).phoneNumbers.list());
    expect(limit).toBeInstanceOf(RateLimitError);
    expect((limit as RateLimitError).retryAfterMs).toBe(3_000);
    expect((limit as RateLimitError).body).toEqual({ error: 'Too many requests (sandbox rateLimit: every 1); retry after 3 s.' });
  });

  it('refuses a base URL that is not one', () => {
    expect(() => createSandboxHandlers({ baseUrls: { vox: 'not a url' } })).toThrow(InvalidRequestError);
    expect(() => createSandboxHandlers({ baseUrls: { voks: 'https://x.test' } as never })).toThrow('baseUrls has no platform voks');
  });

  it('leaves msw out of voiceplane/testing and the sandbox doubles: only the msw entry imports it', () => {
    // The whole source: the sandbox doubles live in the providers' folders now.
    const folder = new URL('../../src/', import.meta.url);
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    const importers = files.filter((name) => /from 'msw|import\('msw/.test(readFileSync(new URL(name, folder), 'utf8')));
    expect(files.length).toBeGreaterThan(10);
    expect(importers).toEqual(['testing/msw.ts']);
  });
});
