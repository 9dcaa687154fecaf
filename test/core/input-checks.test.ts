import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, InvalidRequestError } from '../../src/index.js';
import { http, HttpResponse, requests, server, useMsw } from '../helpers/msw.js';
import { failureOf } from '../helpers/outcomes.js';

useMsw();

afterEach(() => {
  vi.unstubAllEnvs();
});

const campaignUrl = 'https://client-api.tryvox.co/v3/campaigns/:id';

function serveCampaign() {
  server.use(http.get(campaignUrl, () => HttpResponse.json({ id: 'c', name: 'n' })));
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (caught) {
    return caught;
  }
  throw new Error('expected a failure');
}

/** Everything a caller could print about an error: message, JSON, and inspect with its cause chain. */
function everythingShown(error: unknown): string {
  return `${(error as Error).message}\n${JSON.stringify(error)}\n${inspect(error, { depth: 10 })}`;
}

describe('the API key', () => {
  const badKeys: [string, string][] = [
    ['a line break inside', 'vox_secret_part1\nvox_secret_part2'],
    ['a character outside Latin-1', 'vox_secret_part1\u2013vox_secret_part2'],
    ['a character outside ASCII', 'vox_secret_part1\u00e9vox_secret_part2'],
    ['a control character', 'vox_secret_part1\u0000vox_secret_part2'],
  ];
  for (const [what, apiKey] of badKeys) {
    it(`with ${what} is refused before any request, without showing the key`, async () => {
      serveCampaign();
      const error = await failureOf(createClient({ provider: 'vox', apiKey }).campaigns.get('c'));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toBe(
        'vox: the API key (from options.apiKey or VOX_API_KEY) holds a character a request header cannot carry ' +
          '(a line break inside it, a control character, or a character outside ASCII). Copy the key again exactly as the platform shows it.',
      );
      expect(everythingShown(error)).not.toMatch(/vox_secret_part/);
      expect(requests).toHaveLength(0);
    });
  }

  it('from the environment, with a bad character, is refused the same way', async () => {
    vi.stubEnv('VOX_API_KEY', 'env_secret\r\nX-Injected: 1');
    const error = await failureOf(createClient({ provider: 'vox' }).campaigns.get('c'));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(everythingShown(error)).not.toMatch(/env_secret/);
    expect(requests).toHaveLength(0);
  });

  it('is sent without the line break a file read leaves at its end', async () => {
    serveCampaign();
    await createClient({ provider: 'vox', apiKey: 'vox_key_from_file\n' }).campaigns.get('c');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer vox_key_from_file');
  });
});

