import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, createClient, PermissionDeniedError } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { collect, failureOf, useSandbox } from './use-sandbox.js';

const sandbox = useSandbox({ organizationId: 'org_acme' });
const seed = (await sandboxSeed()).generic;
const generic = () => createClient(sandbox().clientOptions('generic'));

describe('sandbox: generic', () => {
  it('hands out the organization id with the client options', () => {
    expect(sandbox().clientOptions('generic')).toEqual({
      provider: 'generic',
      apiKey: 'sandbox-generic-key',
      baseUrl: `${sandbox().url}/generic`,
      organizationId: 'org_acme',
    });
  });

  it('lists every number to the end with cursor, has_more and total_count', async () => {
    const first = await generic().phoneNumbers.list({ limit: 40 });
    expect(first.totalCount).toBe(150);
    expect(first.hasMore).toBe(true);

    const numbers = await collect(generic().phoneNumbers.list({ limit: 40 }));
    expect(numbers.map((number) => number.raw)).toEqual(seed.phoneNumbers);
    expect(new Set(numbers.map((number) => number.carrier))).toEqual(new Set(['twilio', 'sip']));
    expect(numbers.every((number) => /^\+[1-9]\d{9,13}$/.test(number.number))).toBe(true);
    // 1 page above, then pages of 40, 40, 40 and 30.
    expect(sandbox().requestCount('generic')).toBe(5);
  });

  it('filters free and assigned numbers with status=free|assigned', async () => {
    const assigned = await collect(generic().phoneNumbers.list({ assigned: true }));
    const free = await collect(generic().phoneNumbers.list({ status: 'inactive' }));

    expect(assigned).toHaveLength(seed.phoneNumbers.filter((number) => number.status === 'assigned').length);
    expect(assigned.every((number) => number.raw.status === 'assigned' && number.agentId !== null)).toBe(true);
    expect(free).toHaveLength(60);
    expect(free.every((number) => number.raw.status === 'free' && number.agentId === null)).toBe(true);
    // 90 assigned and 60 free numbers: two pages of the default 50 each.
    expect(sandbox().requests.map((request) => request.query.status)).toEqual([['assigned'], ['assigned'], ['free'], ['free']]);
  });

  it('answers a bad limit with a 400 in its { success: false, error } envelope', async () => {
    const response = await fetch(`${sandbox().baseUrl('generic')}/api/phone-numbers?limit=0`, {
      headers: { 'x-api-key': sandbox().apiKeys.generic, 'x-organization-id': 'org_acme' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      success: false,
      error: { code: 'VALIDATION_ERROR', message: 'limit must be an integer from 1 to 100.' },
    });
    const badCursor = await failureOf(generic().phoneNumbers.list({ cursor: 'cur_nonsense' }));
    expect(badCursor).toBeInstanceOf(BadRequestError);
  });

  it('refuses a wrong key with a 401 and another organization with a 403', async () => {
    const wrongKey = await failureOf(createClient({ ...sandbox().clientOptions('generic'), apiKey: 'nope' }).phoneNumbers.list());
    expect(wrongKey).toBeInstanceOf(AuthenticationError);
    expect((wrongKey as AuthenticationError).body).toEqual({ success: false, error: { code: 'UNAUTHORIZED', message: 'Invalid API key.' } });

    const otherOrganization = createClient({ ...sandbox().clientOptions('generic'), organizationId: 'org_other' });
    const error = await failureOf(otherOrganization.phoneNumbers.list());
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).message).toContain('no access to organization org_other');
  });

  it('refuses a request without X-API-Key, saying which header is missing', async () => {
    const response = await fetch(`${sandbox().baseUrl('generic')}/api/phone-numbers`, { headers: { 'x-organization-id': 'org_acme' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ success: false, error: { code: 'UNAUTHORIZED', message: 'Missing X-API-Key header.' } });
  });

  it('answers an unknown path with a 404 in its envelope', async () => {
    const response = await fetch(`${sandbox().baseUrl('generic')}/api/phone-numbers/phon_x`, {
      headers: { 'x-api-key': sandbox().apiKeys.generic, 'x-organization-id': 'org_acme' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: 'No such endpoint: GET /api/phone-numbers/phon_x.' },
    });
  });
});
