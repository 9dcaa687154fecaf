import { describe, expect, it } from 'vitest';
import { createHub, HubError, InvalidRequestError, type PhoneNumber } from '../../src/index.js';
import { queryOf, requests, useMsw } from '../helpers/msw.js';
import { byProvider, expectedIds, idsOf, platforms, servePlatforms } from './serve-platforms.js';

useMsw();

const hostsOf = (list: Request[]) => list.map((request) => new URL(request.url).host);

describe('a hub list with maxItemsPerPlatform', () => {
  it('takes the first N items of each platform, cutting the page that reaches N, and fetches no page after it', async () => {
    servePlatforms();
    const items: PhoneNumber[] = [];
    for await (const number of createHub(platforms).phoneNumbers.list({ maxItemsPerPlatform: 3 })) items.push(number);
    expect(byProvider(items)).toEqual({
      // vox: one number in each of its first three statuses; vogent: 3 of its first page of 3; generic has 2 in
      // all; numbers-assignment: 2 + 1.
      vox: expectedIds.vox.slice(0, 3),
      vogent: expectedIds.vogent.slice(0, 3),
      generic: expectedIds.generic,
      'numbers-assignment': expectedIds['numbers-assignment'].slice(0, 3),
    });
    expect(hostsOf(requests).sort()).toEqual([
      'api.vogent.ai',
      // vox: its active page and one item of each other status (the totals), then the scheduled and
      // cancel_requested pages; the cap is reached there, so expired is not asked again.
      ...Array.from({ length: 6 }, () => 'client-api.tryvox.co'),
      'generic.test',
      'na.test',
      'na.test',
    ]);
  });

  it('with 1, asks each platform for one page only, and sends the cap to none of them', async () => {
    servePlatforms();
    const { items, errors } = await createHub(platforms).phoneNumbers.listAll({ maxItemsPerPlatform: 1, limit: 2, status: 'active' });
    expect(errors).toEqual([]);
    expect(byProvider(items)).toEqual({
      vox: expectedIds.vox.slice(0, 1),
      vogent: expectedIds.vogent.slice(0, 1),
      generic: expectedIds.generic.slice(0, 1),
      'numbers-assignment': expectedIds['numbers-assignment'].slice(0, 1),
    });
    expect(requests).toHaveLength(4);
    for (const request of requests) expect(Object.keys(queryOf(request))).not.toContain('maxItemsPerPlatform');
    const vox = requests.find((request) => new URL(request.url).host === 'client-api.tryvox.co')!;
    expect(queryOf(vox)).toEqual({ limit: ['2'], status: ['active'] });
  });

  it('caps campaigns the same way', async () => {
    servePlatforms();
    const { vox: _vox, ...others } = platforms;
    const { items } = await createHub(others).campaigns.listAll({ maxItemsPerPlatform: 2 });
    expect(items.map((campaign) => campaign.id)).toEqual(idsOf('vogent', ['batch-dial-jobs-page-1']).slice(0, 2));
    expect(requests).toHaveLength(1);
  });

  it('still reports a platform that fails before its cap', async () => {
    servePlatforms({ failing: ['vogent'] });
    const items: PhoneNumber[] = [];
    const error = await (async () => {
      for await (const number of createHub(platforms).phoneNumbers.list({ maxItemsPerPlatform: 1 })) items.push(number);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).failures.map((failure) => failure.provider)).toEqual(['vogent']);
    expect(Object.keys(byProvider(items)).sort()).toEqual(['generic', 'numbers-assignment', 'vox']);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null])(
    'refuses %s as an InvalidRequestError before any request, from list() and from listAll()',
    async (cap) => {
      servePlatforms();
      const hub = createHub(platforms);
      const params = { maxItemsPerPlatform: cap as never };
      const fromList = await (async () => {
        for await (const _number of hub.phoneNumbers.list(params)) void _number;
      })().catch((caught: unknown) => caught);
      expect(fromList).toBeInstanceOf(InvalidRequestError);
      expect((fromList as Error).message).toMatch(/^hub list: maxItemsPerPlatform must be a whole number of 1 or more \(got /);
      await expect(hub.campaigns.listAll(params)).rejects.toThrow(InvalidRequestError);
      expect(requests).toHaveLength(0);
    },
  );
});
