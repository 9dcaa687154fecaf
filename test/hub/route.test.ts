import { describe, expect, it } from 'vitest';
import { createHub, HubError, InvalidRequestError, VoiceplaneError, type HubPlatforms } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { failureOf, useSandbox } from '../testing/use-sandbox.js';

const sandbox = useSandbox();
const seeds = await sandboxSeed();
const hubOver = (providers: readonly ('vox' | 'vogent' | 'numbers-assignment')[], overrides: Partial<Record<string, object>> = {}) => {
  const platforms: Record<string, object> = {};
  for (const provider of providers) {
    const { provider: _provider, ...options } = sandbox().clientOptions(provider);
    platforms[provider] = { ...options, ...overrides[provider] };
  }
  return createHub(platforms as HubPlatforms, { defaultCountry: 'KR' });
};
const voxNumber = seeds.vox.phoneNumbers.find((item) => item.status === 'active' && item.provider === 'vox')!;
const vogentNumber = seeds.vogent.phoneNumbers.find((item) => item.type === 'PSTN')!;

describe('hub.phoneNumbers.route', () => {
  it('finds a vox number by its international spelling and routes it there; the number reads back routed', async () => {
    const hub = hubOver(['vox', 'vogent', 'numbers-assignment']);
    const international = `+82 ${voxNumber.number.slice(1)}`;
    const routed = await hub.phoneNumbers.route(international, 'agent-routed');
    expect(routed).toMatchObject({ provider: 'vox', id: voxNumber.id, agentId: 'agent-routed' });
    expect((await hub.client('vox').phoneNumbers.get(voxNumber.id)).agentId).toBe('agent-routed');
    const writes = sandbox().requests.filter((request) => request.method !== 'GET');
    expect(writes.map((request) => `${request.provider} ${request.method} ${request.path}`)).toEqual([
      `vox PATCH /v3/organization-telephone-numbers/${voxNumber.id}/agent`,
    ]);
  });

  it('routes a Vogent number with Vogent\'s PUT', async () => {
    const routed = await hubOver(['vox', 'vogent']).phoneNumbers.route(vogentNumber.number, 'agent-v');
    expect(routed).toMatchObject({ provider: 'vogent', id: vogentNumber.id, agentId: 'agent-v' });
    expect(sandbox().requests.filter((request) => request.method === 'PUT').map((request) => request.path)).toEqual([`/phone_numbers/${vogentNumber.id}`]);
  });

  it('refuses a number found on two platforms, naming both, and changes nothing', async () => {
    const hub = hubOver(['vogent', 'numbers-assignment']);
    const copy = await hub.client('numbers-assignment').phoneNumbers.create({ number: vogentNumber.number, agentId: 'agt_x' });
    const error = await failureOf(hub.phoneNumbers.route(vogentNumber.number, 'agent-v'));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(
      `hub.phoneNumbers.route: ${vogentNumber.number} is on more than one platform: vogent (id ${vogentNumber.id}), numbers-assignment (id ${copy.id}); ` +
        'nothing was changed. Route it on the one you mean with hub.client(provider).phoneNumbers.update(id, { agentId }).',
    );
    expect(sandbox().requests.filter((request) => request.method === 'PUT')).toHaveLength(0);
  });

  it('refuses a number no platform holds', async () => {
    const error = await failureOf(hubOver(['vox', 'vogent']).phoneNumbers.route('+1 555 010 9999', 'agent-v'));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe('hub.phoneNumbers.route: no platform of this hub (vox, vogent) holds +15550109999; nothing was changed.');
  });

  it('changes nothing when a platform could not be searched, naming it', async () => {
    const hub = hubOver(['vox', 'vogent'], { vogent: { apiKey: 'wrong-key' } });
    const error = await failureOf(hub.phoneNumbers.route(`+82${voxNumber.number.slice(1)}`, 'agent-routed'));
    expect(error).toBeInstanceOf(VoiceplaneError);
    expect((error as Error).message).toMatch(/^hub\.phoneNumbers\.route: vogent could not be searched, so \+82\d+ may be there too; nothing was changed\./);
    expect((error as Error).cause).toBeInstanceOf(HubError);
    expect(sandbox().requests.filter((request) => request.method === 'PATCH')).toHaveLength(0);
  });

  it('refuses an empty agent id before any request', async () => {
    const error = await failureOf(hubOver(['vox']).phoneNumbers.route(voxNumber.number, ' '));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(sandbox().requests).toHaveLength(0);
  });
});
