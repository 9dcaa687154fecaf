import { delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, createHub, HubError, InvalidRequestError, type PhoneNumber } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, requests, server, useMsw } from '../helpers/msw.js';

useMsw();

const platforms = {
  vox: { apiKey: 'vox_key' },
  vogent: { apiKey: 'vogent_key' },
  generic: { apiKey: 'generic_key', baseUrl: 'https://generic.test', organizationId: 'org_1' },
  'numbers-assignment': { apiKey: 'na_key', baseUrl: 'https://na.test' },
};

type Page = Record<string, unknown> & { data?: unknown[]; items?: unknown[] };

/** Serves every platform's fixtures; `slow` platforms answer each page after `slowMs`, `failing` ones with 401. */
function servePlatforms(options: { slow?: string[]; failing?: string[]; slowMs?: number } = {}) {
  const answer = async (provider: string, body: () => unknown, status = 200) => {
    if (options.slow?.includes(provider)) await delay(options.slowMs ?? 80);
    if (options.failing?.includes(provider)) {
      return HttpResponse.json({ success: false, error: { code: 'unauthorized', message: 'bad key' } }, { status: 401 });
    }
    return HttpResponse.json(body() as Record<string, unknown>, { status });
  };
  server.use(
    http.get('https://client-api.tryvox.co/v3/organization-telephone-numbers', ({ request }) =>
      answer('vox', () =>
        fixture('vox', new URL(request.url).searchParams.has('cursor') ? 'phone-numbers-page-2' : 'phone-numbers-page-1'),
      ),
    ),
    http.get('https://api.vogent.ai/api/phone_numbers', ({ request }) =>
      answer('vogent', () =>
        fixture('vogent', new URL(request.url).searchParams.has('cursor') ? 'phone-numbers-page-2' : 'phone-numbers-page-1'),
      ),
    ),
    http.get('https://api.vogent.ai/api/batch_dial_jobs', ({ request }) =>
      answer('vogent', () =>
        fixture('vogent', new URL(request.url).searchParams.has('cursor') ? 'batch-dial-jobs-page-2' : 'batch-dial-jobs-page-1'),
      ),
    ),
    http.get('https://generic.test/api/phone-numbers', () => answer('generic', () => fixture('generic', 'phone-numbers'))),
    http.get('https://na.test/numbers', ({ request }) =>
      answer('numbers-assignment', () =>
        fixture('numbers-assignment', new URL(request.url).searchParams.get('page') === '2' ? 'phone-numbers-page-2' : 'phone-numbers-page-1'),
      ),
    ),
  );
}

const idsOf = (provider: string, pages: string[]) =>
  pages.flatMap((name) => {
    const page = fixture<Page>(provider, name);
    return ((page.items ?? page.data) as { id?: string; phone_number_id?: string }[]).map(
      (item) => item.id ?? item.phone_number_id,
    );
  });

const expectedIds = {
  vox: idsOf('vox', ['phone-numbers-page-1', 'phone-numbers-page-2']),
  vogent: idsOf('vogent', ['phone-numbers-page-1', 'phone-numbers-page-2']),
  generic: idsOf('generic', ['phone-numbers']),
  'numbers-assignment': idsOf('numbers-assignment', ['phone-numbers-page-1', 'phone-numbers-page-2']),
};

const byProvider = (items: PhoneNumber[]) => {
  const groups: Record<string, string[]> = {};
  for (const item of items) (groups[item.provider] ??= []).push(item.id);
  return groups;
};

