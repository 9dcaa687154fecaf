import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Campaign, Page, PhoneNumber } from '../../src/index.js';
import { vogentCampaignStatuses } from '../../src/providers/vogent/map-campaign.js';
import { fixture } from '../helpers/fixtures.js';
import {
  asReceived,
  describeBodyProperties,
  expectE164Shape,
  expectedIsoDate,
  expectedStatus,
  isoOrText,
  nullish,
  numRuns,
  propertyTimeout,
  statusArbitrary,
  unknownFields,
  usePropertyServer,
  type AdapterUnderTest,
  type JsonObject,
} from '../helpers/properties.js';

const data = (body: unknown) => (body as { data: unknown[] }).data;
const one = (body: unknown) => [body];
const pageItems = (page: unknown) => (page as Page<PhoneNumber | Campaign>).items;

const adapter: AdapterUnderTest = {
  provider: 'vogent',
  operations: [
    {
      name: 'phoneNumbers.list',
      call: (client) => client.phoneNumbers.list!(),
      fixture: () => fixture('vogent', 'phone-numbers-page-1'),
      rawObjects: data,
      results: pageItems,
    },
    {
      name: 'phoneNumbers.get',
      call: (client) => client.phoneNumbers.get!('pn_1'),
      fixture: () => data(fixture('vogent', 'phone-numbers-page-1'))[0],
      rawObjects: one,
      results: (number) => [number as PhoneNumber],
    },
    {
      name: 'campaigns.list',
      call: (client) => client.campaigns.list!(),
      fixture: () => fixture('vogent', 'batch-dial-jobs-page-1'),
      rawObjects: data,
      results: pageItems,
    },
    {
      name: 'campaigns.get',
      call: (client) => client.campaigns.get!('bdj_1'),
      fixture: () => data(fixture('vogent', 'batch-dial-jobs-page-1'))[0],
      rawObjects: one,
      results: (campaign) => [campaign as Campaign],
    },
  ],
};

describeBodyProperties(adapter);

const phoneNumberWire: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.record(
      {
        id: fc.string(),
        number: fc.oneof(fc.string(), fc.stringMatching(/^\+[1-9]\d{6,14}$/)),
        type: nullish(fc.oneof(fc.constantFrom('PSTN', 'SIP_USERNAME'), fc.string())),
        agentId: nullish(fc.string()),
      },
      { requiredKeys: ['id', 'number'] },
    ),
    unknownFields(['id', 'number', 'type', 'agentId']),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

const jobWire: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.record(
      {
        id: fc.string(),
        name: nullish(fc.string()),
        status: nullish(statusArbitrary(vogentCampaignStatuses)),
        callAgentId: nullish(fc.string()),
        maxConcurrentDials: nullish(fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true }))),
        createdAt: nullish(isoOrText),
      },
      { requiredKeys: ['id'] },
    ),
    unknownFields(['id', 'name', 'status', 'callAgentId', 'maxConcurrentDials', 'createdAt']),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

function checkPhoneNumber(number: PhoneNumber, sent: JsonObject) {
  const wire = asReceived(sent);
  expect(number.raw).toEqual(wire);
  expect(number).toMatchObject({
    provider: 'vogent',
    id: wire.id,
    number: wire.number,
    // Vogent reports no status: every number it lists is in service.
    status: { unified: 'active', raw: null },
    agentId: wire.agentId || null,
    type: wire.type === 'PSTN' ? 'pstn' : wire.type === 'SIP_USERNAME' ? 'sip' : null,
  });
  if (wire.type === 'SIP_USERNAME') expect(number.e164).toBeNull();
  expectE164Shape(number.e164);
}

function checkCampaign(campaign: Campaign, sent: JsonObject) {
  const wire = asReceived(sent);
  expect(campaign.raw).toEqual(wire);
  expect(campaign).toMatchObject({
    provider: 'vogent',
    id: wire.id,
    name: wire.name ?? '',
    status: expectedStatus(wire.status, vogentCampaignStatuses),
    agentId: wire.callAgentId || null,
    concurrency: wire.maxConcurrentDials ?? null,
  });
  expect(campaign.createdAt).toEqual(expectedIsoDate(wire.createdAt));
}

describe('vogent: valid wire objects map without loss', () => {
  const state = usePropertyServer(adapter);

  it('phoneNumbers.list and get map every number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(phoneNumberWire, { maxLength: 5 }), async (wires) => {
        state.serve({ status: 200, text: JSON.stringify({ data: wires, cursor: null }) });
        const page = await state.client.phoneNumbers.list!();
        expect(page.items).toHaveLength(wires.length);
        expect(page.totalCount).toBeNull();
        page.items.forEach((number, index) => checkPhoneNumber(number, wires[index]!));
        if (wires[0]) {
          state.serve({ status: 200, text: JSON.stringify(wires[0]) });
          checkPhoneNumber(await state.client.phoneNumbers.get!('pn_1'), wires[0]);
        }
      }),
      { numRuns },
    );
  }, propertyTimeout);

  it('campaigns.list and get map every batch dial job by the status table', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jobWire, { maxLength: 5 }), async (wires) => {
        state.serve({ status: 200, text: JSON.stringify({ data: wires, cursor: null }) });
        const page = await state.client.campaigns.list!();
        expect(page.items).toHaveLength(wires.length);
        page.items.forEach((campaign, index) => checkCampaign(campaign, wires[index]!));
        if (wires[0]) {
          state.serve({ status: 200, text: JSON.stringify(wires[0]) });
          checkCampaign(await state.client.campaigns.get!('bdj_1'), wires[0]);
        }
      }),
      { numRuns },
    );
  }, propertyTimeout);
});
