import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, InvalidRequestError, NotFoundError, UnprocessableEntityError } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { apiKey, failure, number, numbersUrl, vogent, type WirePage } from '../helpers/vogent.js';

// Vogent number changes (link, unlink, delete) and how its undeclared error bodies are read.

useMsw();

describe('vogent error bodies', () => {
  it('turns a validation body into a 422 UnprocessableEntityError with the message and each error', async () => {
    server.use(
      http.get(numbersUrl, () =>
        HttpResponse.json(fixture('vogent', 'error-validation'), { status: 422, headers: { 'x-request-id': 'req_vg_7' } }),
      ),
    );
    const error = await failure(vogent().phoneNumbers.list());
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, requestId: 'req_vg_7', provider: 'vogent', body: fixture('vogent', 'error-validation') });
    expect((error as Error).message).toBe(
      'vogent answered 422: Validation exception (limit: must be less than or equal to 100). ' +
        'Check the values sent: the platform rejected them. (request id req_vg_7)',
    );
  });

  it.each([
    [{ message: 'Invalid input' }, 'Invalid input'],
    [{ error: 'limit must be a number' }, 'limit must be a number'],
    [{ error: { code: 'BAD_CURSOR', message: 'cursor is malformed' } }, 'BAD_CURSOR: cursor is malformed'],
    [{ error: { message: 'cursor is malformed' } }, 'cursor is malformed'],
    [{ errors: ['limit is required', 'cursor is malformed'] }, 'limit is required; cursor is malformed'],
    [{ errors: [{ path: ['query', 'limit'], msg: 'too big' }] }, 'query.limit: too big'],
    [{ message: 'Invalid input', error: 'Invalid input' }, 'Invalid input'],
    ['cursor is malformed\n', 'cursor is malformed'],
  ])('reads the 400 body %j into the message', async (body, detail) => {
    server.use(
      http.get(numbersUrl, () =>
        typeof body === 'string' ? HttpResponse.text(body, { status: 400 }) : HttpResponse.json(body, { status: 400 }),
      ),
    );
    const error = await failure(vogent().phoneNumbers.list());
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toBe(`vogent answered 400: ${detail}. Check the parameters sent.`);
  });

  it('falls back to the status text when the body says nothing it can read', async () => {
    server.use(http.get(numbersUrl, () => HttpResponse.json({ ok: false }, { status: 400, statusText: 'Bad Request' })));
    const error = await failure(vogent().phoneNumbers.list());
    expect((error as Error).message).toBe('vogent answered 400: Bad Request. Check the parameters sent.');
  });

  it('names VOGENT_API_KEY on a 401 and never shows the key', async () => {
    server.use(http.get(`${numbersUrl}/:id`, () => HttpResponse.json({ message: `invalid key ${apiKey}` }, { status: 401 })));
    const error = await failure(vogent().phoneNumbers.get('pn_1'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(
      'vogent answered 401: invalid key [redacted]. Check the API key (options.apiKey or VOGENT_API_KEY).',
    );
    expect(JSON.stringify(error)).not.toContain(apiKey);
  });
});

