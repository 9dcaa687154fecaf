import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, InvalidRequestError, ResponseValidationError } from '../../src/index.js';
import { defineProvider, type RequestOptions } from '../../src/provider.js';
import { voxProvider } from '../../src/providers/vox/index.js';
import { sdkVersion } from '../../src/core/version.js';
import { http, HttpResponse, requests, server, useMsw } from '../helpers/msw.js';

// The conventions a user of openai-node or retell-sdk expects, on a vox client over msw.

useMsw();
// The log lines read below are whole only once their code has loaded; requests do not wait for it.

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const campaignUrl = 'https://client-api.tryvox.co/v3/campaigns/:id';
const numbersUrl = 'https://client-api.tryvox.co/v3/organization-telephone-numbers';
const vox = (options: Record<string, unknown> = {}) => createClient({ provider: 'vox', apiKey: 'vox_secret_key', ...options });

function serveCampaign(headers: Record<string, string> = { 'x-request-id': 'req_123' }) {
  server.use(http.get(campaignUrl, ({ params }) => HttpResponse.json({ id: params['id'], name: 'Spring' }, { headers })));
}

describe('per-request headers', () => {
  it('are sent with that call only, over the client headers, and cannot replace the auth header', async () => {
    serveCampaign();
    const client = vox({ headers: { 'X-Team': 'ops', 'X-Trace': 'client' } });
    await client.campaigns.get('c1', { headers: { 'x-trace': 'call', authorization: 'Bearer stolen', 'X-Extra': '1' } });
    await client.campaigns.get('c2');

    expect(requests[0]!.headers.get('x-team')).toBe('ops');
    expect(requests[0]!.headers.get('x-trace')).toBe('call');
    expect(requests[0]!.headers.get('x-extra')).toBe('1');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer vox_secret_key');
    expect(requests[1]!.headers.get('x-trace')).toBe('client');
    expect(requests[1]!.headers.get('x-extra')).toBeNull();
  });

  it('are taken by list calls too, on every page', async () => {
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json({ items: [], total_count: 0, next_cursor: cursor ? null : 'c2' });
      }),
    );
    // One status: one vox listing (with no status the SDK asks each of vox's statuses in turn).
    for await (const _page of vox().phoneNumbers.list({ status: 'active' }, { headers: { 'x-job': 'nightly' } }).pages()) {
      // every page
    }
    expect(requests).toHaveLength(2);
    expect(requests.map((request) => request.headers.get('x-job'))).toEqual(['nightly', 'nightly']);
  });

  it('refuses a header that cannot be sent, without quoting its value, before any request', async () => {
    const error = await vox().campaigns.get('c1', { headers: { 'x-token': 'secret\nvalue' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/the value of "x-token" must be text a header can carry/);
    expect((error as Error).message).not.toContain('secret');
    expect(requests).toHaveLength(0);
  });
});

describe('User-Agent', () => {
  it('is voiceplane/<version> with the runtime, unless the caller sends their own', async () => {
    serveCampaign();
    await vox().campaigns.get('c1');
    await vox({ headers: { 'User-Agent': 'my-service/2.0' } }).campaigns.get('c1');
    await vox().campaigns.get('c1', { headers: { 'user-agent': 'one-call/1.0' } });

    expect(requests[0]!.headers.get('user-agent')).toBe(`voiceplane/${sdkVersion} node/${process.versions.node}`);
    expect(requests[1]!.headers.get('user-agent')).toBe('my-service/2.0');
    expect(requests[2]!.headers.get('user-agent')).toBe('one-call/1.0');
  });

  it("carries the package's own version", () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(sdkVersion).toBe(manifest.version);
  });
});

