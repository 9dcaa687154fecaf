import { describe, expect, it } from 'vitest';
import { AuthenticationError, createHub, HubError, InvalidRequestError, type PhoneNumber } from '../../src/index.js';
import { requests, useMsw } from '../helpers/msw.js';
import { byProvider, expectedIds, idsOf, platforms, servePlatforms } from './serve-platforms.js';

useMsw();

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
    // vox answers only once every item of the other platforms that work came through: were the
    // hub waiting for vox, this loop would never get that far and vox would never answer.
    const vox = servePlatforms({ held: ['vox'], failing: ['generic'] });
    const othersCount = expectedIds.vogent.length + expectedIds['numbers-assignment'].length;
    const hub = createHub(platforms);
    const items: PhoneNumber[] = [];
    const error = await (async () => {
      for await (const number of hub.phoneNumbers.list()) {
        items.push(number);
        if (items.length === othersCount) vox.release();
      }
    })().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HubError);
    const failures = (error as HubError).failures;
    expect(failures.map((failure) => failure.provider)).toEqual(['generic']);
    expect(failures[0]!.error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/^1 of 4 platforms failed: generic \(AuthenticationError: generic answered 401/);
    const { generic: _missing, ...others } = expectedIds;
    expect(byProvider(items)).toEqual(others);
    // The slow platform came last: the others did not wait for it.
    expect(items.slice(othersCount).map((item) => item.provider)).toEqual(expectedIds.vox.map(() => 'vox'));
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
    // vox: the active page, one item of each other status, then the scheduled and cancel_requested pages
    // (expired, known to be empty, is not asked again); then vogent's two pages.
    expect(hosts).toEqual([...Array.from({ length: 6 }, () => 'client-api.tryvox.co'), 'api.vogent.ai', 'api.vogent.ai']);
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
    // vox lists campaigns too (its writes' tests cover that list); these fixtures serve Vogent's.
    const { vox: _vox, ...others } = platforms;
    const { items, errors } = await createHub(others).campaigns.listAll();
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

  it("reads a national spelling with each platform's own country when none is given (vox: KR)", async () => {
    servePlatforms();
    const result = await createHub(platforms).phoneNumbers.findByNumber('02-1234-5678');
    expect(result.e164).toBe('+82212345678');
    expect(result.matches.map((match) => [match.provider, match.id])).toEqual([['vox', '7f3c2a10-4b5e-4c6d-9e8f-0a1b2c3d4e5f']]);
    expect(result.errors).toEqual([]);
  });

  it("reads it with a country set on one platform's client, for that platform", async () => {
    servePlatforms();
    const hub = createHub({ ...platforms, 'numbers-assignment': { ...platforms['numbers-assignment'], defaultCountry: 'US' } });
    const result = await hub.phoneNumbers.findByNumber('(415) 555-0101');
    expect(result.e164).toBe('+14155550101');
    expect(result.matches.map((match) => [match.provider, match.agentId])).toEqual([['numbers-assignment', 'agt_support']]);
  });

  it('finds vox numbers in every status, not only active ones', async () => {
    servePlatforms();
    const result = await createHub(platforms).phoneNumbers.findByNumber('0312345678');
    expect(result.matches.map((match) => [match.provider, match.status])).toEqual([['vox', { unified: 'pending', raw: 'scheduled' }]]);
  });

  it('refuses a national spelling no platform of the hub can read, before any request', async () => {
    servePlatforms();
    const hub = createHub({ vogent: platforms.vogent, generic: platforms.generic });
    await expect(hub.phoneNumbers.findByNumber('02-1234-5678')).rejects.toThrow(
      /"02-1234-5678" cannot be read as a phone number\. .*set defaultCountry for national numbers/,
    );
    expect(requests).toHaveLength(0);
  });

  it('refuses a number it cannot read, naming it, before any request', async () => {
    servePlatforms();
    await expect(createHub(platforms).phoneNumbers.findByNumber('call me')).rejects.toThrow(
      '"call me" cannot be read as a phone number',
    );
    expect(requests).toHaveLength(0);
  });

  it.each(['call 01012345678 tomorrow', '+14155550100 ext. 9999'])('refuses %j: a number with text around it is not parsed out', async (number) => {
    servePlatforms();
    await expect(createHub(platforms).phoneNumbers.findByNumber(number)).rejects.toThrow(
      `${JSON.stringify(number)} cannot be read as a phone number. Give the number alone`,
    );
    expect(requests).toHaveLength(0);
  });
});

describe('createHub options', () => {
  it('quotes a hostile concurrency instead of throwing a TypeError', () => {
    expect(() => createHub({ vox: { apiKey: 'k' } }, { concurrency: 2n as never })).toThrow(
      'createHub: concurrency must be a whole number of 1 or more (got 2n)',
    );
  });
});
