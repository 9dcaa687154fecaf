import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  createClient,
  NotFoundError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { defineProvider } from '../../src/provider.js';
import { retellProvider } from '../../src/providers/retell/index.js';
import { http, HttpResponse, requests, server, useMsw } from '../helpers/msw.js';

// Retell's `{ status: "error", message }` errors, and its 422 "cannot find asset", which is a
// NotFoundError (through the definition's notFound hook) while any other 422 stays what it is.

useMsw();

const base = 'https://api.retellai.com';
const apiKey = 'key_retell_secret_0123456789';
const retell = () => createClient({ provider: 'retell', apiKey });
const missing = { status: 'error', message: 'Cannot find requested asset under given api key.' };

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (caught: unknown) => caught,
  );
}

describe('retell: no such number', () => {
  it.each([
    ['get', () => retell().phoneNumbers.get('+14155550199'), http.get(`${base}/get-phone-number/:number`, () => HttpResponse.json(missing, { status: 422, headers: { 'x-request-id': 'req_42' } }))],
    ['update', () => retell().phoneNumbers.update('+14155550199', { agentId: 'a' }), http.patch(`${base}/update-phone-number/:number`, () => HttpResponse.json(missing, { status: 422, headers: { 'x-request-id': 'req_42' } }))],
    ['delete', () => retell().phoneNumbers.delete('+14155550199'), http.delete(`${base}/delete-phone-number/:number`, () => HttpResponse.json(missing, { status: 422, headers: { 'x-request-id': 'req_42' } }))],
  ] as const)('is a NotFoundError with status 422 on %s, sent once', async (_operation, call, handler) => {
    server.use(handler);
    const error = await failure(call());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).not.toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, requestId: 'req_42', body: missing, provider: 'retell' });
    expect((error as Error).name).toBe('NotFoundError');
    expect((error as Error).message).toBe(
      'retell answered 422: Cannot find requested asset under given api key. Check the id: the platform has no such resource. (request id req_42)',
    );
    expect(requests).toHaveLength(1);
  });

  it('keeps any other 422 an UnprocessableEntityError', async () => {
    const body = { status: 'error', message: 'Total weights must add up to 1.' };
    server.use(http.patch(`${base}/update-phone-number/:number`, () => HttpResponse.json(body, { status: 422 })));
    const error = await failure(retell().phoneNumbers.update('+14155550101', { agentId: 'a' }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('retell answered 422: Total weights must add up to 1. Check the values sent: the platform rejected them.');
  });

  it('maps a 404, should one come, to a NotFoundError as well', async () => {
    server.use(http.delete(`${base}/delete-phone-number/:number`, () => HttpResponse.json({ status: 'error', message: 'Not found' }, { status: 404 })));
    const error = await failure(retell().phoneNumbers.delete('+14155550101'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404 });
  });

  it('does not read "cannot find asset" into any status but 422', async () => {
    server.use(http.get(`${base}/get-phone-number/:number`, () => HttpResponse.json(missing, { status: 400 })));
    const error = await failure(retell().phoneNumbers.get('+14155550101'));
    expect(error).toBeInstanceOf(APIError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 400 });
  });

  it('falls back to the status class when a definition notFound reader throws', async () => {
    const throwing = defineProvider({
      ...retellProvider,
      notFound: () => {
        throw new TypeError('reader broke');
      },
    });
    server.use(http.get(`${base}/get-phone-number/:number`, () => HttpResponse.json(missing, { status: 422 })));
    const error = await failure(createClient({ provider: throwing, apiKey }).phoneNumbers.get('+14155550101'));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
  });
});

describe('retell error envelope', () => {
  it('names RETELL_API_KEY on a 401 and never shows the key', async () => {
    server.use(
      http.get(`${base}/v2/list-phone-numbers`, () =>
        HttpResponse.json({ status: 'error', message: `API key ${apiKey} is missing or invalid.` }, { status: 401 }),
      ),
    );
    const error = await failure(retell().phoneNumbers.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(
      'retell answered 401: API key [redacted] is missing or invalid. Check the API key (options.apiKey or RETELL_API_KEY).',
    );
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })]) expect(text).not.toContain(apiKey);
  });

  it('reads the message of a 429 and retries the GET', async () => {
    server.use(
      http.get(`${base}/v2/list-phone-numbers`, () =>
        HttpResponse.json({ status: 'error', message: 'Account rate limited, please throttle your requests.' }, { status: 429, headers: { 'retry-after-ms': '0' } }),
      ),
    );
    const error = await failure(createClient({ provider: 'retell', apiKey, maxRetries: 1 }).phoneNumbers.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toMatch(/^retell answered 429: Account rate limited, please throttle your requests\. /);
    expect(requests).toHaveLength(2);
  });

  it('reads error_message when the body has no message, for the text and for "no such number"', async () => {
    server.use(
      http.get(`${base}/v2/list-phone-numbers`, () => HttpResponse.json({ error_message: 'Invalid pagination_key.' }, { status: 400 })),
      http.get(`${base}/get-phone-number/:number`, () =>
        HttpResponse.json({ status: 'error', error_message: 'Cannot find requested asset under given api key.' }, { status: 422 }),
      ),
    );
    const listError = await failure(retell().phoneNumbers.list());
    expect(listError).toMatchObject({ status: 400 });
    expect((listError as Error).message).toMatch(/^retell answered 400: Invalid pagination_key\. /);
    const getError = await failure(retell().phoneNumbers.get('+14155550199'));
    expect(getError).toBeInstanceOf(NotFoundError);
    expect((getError as Error).message).toMatch(/^retell answered 422: Cannot find requested asset under given api key\. /);
  });

  it('falls back to the status text for a body without a message', async () => {
    server.use(http.get(`${base}/v2/list-phone-numbers`, () => HttpResponse.json({ status: 'error' }, { status: 402, statusText: 'Payment Required' })));
    const error = await failure(retell().phoneNumbers.list());
    expect(error).toMatchObject({ status: 402 });
    expect((error as Error).message).toBe('retell answered 402: Payment Required.');
  });
});
