import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Campaign, Page, PhoneNumber } from '../../src/index.js';
import { voxCampaignStatuses } from '../../src/providers/vox/map-campaign.js';
import { voxPhoneNumberStatuses } from '../../src/providers/vox/map-phone-number.js';
import { fixture } from '../helpers/fixtures.js';
import {
  asReceived,
  describeBodyProperties,
  expectE164Shape,
  expectedStatus,
  nullish,
  numRuns,
  propertyTimeout,
  statusArbitrary,
  unknownFields,
  usePropertyServer,
  type AdapterUnderTest,
  type JsonObject,
} from '../helpers/properties.js';

const items = (body: unknown) => (body as { items: unknown[] }).items;
const one = (body: unknown) => [body];

const adapter: AdapterUnderTest = {
  provider: 'vox',
  operations: [
    {
      name: 'phoneNumbers.list',
      call: (client) => client.phoneNumbers.list!({ status: 'active' }),
      fixture: () => fixture('vox', 'phone-numbers-page-1'),
      rawObjects: items,
      results: (page) => (page as Page<PhoneNumber>).items,
    },
    {
      name: 'phoneNumbers.get',
      call: (client) => client.phoneNumbers.get!('pn_1'),
      fixture: () => fixture<{ items: unknown[] }>('vox', 'phone-numbers-page-1').items[0],
      rawObjects: one,
      results: (number) => [number as PhoneNumber],
    },
    {
      name: 'campaigns.get',
      call: (client) => client.campaigns.get!('cmp_1'),
      fixture: () => fixture('vox', 'campaign'),
      rawObjects: one,
      results: (campaign) => [campaign as Campaign],
    },
  ],
};

describeBodyProperties(adapter);

const timestamp = fc.integer({ min: 0, max: 4_102_444_800_000 });
const agent = nullish(fc.record({ agent_id: nullish(fc.string()) }, { requiredKeys: [] }));

const phoneNumberFields = ['id', 'number', 'provider', 'status', 'created_at', 'updated_at', 'inbound_agent', 'outbound_agent', 'memo'];
const phoneNumberWire: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.record(
      {
        id: fc.string(),
        number: fc.string(),
        provider: nullish(fc.oneof(fc.constantFrom('vox', 'custom'), fc.string())),
        status: nullish(statusArbitrary(voxPhoneNumberStatuses)),
        created_at: nullish(timestamp),
        updated_at: nullish(timestamp),
        inbound_agent: agent,
        outbound_agent: agent,
        memo: nullish(fc.string()),
      },
      { requiredKeys: ['id', 'number'] },
    ),
    unknownFields(phoneNumberFields),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

const count = nullish(fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true })));
const campaignFields = [
  'id', 'name', 'status', 'agent', 'from_number', 'total_calls', 'completed_calls', 'failed_calls', 'concurrency',
  'active_concurrency', 'created_at', 'scheduled_at', 'finished_at', 'paused_at',
];
const campaignWire: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.record(
      {
        id: fc.string(),
        name: fc.string(),
        status: nullish(statusArbitrary(voxCampaignStatuses)),
        agent,
        from_number: nullish(fc.string()),
        total_calls: count,
        completed_calls: count,
        failed_calls: count,
        concurrency: count,
        active_concurrency: count,
        created_at: nullish(timestamp),
        scheduled_at: nullish(timestamp),
        finished_at: nullish(timestamp),
        paused_at: nullish(timestamp),
      },
      { requiredKeys: ['id', 'name'] },
    ),
    unknownFields(campaignFields),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

const date = (value: unknown) => (typeof value === 'number' ? new Date(value) : null);
const agentOf = (value: unknown) => (value as { agent_id?: string | null } | null | undefined)?.agent_id ?? null;

function checkPhoneNumber(number: PhoneNumber, sent: JsonObject) {
  const wire = asReceived(sent);
  expect(number.raw).toEqual(wire);
  expect(number.provider).toBe('vox');
  expect(number.id).toBe(wire.id);
  expect(number.number).toBe(wire.number);
  expect(number.status).toEqual(expectedStatus(wire.status, voxPhoneNumberStatuses));
  expect(number.agentId).toBe(agentOf(wire.inbound_agent));
  expect(number.outboundAgentId).toBe(agentOf(wire.outbound_agent));
  expect(number.label).toBe(wire.memo ?? null);
  expect(number.carrier).toBe(wire.provider ?? null);
  expect(number.type).toBe(wire.provider === 'vox' || wire.provider === 'custom' ? 'pstn' : null);
  expect(number.createdAt).toEqual(date(wire.created_at));
  expect(number.updatedAt).toEqual(date(wire.updated_at));
  expectE164Shape(number.e164);
}

describe('vox: valid wire objects map without loss', () => {
  const state = usePropertyServer(adapter);

  it('phoneNumbers.list keeps every item, in order, each mapped by the table', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(phoneNumberWire, { maxLength: 5 }), nullish(fc.nat()), async (wires, total) => {
        state.serve({ status: 200, text: JSON.stringify({ items: wires, total_count: total, next_cursor: null }) });
        const page = await state.client.phoneNumbers.list!({ status: 'active' });
        expect(page.items).toHaveLength(wires.length);
        expect(page.totalCount).toBe(total);
        page.items.forEach((number, index) => checkPhoneNumber(number, wires[index]!));
      }),
      { numRuns },
    );
  }, propertyTimeout);

  it('phoneNumbers.get maps every field', async () => {
    await fc.assert(
      fc.asyncProperty(phoneNumberWire, async (wire) => {
        state.serve({ status: 200, text: JSON.stringify(wire) });
        checkPhoneNumber(await state.client.phoneNumbers.get!('pn_1'), wire);
      }),
      { numRuns },
    );
  }, propertyTimeout);

  it('campaigns.get maps every field', async () => {
    await fc.assert(
      fc.asyncProperty(campaignWire, async (sent) => {
        state.serve({ status: 200, text: JSON.stringify(sent) });
        const campaign = await state.client.campaigns.get!('cmp_1');
        const wire = asReceived(sent);
        expect(campaign.raw).toEqual(wire);
        expect(campaign).toMatchObject({
          provider: 'vox',
          id: wire.id,
          name: wire.name,
          status: expectedStatus(wire.status, voxCampaignStatuses),
          agentId: agentOf(wire.agent),
          fromNumber: wire.from_number ?? null,
          totalCalls: wire.total_calls ?? null,
          completedCalls: wire.completed_calls ?? null,
          failedCalls: wire.failed_calls ?? null,
          concurrency: wire.concurrency ?? null,
          activeConcurrency: wire.active_concurrency ?? null,
        });
        expect(campaign.createdAt).toEqual(date(wire.created_at));
        expect(campaign.scheduledAt).toEqual(date(wire.scheduled_at));
        expect(campaign.finishedAt).toEqual(date(wire.finished_at));
        expect(campaign.pausedAt).toEqual(date(wire.paused_at));
      }),
      { numRuns },
    );
  }, propertyTimeout);
});
