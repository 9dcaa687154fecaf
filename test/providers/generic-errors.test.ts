import { describe, expect, it } from 'vitest';
import { APIError, AuthenticationError, RateLimitError, ResponseValidationError } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { apiKey, failureOf, generic, serve, useCleanGenericEnvironment, type Envelope } from '../helpers/generic.js';
import { requests, useMsw } from '../helpers/msw.js';

useMsw();
useCleanGenericEnvironment();

describe('generic errors', () => {
  it('turns a 401 with { error: { code, message } } into AuthenticationError with the platform message', async () => {
    serve(fixture('generic', 'error-unauthorized'), { status: 401, headers: { 'x-request-id': 'req_7' } });
    const error = await failureOf(generic().phoneNumbers.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, requestId: 'req_7', provider: 'generic', body: fixture('generic', 'error-unauthorized') });
    expect((error as Error).message).toBe(
      'generic answered 401: UNAUTHORIZED: Invalid or missing API key. Check the API key (options.apiKey or GENERIC_API_KEY). (request id req_7)',
    );
    expect((error as Error).message).not.toContain(apiKey);
    expect(requests).toHaveLength(1);
  });

  it('turns a 429 with { message } into RateLimitError with retryAfterMs from Retry-After', async () => {
    serve(fixture('generic', 'error-rate-limited'), { status: 429, headers: { 'retry-after': '3' } });
    const error = await failureOf(generic({ maxRetries: 0 }).phoneNumbers.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3000 });
    expect((error as Error).message).toContain(
      'generic answered 429: Rate limit exceeded: 10 requests per second on your plan.',
    );
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['error-unauthorized', 'UNAUTHORIZED: Invalid or missing API key'],
    ['error-rate-limited', 'Rate limit exceeded: 10 requests per second on your plan'],
  ])('raises APIError for a 200 whose body is the failure envelope %s, without retrying', async (name, detail) => {
    serve(fixture('generic', name), { headers: { 'x-request-id': 'req_9' } });
    const error = await failureOf(generic().phoneNumbers.list());
    expect(error).toBeInstanceOf(APIError);
    expect(error).not.toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ status: 200, requestId: 'req_9', provider: 'generic', body: fixture('generic', name) });
    expect((error as Error).message).toBe(
      `generic answered 200 but reported a failure: ${detail}. Nothing was listed; check the parameters and the organization id. (request id req_9)`,
    );
    expect(requests).toHaveLength(1);
  });

  it('raises ResponseValidationError naming the place when an item has the wrong shape', async () => {
    const body = fixture<Envelope>('generic', 'phone-numbers');
    body.data[1]!.supports_inbound = 'yes';
    serve(body);
    const error = await failureOf(generic().phoneNumbers.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toEqual({
      path: 'data.1.supports_inbound',
      message: 'expected boolean, got string',
    });
    expect((error as Error).message).toContain('data.1.supports_inbound: expected boolean, got string');
  });

  it.each([
    ['no pagination', { success: true, data: [] }, 'pagination'],
    ['no data', { success: true, pagination: { next_cursor: null, has_more: false } }, 'data'],
    ['has_more missing', { success: true, data: [], pagination: { next_cursor: null } }, 'pagination.has_more'],
    ['no success flag', { data: [], pagination: { next_cursor: null, has_more: false } }, 'success'],
    ['an array', [], ''],
  ])('raises ResponseValidationError for a body with %s', async (_, body, where) => {
    serve(body);
    const error = await failureOf(generic().phoneNumbers.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]!.path).toBe(where);
  });
});
