import { afterEach, describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError } from '../../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

// Input a review found slipping through to the platform: each is refused now, with nothing sent.

let server: LoopbackServer | undefined;
afterEach(() => server?.close());

describe('refused before any request', () => {
  it('a recipients list with a hole in it: the hole is recipient 0, not skipped', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 201, {}));
    const vapi = createClient({ provider: 'vapi', apiKey: 'vapi_key', baseUrl: server.url });
    // eslint-disable-next-line no-sparse-arrays
    const recipients = [, { number: '+14155550100' }] as never;
    const error = await vapi.campaigns
      .create({ name: 'Holes', agentId: 'agent_1', fromNumberId: '8a5f1c7e-1b2d-4c3e-9f40-5a6b7c8d9e0f', recipients })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/recipients\[0\] must be an object/);
    expect(server.requests).toHaveLength(0);
  });

  it("a cursor of a several-status vox listing, given to a one-status listing", async () => {
    server = await startLoopbackServer((request, response) => {
      const status = new URL(request.url ?? '/', 'http://x').searchParams.get('status');
      sendJson(response, 200, { items: [{ id: `cmp_${status}`, name: 'c', status }], total_count: 2, next_cursor: 'next' });
    });
    const vox = createClient({ provider: 'vox', apiKey: 'vox_key', baseUrl: server.url });
    const page = await vox.campaigns.list({ limit: 1, status: ['running', 'paused'] });
    expect(page.nextCursor).toMatch(/^chain\./);
    const sent = server.requests.length;
    const error = await vox.campaigns.list({ limit: 1, status: 'running', cursor: page.nextCursor! }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toHaveLength(sent);
  });
});
