import { describe, expect, it } from 'vitest';
import { APIConnectionError, InternalServerError, InvalidRequestError, ResponseValidationError } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, queryOf, requests, server, useMsw } from '../helpers/msw.js';
import { client, failureOf, key, numbersUrl, pathOf, provider, type Raw } from '../helpers/numbers-assignment.js';

useMsw();

describe('numbers-assignment phoneNumbers.create', () => {
  it('posts { phoneNumber, agentId, friendlyName } and maps a bare 201 answer', async () => {
    const wire = fixture(provider, 'phone-number');
    server.use(http.post(numbersUrl, () => HttpResponse.json(wire, { status: 201 })));
    const number = await client().phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support', label: 'Support line' });

    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(pathOf(requests[0]!)).toBe('/v1/numbers');
    expect(queryOf(requests[0]!)).toEqual({});
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ phoneNumber: '+14155550101', agentId: 'agt_support', friendlyName: 'Support line' });
    expect(number).toMatchObject({
      provider: 'numbers-assignment',
      id: 'pn_01HV7K2Q9M',
      number: '+14155550101',
      agentId: 'agt_support',
      label: 'Support line',
      status: { unified: 'active', raw: 'active' },
      raw: wire,
    });
  });

  it('leaves friendlyName out without a label, and maps a 201 enveloped in { data }', async () => {
    const body = fixture<{ data: Raw }>(provider, 'phone-number-enveloped');
    server.use(http.post(numbersUrl, () => HttpResponse.json(body, { status: 201 })));
    const number = await client().phoneNumbers.create({ number: '+14155550199', agentId: 'agt_front' });
    expect(await requests[0]!.json()).toEqual({ phoneNumber: '+14155550199', agentId: 'agt_front' });
    expect(number).toMatchObject({ id: 'pn_01HV7K2Q9Q', label: 'Front desk', agentId: 'agt_front', raw: body.data });
  });

  it.each([
    [{ number: '+14155550101' }, /phoneNumbers\.create: agentId is missing \(the agent to assign it to\)\. Nothing was sent\./],
    [{ number: '+14155550101', agentId: '' }, /agentId is empty/],
    [{ number: '  ', agentId: 'agt_1' }, /number is empty \(the phone number to assign\)/],
    [{ agentId: 'agt_1' }, /number is missing \(the phone number to assign\)/],
    [{}, /number is missing \(the phone number to assign\); agentId is missing/],
    [{ number: 14155550101, agentId: 'agt_1' }, /number must be a string \(got number\)/],
    [{ number: '+1415', agentId: 'agt_1', label: 7 }, /label must be a string when given/],
    [{ number: '+1415', agentId: 'agt_1', status: 'active' }, /does not take "status"; it takes number, agentId, label/],
    [null, /needs an object \{ number, agentId, label\? \}/],
  ])('refuses %j before any request', async (input, message) => {
    server.use(http.post(numbersUrl, () => HttpResponse.json(fixture(provider, 'phone-number'), { status: 201 })));
    const error = await failureOf(client().phoneNumbers.create(input as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('is never retried: a 500 makes exactly one request, even when the platform asks for an immediate retry', async () => {
    server.use(
      http.post(numbersUrl, () =>
        HttpResponse.json({ error: 'temporary failure' }, { status: 500, headers: { 'retry-after-ms': '0' } }),
      ),
    );
    const error = await failureOf(
      client().phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' }, { maxRetries: 2 }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain('numbers-assignment answered 500: temporary failure.');
    expect(requests).toHaveLength(1);
  });

  it('is never retried: a connection failure makes exactly one request', async () => {
    server.use(http.post(numbersUrl, () => HttpResponse.error()));
    const error = await failureOf(client().phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(requests).toHaveLength(1);
  });

  it('says the number was probably assigned when a 201 comes back empty', async () => {
    server.use(http.post(numbersUrl, () => new HttpResponse(null, { status: 201 })));
    const error = await failureOf(client().phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' }));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/empty body.*probably assigned/);
    expect(requests).toHaveLength(1);
  });
});

describe('numbers-assignment phoneNumbers.update', () => {
  it('puts { friendlyName, agentId, status } for the fields given and maps the answer', async () => {
    const body = fixture<{ data: Raw }>(provider, 'phone-number-enveloped');
    server.use(http.put(`${numbersUrl}/:id`, () => HttpResponse.json(body)));
    const number = await client().phoneNumbers.update('pn/01HV7K2Q9Q', {
      label: 'Front desk',
      agentId: 'agt_front',
      status: 'inactive',
    });
    expect(requests[0]!.method).toBe('PUT');
    expect(pathOf(requests[0]!)).toBe('/v1/numbers/pn%2F01HV7K2Q9Q');
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ friendlyName: 'Front desk', agentId: 'agt_front', status: 'inactive' });
    expect(number).toMatchObject({ id: 'pn_01HV7K2Q9Q', status: { unified: 'inactive', raw: 'inactive' }, raw: body.data });
  });

  it('sends only the given fields, and null to clear the label or unlink the agent', async () => {
    server.use(http.put(`${numbersUrl}/:id`, () => HttpResponse.json(fixture(provider, 'phone-number'))));
    await client().phoneNumbers.update('pn_1', { agentId: null });
    await client().phoneNumbers.update('pn_1', { label: null, status: 'active', agentId: undefined });
    expect(await requests[0]!.json()).toEqual({ agentId: null });
    expect(await requests[1]!.json()).toEqual({ friendlyName: null, status: 'active' });
  });

  it('is retried like every idempotent request (the contrast with create)', async () => {
    let attempts = 0;
    server.use(
      http.put(`${numbersUrl}/:id`, () =>
        ++attempts === 1
          ? HttpResponse.json({ error: 'temporary failure' }, { status: 503, headers: { 'retry-after-ms': '0' } })
          : HttpResponse.json(fixture(provider, 'phone-number')),
      ),
    );
    const number = await client().phoneNumbers.update('pn_1', { label: 'Support line' });
    expect(number.id).toBe('pn_01HV7K2Q9M');
    expect(requests).toHaveLength(2);
  });

  it.each([
    [{}, /the patch is empty; give at least one of agentId, label, status\. Nothing was sent\./],
    [{ label: undefined }, /the patch is empty/],
    [{ number: '+1415' }, /does not take "number"; it takes agentId, label, status/],
    [{ status: 'pending' }, /status must be active or inactive on numbers-assignment \(got "pending"\)/],
    [{ status: 'canceling' }, /status must be active or inactive/],
    [{ agentId: '' }, /agentId must be a non-empty string, or null to unlink the agent/],
    [{ label: 5 }, /label must be a string, or null to clear it \(got number\)/],
    ['label', /needs an object \{ agentId\?, label\?, status\? \}/],
  ])('refuses %j before any request', async (patch, message) => {
    server.use(http.put(`${numbersUrl}/:id`, () => HttpResponse.json(fixture(provider, 'phone-number'))));
    const error = await failureOf(client().phoneNumbers.update('pn_1', patch as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("refuses the id '..' before any request", async () => {
    await expect(client().phoneNumbers.update('..', { label: 'x' })).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});

describe('numbers-assignment phoneNumbers.delete', () => {
  it.each([
    ['200 with no content', () => new HttpResponse(null, { status: 200 })],
    ['204', () => new HttpResponse(null, { status: 204 })],
  ])('sends DELETE /numbers/{id} and resolves to nothing on %s', async (_case, answer) => {
    server.use(http.delete(`${numbersUrl}/:id`, answer));
    await expect(client().phoneNumbers.delete('pn 1/2')).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('DELETE');
    expect(pathOf(requests[0]!)).toBe('/v1/numbers/pn%201%2F2');
    expect(requests[0]!.headers.get('x-api-key')).toBe(key);
  });

  it("refuses the id '..' before any request", async () => {
    await expect(client().phoneNumbers.delete('..')).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });
});
