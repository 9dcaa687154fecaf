import { describe, expect, it, vi } from 'vitest';
import { APIError, createClient } from '../../src/index.js';
import { useFaultServer } from '../helpers/fault-server.js';
import { apiKey, expectNoKey } from '../helpers/transport-client.js';

// The check of a redirect is a chunk loaded at the first one (redirect.ts). Should it fail to load
// (an install missing files), the redirect is not followed: an APIError with the status, after one
// request, and no key in it.

vi.mock('../../src/core/transport/redirect-target.js', () => {
  throw new Error('Cannot find module redirect-target.js');
});

const serve = useFaultServer();

describe('a redirect whose checking code cannot be loaded', () => {
  it('is not followed: an APIError with its status, one request, no retry, no key', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(307, { location: `/v3/campaigns/elsewhere?key=${apiKey}` }).end();
    });
    const vox = createClient({ provider: 'vox', apiKey, baseUrl: server.url, maxRetries: 2 });
    const failure = await vox.campaigns.get('c1').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(APIError);
    expect(failure).toMatchObject({ provider: 'vox', status: 307 });
    expect((failure as Error).message).toMatch(/^vox answered 307, a redirect the SDK could not check \(.+\); not followed\./);
    expect(server.arrivals).toHaveLength(1);
    expectNoKey(failure);
  });
});