describe('createHub', () => {
  it('refuses an unknown platform, naming it, and an empty hub', () => {
    expect(() => createHub({ twilio: {} } as never)).toThrow(InvalidRequestError);
    expect(() => createHub({ twilio: {} } as never)).toThrow('createHub: unknown platform "twilio"; use any of vox, vogent');
    expect(() => createHub({})).toThrow('name at least one platform');
  });

  it('lists every number of the four platforms, each tagged with its provider, order kept within each', async () => {
    servePlatforms();
    const hub = createHub(platforms);
    const items: PhoneNumber[] = [];
    for await (const number of hub.phoneNumbers.list()) items.push(number);
    expect(byProvider(items)).toEqual(expectedIds);
    expect(items.find((item) => item.number === '0212345678')?.e164).toBe('+82212345678');
  });

  it('yields what works when one platform is slow and one fails, then reports the failure', async () => {
    servePlatforms({ slow: ['vox'], failing: ['generic'] });
    const hub = createHub(platforms);
    const items: PhoneNumber[] = [];
    const error = await (async () => {
      for await (const number of hub.phoneNumbers.list()) items.push(number);
    })().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HubError);
    const failures = (error as HubError).failures;
    expect(failures.map((failure) => failure.provider)).toEqual(['generic']);
    expect(failures[0]!.error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/^1 of 4 platforms failed: generic \(AuthenticationError: generic answered 401/);
    const { generic: _missing, ...others } = expectedIds;
    expect(byProvider(items)).toEqual(others);
    // The slow platform came last: the others did not wait for it.
    expect(items.at(-1)!.provider).toBe('vox');
  });

  it('collects { items, errors } with listAll instead of throwing', async () => {
    servePlatforms({ failing: ['vogent', 'numbers-assignment'] });
    const { items, errors } = await createHub(platforms).phoneNumbers.listAll();
    expect(byProvider(items)).toEqual({ vox: expectedIds.vox, generic: expectedIds.generic });
    expect(errors.map((failure) => failure.provider).sort()).toEqual(['numbers-assignment', 'vogent']);
  });

  it('keeps at most `concurrency` platforms in flight', async () => {
    servePlatforms();
    const hub = createHub({ vox: platforms.vox, vogent: platforms.vogent }, { concurrency: 1 });
    const { items } = await hub.phoneNumbers.listAll();
    expect(items).toHaveLength(expectedIds.vox.length + expectedIds.vogent.length);
    const hosts = requests.map((request) => new URL(request.url).host);
    expect(hosts).toEqual(['client-api.tryvox.co', 'client-api.tryvox.co', 'api.vogent.ai', 'api.vogent.ai']);
  });

  it('passes neutral filters to every platform', async () => {
    servePlatforms();
    await createHub({ vox: platforms.vox, 'numbers-assignment': platforms['numbers-assignment'] }).phoneNumbers.listAll({
      status: 'active',
      limit: 2,
    });
    const first = requests.map((request) => [new URL(request.url).host, new URL(request.url).searchParams.get('status')]);
    expect(first).toContainEqual(['client-api.tryvox.co', 'active']);
    expect(first).toContainEqual(['na.test', 'active']);
  });

  it('lists campaigns only from the platforms that list campaigns', async () => {
    servePlatforms();
    const { items, errors } = await createHub(platforms).campaigns.listAll();
    expect(errors).toEqual([]);
    expect(new Set(items.map((campaign) => campaign.provider))).toEqual(new Set(['vogent']));
    expect(items.map((campaign) => campaign.id)).toEqual(idsOf('vogent', ['batch-dial-jobs-page-1', 'batch-dial-jobs-page-2']));
    expect(requests.every((request) => new URL(request.url).host === 'api.vogent.ai')).toBe(true);
  });
});

describe('findByNumber', () => {
  it.each([
    ['+82 2-1234-5678', 'vox', '3c90c3cc-0d44-4b50-8888-8dd25736052a'],
    ['0212345678', 'vox', '3c90c3cc-0d44-4b50-8888-8dd25736052a'],
    ['821012345678', 'vox', null],
    ['+1 (415) 555-0101', 'numbers-assignment', 'agt_support'],
    ['1-800-123-4567', 'vogent', 'a7c3e9f1-2b4d-4e6f-8a0b-c1d2e3f4a5b6'],
  ])('finds %s on %s, with the agent it routes to', async (spelling, provider, agentId) => {
    servePlatforms();
    const result = await createHub(platforms, { defaultCountry: 'KR' }).phoneNumbers.findByNumber(spelling, {
      defaultCountry: spelling.startsWith('1-') ? 'US' : undefined,
    });
    expect(result.errors).toEqual([]);
    expect(result.matches.map((match) => [match.provider, match.agentId])).toEqual([[provider, agentId]]);
  });

  it('reports platforms it could not search beside the matches', async () => {
    servePlatforms({ failing: ['vogent'] });
    const result = await createHub(platforms, { defaultCountry: 'KR' }).phoneNumbers.findByNumber('0212345678');
    expect(result.e164).toBe('+82212345678');
    expect(result.matches).toHaveLength(1);
    expect(result.errors.map((failure) => failure.provider)).toEqual(['vogent']);
  });

  it('refuses a number it cannot read, naming it, before any request', async () => {
    servePlatforms();
    await expect(createHub(platforms).phoneNumbers.findByNumber('call me')).rejects.toThrow(
      '"call me" cannot be read as a phone number',
    );
    expect(requests).toHaveLength(0);
  });
});
