import { beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, InvalidRequestError } from '../../src/index.js';
import { requests, useMsw } from '../helpers/msw.js';

useMsw();

// A value the caller passed is quoted back in the message that refuses it; a BigInt or a symbol
// must give that message, not a TypeError from building it.

beforeEach(() => {
  vi.stubEnv('GENERIC_ORGANIZATION_ID', undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function messageOf(promise: PromiseLike<unknown>): Promise<string> {
  try {
    await promise;
  } catch (caught) {
    expect(caught).toBeInstanceOf(InvalidRequestError);
    return (caught as Error).message;
  }
  throw new Error('expected a failure');
}

describe('refusals that quote an odd value', () => {
  it('generic: assigned', async () => {
    const generic = createClient({ provider: 'generic', apiKey: 'k', baseUrl: 'https://api.example.com', organizationId: 'org_1' });
    expect(await messageOf(generic.phoneNumbers.list({ assigned: 1n } as never))).toBe(
      'generic: phoneNumbers.list: assigned must be true or false (got 1n).',
    );
    expect(requests).toHaveLength(0);
  });

  it('numbers-assignment: update agentId and status', async () => {
    const client = createClient({ provider: 'numbers-assignment', apiKey: 'k', baseUrl: 'https://numbers.example.test/v1' });
    expect(await messageOf(client.phoneNumbers.update('num_1', { agentId: 5n } as never))).toBe(
      'numbers-assignment: phoneNumbers.update: agentId must be a non-empty string, or null to unlink the agent (got 5n).',
    );
    expect(await messageOf(client.phoneNumbers.update('num_1', { status: Symbol('on') } as never))).toBe(
      'numbers-assignment: phoneNumbers.update: status must be active or inactive on numbers-assignment (got Symbol(on)).',
    );
    expect(requests).toHaveLength(0);
  });

  it('numbers-assignment: a cursor with control characters is quoted escaped', async () => {
    const client = createClient({ provider: 'numbers-assignment', apiKey: 'k', baseUrl: 'https://numbers.example.test/v1' });
    expect(await messageOf(client.phoneNumbers.list({ cursor: '2\u001b[2J' }))).toBe(
      'numbers-assignment: phoneNumbers.list: cursor "2\\u001b[2J" is not a numbers-assignment cursor (a page number such as "2"). ' +
        'Pass back the nextCursor of an earlier page unchanged.',
    );
  });
});

describe('generic organization id', () => {
  it('refuses a character outside ASCII, as it refuses a line break', () => {
    for (const organizationId of ['org\u201342', 'org\n42', 'org\u007f42']) {
      expect(() =>
        createClient({ provider: 'generic', apiKey: 'k', baseUrl: 'https://api.example.com', organizationId }),
      ).toThrow(/the organization id \(from organizationId or GENERIC_ORGANIZATION_ID\) holds characters a header cannot carry/);
    }
  });
});
