import { afterEach, describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError, ResponseValidationError } from '../../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

// A page number the platform reports below the first is the platform's fault, not the caller's:
// a ResponseValidationError that says what the platform sent, never an InvalidRequestError about a cursor.

let server: LoopbackServer | undefined;
afterEach(() => server?.close());

const assignment = { id: 'num_1', phoneNumber: '+14155550100', agentId: 'agent_1', status: 'active' };

describe('numbers-assignment page numbers from the platform', () => {
  it.each([-5, 0])('answers page %d: a ResponseValidationError blaming the platform, after one request', async (page) => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: [assignment], pagination: { page, totalPages: 3, total: 3 } }),
    );
    const client = createClient({ provider: 'numbers-assignment', apiKey: 'na_key', baseUrl: server.url });
    const error = await client.phoneNumbers.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).not.toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(new RegExp(`^numbers-assignment sent page number ${page} in a list answer`));
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [{ page: 1.5, totalPages: 3, total: 3 }, 'page number 1.5'],
    [{ page: 1, totalPages: 2.5, total: 3 }, 'totalPages 2.5'],
    [{ page: 1, totalPages: 3, total: -1 }, 'total -1'],
    [{ page: 1, totalPages: 3, total: 7.25 }, 'total 7.25'],
  ])('answers pagination %j: a ResponseValidationError naming the field, after one request', async (pagination, named) => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, { data: [assignment], pagination }));
    const client = createClient({ provider: 'numbers-assignment', apiKey: 'na_key', baseUrl: server.url });
    const error = await client.phoneNumbers.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(new RegExp(`^numbers-assignment sent ${named.replace('.', '\\.')} in a list answer`));
    expect(server.requests).toHaveLength(1);
  });

  it('still follows a platform that reports its page and total pages honestly', async () => {
    server = await startLoopbackServer((request, response) => {
      const page = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page'));
      sendJson(response, 200, { data: [{ ...assignment, id: `num_${page}` }], pagination: { page, totalPages: 2, total: 2 } });
    });
    const client = createClient({ provider: 'numbers-assignment', apiKey: 'na_key', baseUrl: server.url });
    const ids: string[] = [];
    for await (const number of client.phoneNumbers.list()) ids.push(number.id);
    expect(ids).toEqual(['num_1', 'num_2']);
  });
});