describe('vogent phoneNumbers.update', () => {
  const wire = () => fixture<WirePage>('vogent', 'phone-numbers-page-1').data[2]!;

  it('links an agent with PUT { agentId } and maps the number it returns', async () => {
    const updated = { ...wire(), agentId: 'c9e5a1b3-4d6f-4a8b-8c2d-e3f4a5b6c7d8' };
    server.use(http.put(`${numbersUrl}/:id`, () => HttpResponse.json(updated)));
    const result = await vogent().phoneNumbers.update('2d8b3e4a-0c5f-4b7d-9e9a-3f4c5d6e7f80', {
      agentId: 'c9e5a1b3-4d6f-4a8b-8c2d-e3f4a5b6c7d8',
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('PUT');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/phone_numbers/2d8b3e4a-0c5f-4b7d-9e9a-3f4c5d6e7f80');
    expect(queryOf(requests[0]!)).toEqual({});
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ agentId: 'c9e5a1b3-4d6f-4a8b-8c2d-e3f4a5b6c7d8' });
    expect(result).toEqual(
      number({
        id: '2d8b3e4a-0c5f-4b7d-9e9a-3f4c5d6e7f80',
        number: '+14155550123',
        e164: '+14155550123',
        type: 'pstn',
        agentId: 'c9e5a1b3-4d6f-4a8b-8c2d-e3f4a5b6c7d8',
        raw: updated,
      }),
    );
  });

  it('unlinks with agentId null by sending the empty string', async () => {
    const unlinked = { ...fixture<WirePage>('vogent', 'phone-numbers-page-1').data[0]!, agentId: null };
    server.use(http.put(`${numbersUrl}/:id`, () => HttpResponse.json(unlinked)));
    const result = await vogent().phoneNumbers.update('0b6f1c2e-8a3d-4f5b-9c7e-1d2a3b4c5d6e', { agentId: null });
    expect(await requests[0]!.json()).toEqual({ agentId: '' });
    expect(result.agentId).toBeNull();
    expect(result.raw).toEqual(unlinked);
  });

  it.each([
    [{ label: 'Front desk' }, /Vogent can only change a number's agent, not "label"; send \{ agentId \} alone/],
    [{ agentId: 'a7c3e9f1', status: 'inactive' }, /can only change a number's agent, not "status"/],
    [{ agentId: 'a7c3e9f1', label: null }, /not "label"/],
    [{}, /the patch is empty/],
    [{ agentId: undefined }, /the patch is empty/],
    [{ agentId: '' }, /agentId must be a non-empty agent id, or null to unlink the agent/],
    [{ agentId: 42 }, /agentId must be a non-empty agent id/],
    [null, /the patch must be an object/],
  ])('refuses the patch %j before any request', async (patch, message) => {
    server.use(http.put(`${numbersUrl}/:id`, () => HttpResponse.json(wire())));
    const error = await failure(vogent().phoneNumbers.update('pn_1', patch as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/^vogent: phoneNumbers\.update: /);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it.each(['', '..'])('refuses the id %j before any request', async (id) => {
    await expect(vogent().phoneNumbers.update(id, { agentId: 'a' })).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });

  it('raises UnprocessableEntityError when Vogent rejects the agent', async () => {
    server.use(
      http.put(`${numbersUrl}/:id`, () => HttpResponse.json({ message: 'Validation exception', errors: ['agent not found'] }, { status: 422 })),
    );
    const error = await failure(vogent().phoneNumbers.update('pn_1', { agentId: 'missing' }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as Error).message).toBe(
      'vogent answered 422: Validation exception (agent not found). Check the values sent: the platform rejected them.',
    );
  });

  it('retries a PUT after a 503, since it is idempotent', async () => {
    let attempts = 0;
    server.use(
      http.put(`${numbersUrl}/:id`, () => {
        attempts++;
        if (attempts === 1) return HttpResponse.text('upstream unavailable', { status: 503, headers: { 'retry-after-ms': '0' } });
        return HttpResponse.json(wire());
      }),
    );
    await vogent().phoneNumbers.update('pn_1', { agentId: 'a' });
    expect(requests.map((request) => request.method)).toEqual(['PUT', 'PUT']);
  });
});

describe('vogent phoneNumbers.delete', () => {
  it('sends DELETE and resolves with nothing', async () => {
    server.use(http.delete(`${numbersUrl}/:id`, () => HttpResponse.json(fixture<WirePage>('vogent', 'phone-numbers-page-1').data[0])));
    await expect(vogent().phoneNumbers.delete('0b6f1c2e-8a3d-4f5b-9c7e-1d2a3b4c5d6e')).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('DELETE');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/phone_numbers/0b6f1c2e-8a3d-4f5b-9c7e-1d2a3b4c5d6e');
    expect(requests[0]!.headers.get('authorization')).toBe(`Bearer ${apiKey}`);
  });

  it('raises NotFoundError for a 404', async () => {
    server.use(http.delete(`${numbersUrl}/:id`, () => HttpResponse.json({ error: 'Phone number not found' }, { status: 404 })));
    const error = await failure(vogent().phoneNumbers.delete('pn_gone'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(
      'vogent answered 404: Phone number not found. Check the id: the platform has no such resource.',
    );
  });

  it.each(['', '.', '..'])('refuses the id %j before any request', async (id) => {
    await expect(vogent().phoneNumbers.delete(id)).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});