describe('the headers option', () => {
  it('refuses a value a header cannot carry at createClient, naming the header but not the value', () => {
    const error = thrownBy(() => createClient({ provider: 'vox', apiKey: 'k', headers: { 'x-proxy-token': 'tok_secret\nX-Evil: 1' } }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(
      'vox: headers: the value of "x-proxy-token" must be text a header can carry ' +
        '(no line break inside it, no control character, nothing outside ASCII).',
    );
    expect(everythingShown(error)).not.toMatch(/tok_secret/);
  });

  it('refuses a value outside ASCII and a value that is not text', () => {
    expect(() => createClient({ provider: 'vox', apiKey: 'k', headers: { 'x-team': 'caf\u00e9 \u2603' } })).toThrow(InvalidRequestError);
    expect(() => createClient({ provider: 'vox', apiKey: 'k', headers: { 'x-team': 7 } as never })).toThrow(
      /the value of "x-team" must be text/,
    );
  });

  it('refuses a name that is not a header name', () => {
    for (const name of ['x team', 'x-team:', '', 'caf\u00e9']) {
      const error = thrownBy(() => createClient({ provider: 'vox', apiKey: 'k', headers: { [name]: 'ops' } }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toMatch(/^vox: headers: ".*" is not a header name; use letters, digits and - only/);
    }
  });

  it('refuses an array of headers instead of sending its indexes as names', () => {
    expect(() => createClient({ provider: 'vox', apiKey: 'k', headers: [['x-team', 'ops']] as never })).toThrow(
      /headers must be an object of header names to values/,
    );
  });

  it('sends the entries of a Headers object', async () => {
    serveCampaign();
    await createClient({ provider: 'vox', apiKey: 'k', headers: new Headers({ 'X-Team': 'ops' }) as never }).campaigns.get('c');
    expect(requests[0]!.headers.get('x-team')).toBe('ops');
  });
});

describe('timeoutMs and maxRetries', () => {
  it('are checked at createClient, before any request', () => {
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '100', 2_147_483_648, 10n]) {
      const error = thrownBy(() => createClient({ provider: 'vox', apiKey: 'k', timeoutMs: timeoutMs as never }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toMatch(/^vox: timeoutMs must be a positive number of milliseconds, at most 2147483647/);
    }
    for (const maxRetries of [-1, 1.5, '2', 2n, 11, 1e9]) {
      const error = thrownBy(() => createClient({ provider: 'vox', apiKey: 'k', maxRetries: maxRetries as never }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toMatch(/^vox: maxRetries must be a whole number from 0 to 10/);
    }
  });

  it('accept the longest timer Node keeps', () => {
    expect(() => createClient({ provider: 'vox', apiKey: 'k', timeoutMs: 2_147_483_647, maxRetries: 0 })).not.toThrow();
  });

  it('refuse a per-call timeoutMs beyond the longest timer, sending nothing', async () => {
    serveCampaign();
    const error = await failureOf(createClient({ provider: 'vox', apiKey: 'k' }).campaigns.get('c', { timeoutMs: 3_000_000_000 }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(
      'vox: timeoutMs must be a positive number of milliseconds, at most 2147483647 (about 24 days) (got 3000000000).',
    );
    expect(requests).toHaveLength(0);
  });
});

describe('baseUrl', () => {
  it('with a user name or password is refused, without quoting them', () => {
    for (const baseUrl of ['https://admin:hunter2secret@api.example.com', 'https://hunter2secret@api.example.com/v1']) {
      const error = thrownBy(() => createClient({ provider: 'numbers-assignment', apiKey: 'k', baseUrl }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toBe(
        'numbers-assignment: baseUrl must not carry a user name or password (user:password@); the API key is the credential. ' +
          'Give the address alone, such as "https://api.example.com".',
      );
      expect(everythingShown(error)).not.toMatch(/hunter2secret/);
    }
  });

  it('with a query is refused without quoting the query, which may hold a token', () => {
    const error = thrownBy(() => createClient({ provider: 'vox', apiKey: 'k', baseUrl: 'https://vox.test/v3?token=tok_secret' }));
    expect((error as Error).message).toBe(
      'vox: baseUrl must not carry a query or fragment; give the address alone, such as "https://vox.test/v3".',
    );
  });

  it('that does not parse is quoted without what may be a credential', () => {
    const error = thrownBy(() => createClient({ provider: 'vox', apiKey: 'k', baseUrl: 'https://user:pw_secret@exa mple.com/?key=k_secret' }));
    expect((error as Error).message).toBe(
      'vox: baseUrl "https://[redacted]@exa mple.com/?[redacted]" is not a valid URL; give one such as "https://api.example.com".',
    );
  });
});

describe('the signal request option', () => {
  it('must be able to take an abort listener', async () => {
    serveCampaign();
    for (const signal of [{ aborted: false }, { aborted: false, addEventListener: () => {} }]) {
      const error = await failureOf(createClient({ provider: 'vox', apiKey: 'k' }).campaigns.get('c', { signal: signal as never }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toBe('vox: signal must be an AbortSignal, such as the signal of an AbortController.');
    }
    const list = await failureOf(createClient({ provider: 'vox', apiKey: 'k' }).phoneNumbers.list({}, { signal: { aborted: false } as never }));
    expect(list).toBeInstanceOf(InvalidRequestError);
    expect(requests).toHaveLength(0);
  });

  it('from another realm, with the three members, is used', async () => {
    serveCampaign();
    const controller = new AbortController();
    const lookalike = {
      get aborted() {
        return controller.signal.aborted;
      },
      get reason() {
        return controller.signal.reason;
      },
      addEventListener: controller.signal.addEventListener.bind(controller.signal),
      removeEventListener: controller.signal.removeEventListener.bind(controller.signal),
    };
    await createClient({ provider: 'vox', apiKey: 'k' }).campaigns.get('c', { signal: lookalike as never });
    expect(requests).toHaveLength(1);
  });
});

describe('messages that quote a value', () => {
  it('quote a BigInt, a symbol or an object without a prototype instead of throwing a TypeError', async () => {
    const noPrototype = Object.create(null) as object;
    expect(() => createClient({ provider: 10n } as never)).toThrow('createClient: unknown provider 10n; use one of vox');
    expect(() => createClient({ provider: Symbol('vox') } as never)).toThrow('createClient: unknown provider Symbol(vox); use one of');
    expect(() => createClient({ provider: 'vox', apiKey: 'k', defaultCountry: 82n } as never)).toThrow(
      'vox: defaultCountry must be a two-letter country code such as "KR" or "US" (got 82n).',
    );
    const vox = createClient({ provider: 'vox', apiKey: 'k' });
    for (const [params, message] of [
      [{ limit: noPrototype }, 'vox: phoneNumbers.list: limit must be a whole number of 1 or more (got {}).'],
      [{ status: 1n }, 'vox: phoneNumbers.list: status 1n is not one of active, pending, canceling, inactive.'],
      [{ status: [] }, 'vox: phoneNumbers.list: status must name at least one status when given.'],
      [{ carrier: 1n }, 'vox: phoneNumbers.list: carrier must be "vox" or "custom" (got 1n).'],
      [{ sortOrder: Symbol('up') }, 'vox: phoneNumbers.list: sortOrder must be "asc" or "desc" (got Symbol(up)).'],
    ] as const) {
      const error = await failureOf(vox.phoneNumbers.list(params as never));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toBe(message);
    }
    const prefetch = await failureOf(vox.phoneNumbers.list({}, { prefetch: noPrototype as never }));
    expect((prefetch as Error).message).toBe('vox: prefetch must be a whole number from 0 to 16 (got {}).');
    expect(requests).toHaveLength(0);
  });
});
