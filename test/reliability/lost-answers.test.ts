import { describe, expect, it } from 'vitest';
import { APIConnectionError, APIConnectionTimeoutError, createClient, NotFoundError } from '../../src/index.js';
import { resetBeforeResponse, sendJson, useFaultServer } from '../helpers/fault-server.js';

const apiKey = 'LOST_ANSWERS_SECRET_0123456789';
const serve = useFaultServer();
const client = (url: string) => createClient({ provider: 'numbers-assignment', apiKey, baseUrl: url, timeoutMs: 300, maxRetries: 2 });
const input = { number: '+14155550101', agentId: 'agt_support' };

describe('a write whose answer was lost', () => {
  it('says that a DELETE answered 404 on its retry may have worked on the attempt before', async () => {
    const { url, arrivals } = await serve((_request, response, index) => {
      // The first attempt deletes and its answer is lost; the retry finds nothing left.
      if (index > 0) sendJson(response, 404, { message: 'not found' });
    });
    const error = await client(url)
      .phoneNumbers.delete('pn_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('may have deleted it already, so this 404 may mean the delete worked');
    expect((error as Error).message).toMatch(/\(2 attempts\)$/);
    expect(arrivals.map((arrival) => arrival.method)).toEqual(['DELETE', 'DELETE']);
  });

  it('says nothing of the kind for a DELETE answered 404 at once', async () => {
    const { url } = await serve((_request, response) => sendJson(response, 404, { message: 'not found' }));
    const error = await client(url)
      .phoneNumbers.delete('pn_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).not.toContain('earlier attempt');
  });

  it('tells a POST reset before its answer to check, not to try again', async () => {
    const { url, arrivals } = await serve((request) => resetBeforeResponse(request));
    const error = await client(url)
      .phoneNumbers.create(input)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain('may have taken effect: check whether it did');
    expect((error as Error).message).not.toContain('try again');
    expect(arrivals).toHaveLength(1);
  });

  it('tells a POST that timed out to check, not to try again', async () => {
    const { url, arrivals } = await serve(() => {});
    const error = await client(url)
      .phoneNumbers.create(input)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain('may have taken effect: check whether it did');
    expect((error as Error).message).not.toContain('try again');
    expect(arrivals).toHaveLength(1);
  });
});