describe('withResponse and asResponse', () => {
  it('give the value with the raw response and the request id', async () => {
    serveCampaign({ 'x-request-id': 'req_123', 'x-ratelimit-remaining': '41' });
    const { data, response, requestId } = await vox().campaigns.get('c1').withResponse();

    expect(data).toMatchObject({ provider: 'vox', id: 'c1', name: 'Spring' });
    expect(requestId).toBe('req_123');
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('41');
    expect(await response.json()).toEqual({ id: 'c1', name: 'Spring' });
    expect(requests).toHaveLength(1);
  });

  it('keep awaiting as it was: the value, and a rejection as the error', async () => {
    serveCampaign();
    const campaign = await vox().campaigns.get('c1');
    expect(campaign.name).toBe('Spring');
    server.use(http.get(campaignUrl, () => HttpResponse.json({ message: 'no such campaign' }, { status: 404 })));
    await expect(vox().campaigns.get('c9').withResponse()).rejects.toMatchObject({ status: 404 });
    await expect(vox().campaigns.get('c9').asResponse()).rejects.toMatchObject({ status: 404 });
  });

  it('give a null request id when the platform sends none, and remove the key from one that echoes it', async () => {
    serveCampaign({});
    expect((await vox().campaigns.get('c1').withResponse()).requestId).toBeNull();
    serveCampaign({ 'x-request-id': 'echo vox_secret_key' });
    expect((await vox().campaigns.get('c1').withResponse()).requestId).not.toContain('vox_secret_key');
  });

  it('asResponse hands over a body that failed the documented shape', async () => {
    server.use(http.get(campaignUrl, () => HttpResponse.json({ id: 7 }, { headers: { 'x-request-id': 'req_bad' } })));
    await expect(vox().campaigns.get('c1')).rejects.toBeInstanceOf(ResponseValidationError);
    const response = await vox().campaigns.get('c1').asResponse();
    expect(await response.json()).toEqual({ id: 7 });
  });

  it('a page carries the request id of the request that fetched it', async () => {
    let served = 0;
    server.use(
      http.get(numbersUrl, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        served++;
        return HttpResponse.json(
          { items: [], total_count: 0, next_cursor: cursor ? null : 'c2' },
          { headers: { 'x-request-id': `req_page_${served}` } },
        );
      }),
    );
    const first = await vox().phoneNumbers.list({ status: 'active' });
    const second = await first.nextPage();
    expect(first.requestId).toBe('req_page_1');
    expect(second?.requestId).toBe('req_page_2');
  });

  it('a page of a listing chained over statuses carries the id of its own request, not of a count request answered later', async () => {
    server.use(
      http.get(numbersUrl, async ({ request }) => {
        const query = new URL(request.url).searchParams;
        const counting = query.get('limit') === '1';
        // The other statuses are asked for their totals at once; these answers come last.
        if (counting) await new Promise((resolve) => setTimeout(resolve, 30));
        return HttpResponse.json(
          { items: [], total_count: 0, next_cursor: null },
          { headers: { 'x-request-id': `req_${counting ? 'count' : 'page'}_${query.get('status')}` } },
        );
      }),
    );
    const page = await vox().phoneNumbers.list();
    const counted = requests.filter((request) => new URL(request.url).searchParams.get('limit') === '1');
    expect(counted.length).toBeGreaterThan(0);
    const listed = requests.find((request) => new URL(request.url).searchParams.get('limit') !== '1')!;
    expect(page.requestId).toBe(`req_page_${new URL(listed.url).searchParams.get('status')}`);
  });

  it("a page's request id has the key removed when the platform echoes it", async () => {
    server.use(http.get(numbersUrl, () => HttpResponse.json({ items: [], total_count: 0, next_cursor: null }, { headers: { 'x-request-id': 'echo vox_secret_key' } })));
    const page = await vox().phoneNumbers.list({ status: 'active' });
    expect(page.requestId).toContain('echo ');
    expect(page.requestId).not.toContain('vox_secret_key');
  });

  it('an answered write whose body cannot be read names its request id, the key removed', async () => {
    server.use(
      http.patch(`${numbersUrl}/:id/:suffix`, () => HttpResponse.json({ id: 7 }, { headers: { 'x-request-id': 'req_vox_secret_key' } })),
    );
    const error = await vox()
      .phoneNumbers.update('n1', { agentId: 'a1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const message = (error as Error).message;
    expect(message).toContain('may have taken effect');
    expect(message).toContain('(request id req_[redacted])');
    expect(message).not.toContain('vox_secret_key');
  });

  it("reach the operation's response through request options that carry only what the caller passed", async () => {
    serveCampaign();
    const seen: object[] = [];
    const watched = defineProvider({
      ...voxProvider,
      id: 'vox-watched' as string,
      operations: (kit) => {
        const operations = voxProvider.operations(kit);
        const get = operations.campaigns!.get!;
        return { ...operations, campaigns: { ...operations.campaigns, get: (id: string, request: RequestOptions) => (seen.push(request), get(id, request)) } };
      },
    });
    const client = createClient({ provider: watched, apiKey: 'vox_secret_key', baseUrl: 'https://client-api.tryvox.co' });
    const { requestId } = await client.campaigns.get('c1', { timeoutMs: 5_000 }).withResponse();
    expect(requestId).toBe('req_123');
    expect(seen).toHaveLength(1);
    expect(Reflect.ownKeys(seen[0]!)).toEqual(['timeoutMs']);
  });
});

describe('withOptions', () => {
  it('makes a copy with some options changed, the original untouched', async () => {
    serveCampaign();
    const headers = { 'x-team': 'ops' };
    const original = vox({ headers, timeoutMs: 30_000 });
    const copy = original.withOptions({ headers: { 'x-team': 'billing' }, maxRetries: 0 });
    headers['x-team'] = 'changed later';

    await copy.campaigns.get('c1');
    await original.campaigns.get('c1');
    await original.withOptions({}).campaigns.get('c1');

    expect(requests.map((request) => request.headers.get('x-team'))).toEqual(['billing', 'ops', 'ops']);
    expect(requests.every((request) => request.headers.get('authorization') === 'Bearer vox_secret_key')).toBe(true);
    expect(copy.provider).toBe('vox');
  });

  it('changes the logger of the copy only', async () => {
    serveCampaign();
    const lines: string[] = [];
    const original = vox();
    const copy = original.withOptions({ logger: { debug: (line: string) => lines.push(line) }, logLevel: 'debug' });
    await original.campaigns.get('c1');
    expect(lines).toEqual([]);
    await copy.campaigns.get('c2');
    expect(lines.some((line) => line.includes('GET /v3/campaigns/c2 -> 200'))).toBe(true);
    expect(lines.join('\n')).not.toContain('c1');
  });

  it('checks the changed options as createClient does, and refuses a change of provider', () => {
    const client = vox();
    expect(() => client.withOptions({ timeoutMs: -1 })).toThrow(InvalidRequestError);
    expect(() => client.withOptions({ unknownOption: 1 })).toThrow(/unknown option "unknownOption"/);
    expect(() => client.withOptions({ provider: 'vogent' })).toThrow(/cannot change the provider/);
    expect(() => client.withOptions(null as never)).toThrow(/withOptions needs an object/);
  });
});

describe('VOICEPLANE_LOG', () => {
  it('turns on logging to console when no logLevel is given', async () => {
    vi.stubEnv('VOICEPLANE_LOG', 'debug');
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    serveCampaign();
    await vox().campaigns.get('c1');
    const lines = debug.mock.calls.map((call) => String(call[0]));
    expect(lines.some((line) => line.includes('GET /v3/campaigns/c1 -> 200'))).toBe(true);
    expect(lines.join('\n')).not.toContain('vox_secret_key');
  });

  it('gives way to an explicit logLevel, and is ignored (with one warning) when it is not a level', async () => {
    vi.stubEnv('VOICEPLANE_LOG', 'debug');
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    serveCampaign();
    await vox({ logLevel: 'off' }).campaigns.get('c1');
    expect(debug).not.toHaveBeenCalled();

    vi.stubEnv('VOICEPLANE_LOG', 'verbose');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => vox()).not.toThrow();
    await vox().campaigns.get('c1');
    expect(debug).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/VOICEPLANE_LOG="verbose" is not a log level/);
  });
});
