import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Page, PhoneNumber } from '../../src/index.js';
import { assignmentStatuses } from '../../src/providers/numbers-assignment/wire-assumptions.js';
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A list answers as a bare array or as `{ data, pagination }`. */
const listed = (body: unknown) => (Array.isArray(body) ? body : (body as { data: unknown[] }).data);
/** A single number answers bare, or as `{ data: { ... } }` when no `id` stands beside `data`. */
const single = (body: unknown) => [
  isObject(body) && !Object.hasOwn(body, 'id') && isObject(body.data) ? body.data : body,
];
const pageItems = (page: unknown) => (page as Page<PhoneNumber>).items;

const adapter: AdapterUnderTest = {
  provider: 'numbers-assignment',
  operations: [
    {
      name: 'phoneNumbers.list',
      call: (client) => client.phoneNumbers.list!(),
      fixture: () => fixture('numbers-assignment', 'phone-numbers-page-1'),
      rawObjects: listed,
      results: pageItems,
    },
    {
      name: 'phoneNumbers.list (a bare array)',
      call: (client) => client.phoneNumbers.list!(),
      fixture: () => fixture('numbers-assignment', 'phone-numbers-bare-page-1'),
      rawObjects: listed,
      results: pageItems,
    },
    {
      name: 'phoneNumbers.listByAgent',
      call: (client) => client.phoneNumbers.listByAgent!('agt_support'),
      fixture: () => fixture('numbers-assignment', 'phone-numbers-page-1'),
      rawObjects: listed,
      results: pageItems,
    },
    {
      name: 'phoneNumbers.get',
      call: (client) => client.phoneNumbers.get!('pn_1'),
      fixture: () => fixture('numbers-assignment', 'phone-number'),
      rawObjects: single,
      results: (number) => [number as PhoneNumber],
    },
    {
      name: 'phoneNumbers.get (enveloped)',
      call: (client) => client.phoneNumbers.get!('pn_1'),
      fixture: () => fixture('numbers-assignment', 'phone-number-enveloped'),
      rawObjects: single,
      results: (number) => [number as PhoneNumber],
    },
  ],
};

describeBodyProperties(adapter);

const fields = ['id', 'phoneNumber', 'friendlyName', 'agentId', 'status', 'createdAt', 'updatedAt'];
const assignmentWire: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.record(
      {
        id: fc.string(),
        phoneNumber: fc.oneof(fc.string(), fc.stringMatching(/^\+[1-9]\d{6,14}$/)),
        friendlyName: nullish(fc.string()),
        agentId: nullish(fc.string()),
        status: nullish(statusArbitrary(assignmentStatuses)),
        createdAt: nullish(isoOrText),
        updatedAt: nullish(isoOrText),
      },
      { requiredKeys: ['id', 'phoneNumber'] },
    ),
    unknownFields(fields),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

function checkAssignment(number: PhoneNumber, sent: JsonObject) {
  const wire = asReceived(sent);
  expect(number.raw).toEqual(wire);
  expect(number).toMatchObject({
    provider: 'numbers-assignment',
    id: wire.id,
    number: wire.phoneNumber,
    status: expectedStatus(wire.status, assignmentStatuses),
    agentId: wire.agentId ?? null,
    label: wire.friendlyName ?? null,
  });
  expect(number.createdAt).toEqual(expectedIsoDate(wire.createdAt));
  expect(number.updatedAt).toEqual(expectedIsoDate(wire.updatedAt));
  expectE164Shape(number.e164);
}

describe('numbers-assignment: valid wire objects map without loss', () => {
  const state = usePropertyServer(adapter);

  it('phoneNumbers.list keeps every item, enveloped or bare, each mapped by the table', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(assignmentWire, { maxLength: 5 }), fc.boolean(), async (wires, bare) => {
        const body = bare ? wires : { data: wires, pagination: { page: 1, limit: 50, total: wires.length, totalPages: 1 } };
        state.serve({ status: 200, text: JSON.stringify(body) });
        const page = await state.client.phoneNumbers.list!();
        expect(page.items).toHaveLength(wires.length);
        expect(page.totalCount).toBe(bare ? null : wires.length);
        page.items.forEach((number, index) => checkAssignment(number, wires[index]!));
      }),
      { numRuns },
    );
  }, propertyTimeout);

  it('phoneNumbers.get maps one number, enveloped or bare', async () => {
    await fc.assert(
      fc.asyncProperty(assignmentWire, fc.boolean(), async (wire, enveloped) => {
        state.serve({ status: 200, text: JSON.stringify(enveloped ? { data: wire } : wire) });
        checkAssignment(await state.client.phoneNumbers.get!('pn_1'), wire);
      }),
      { numRuns },
    );
  }, propertyTimeout);
});
