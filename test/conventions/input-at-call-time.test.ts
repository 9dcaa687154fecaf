import { describe, expect, it } from 'vitest';
import { http, HttpResponse, requests, server, useMsw } from '../helpers/msw.js';
import { base, batch, client } from '../providers/bland-helpers.js';
import { createClient } from '../../src/index.js';

// A write goes out a few awaits after the call (its checks, its chunk): what it sends is what the
// caller passed at the call, even when the caller reuses and changes the same object right after.

useMsw();

describe('a write sends its input as it was at the call', () => {
  it('campaigns.create: a reused input object changed right after the call', async () => {
    server.use(
      http.post(`${base}/v2/batches/create`, () => HttpResponse.json({ data: { batch_id: batch.id }, errors: null })),
      http.get(`${base}/v2/batches/:id`, () => HttpResponse.json({ data: batch, errors: null })),
    );
    const input = {
      name: 'First batch',
      agentId: 'pw_clinic',
      fromNumberId: '+18005551234',
      recipients: [{ number: '+14155550101' }],
    };
    const created = client().campaigns.create(input);
    input.name = 'Second batch';
    input.recipients[0]!.number = '+14155550199';
    await created;
    expect(await requests[0]!.json()).toMatchObject({ label: 'First batch', call_objects: [{ phone_number: '+14155550101' }] });
  });

  it('phoneNumbers.update: a patch changed right after the call', async () => {
    const numberWire = { id: 'num-1', number: '07012345678', provider: 'vox', status: 'active', inbound_agent: null, outbound_agent: null };
    server.use(http.patch('https://client-api.tryvox.co/v3/organization-telephone-numbers/:id/agent', () => HttpResponse.json(numberWire)));
    const vox = createClient({ provider: 'vox', apiKey: 'vox_secret_key' });
    const patch: { agentId: string | null } = { agentId: 'agent-first' };
    const updated = vox.phoneNumbers.update('num-1', patch);
    patch.agentId = 'agent-second';
    await updated;
    expect(await requests[0]!.json()).toEqual({ inbound_agent: { agent_id: 'agent-first', agent_version: 'production' } });
  });
});
