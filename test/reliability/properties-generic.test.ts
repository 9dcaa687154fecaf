import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Page, PhoneNumber } from '../../src/index.js';
import { genericPhoneNumberStatuses } from '../../src/providers/generic/map-phone-number.js';
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

const adapter: AdapterUnderTest = {
  provider: 'generic',
  options: { organizationId: 'org_1' },
  operations: [
    {
      name: 'phoneNumbers.list',
      call: (client) => client.phoneNumbers.list!(),
      fixture: () => fixture('generic', 'phone-numbers'),
      rawObjects: (body) => (body as { data: unknown[] }).data,
      results: (page) => (page as Page<PhoneNumber>).items,
    },
  ],
  // `{ success: false, ... }` is the platform's own failure report, raised as an APIError.
  reportsFailure: (body) => typeof body === 'object' && body !== null && (body as { success?: unknown }).success === false,
};

describeBodyProperties(adapter);

const fields = [
  'phone_number_id', 'phone_number', 'provider', 'status', 'supports_inbound', 'supports_outbound', 'assigned_agent_id', 'created_at',
];
const phoneNumberWire: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.record(
      {
        phone_number_id: fc.string(),
        phone_number: fc.oneof(fc.string(), fc.stringMatching(/^\+[1-9]\d{6,14}$/)),
        provider: nullish(fc.oneof(fc.constantFrom('twilio', 'sip'), fc.string())),
        status: nullish(statusArbitrary(genericPhoneNumberStatuses)),
        supports_inbound: nullish(fc.boolean()),
        supports_outbound: nullish(fc.boolean()),
        assigned_agent_id: nullish(fc.string()),
        created_at: nullish(isoOrText),
      },
      { requiredKeys: ['phone_number_id', 'phone_number'] },
    ),
    unknownFields(fields),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

describe('generic: valid wire objects map without loss', () => {
  const state = usePropertyServer(adapter);

  it('phoneNumbers.list keeps every item, in order, each mapped by the table', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(phoneNumberWire, { maxLength: 5 }), nullish(fc.nat()), async (wires, total) => {
        const body = { success: true, data: wires, pagination: { next_cursor: null, has_more: false, page_size: 20, total_count: total } };
        state.serve({ status: 200, text: JSON.stringify(body) });
        const page = await state.client.phoneNumbers.list!();
        expect(page.items).toHaveLength(wires.length);
        expect(page.totalCount).toBe(total);
        page.items.forEach((number, index) => {
          const wire = asReceived(wires[index]!);
          expect(number.raw).toEqual(wire);
          expect(number).toMatchObject({
            provider: 'generic',
            id: wire.phone_number_id,
            number: wire.phone_number,
            status: expectedStatus(wire.status, genericPhoneNumberStatuses),
            agentId: wire.assigned_agent_id ?? null,
            carrier: wire.provider ?? null,
            type: wire.provider === 'twilio' ? 'pstn' : wire.provider === 'sip' ? 'sip' : null,
            inbound: wire.supports_inbound ?? null,
            outbound: wire.supports_outbound ?? null,
          });
          expect(number.createdAt).toEqual(expectedIsoDate(wire.created_at));
          expectE164Shape(number.e164);
        });
      }),
      { numRuns },
    );
  }, propertyTimeout);
});
