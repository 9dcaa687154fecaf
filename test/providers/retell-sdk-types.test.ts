import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BatchCallCreateBatchCallParams, BatchCallResponse } from 'retell-sdk/resources/batch-call';
import type {
  PhoneNumberListParams,
  PhoneNumberListResponse,
  PhoneNumberResponse,
  PhoneNumberUpdateParams,
} from 'retell-sdk/resources/phone-number';
import { retellPhoneNumberQuery } from '../../src/providers/retell/list-params.js';
import type {
  RetellBatchCallSeedWire,
  RetellPhoneNumberPageSeedWire,
  RetellPhoneNumberSeedWire,
} from '../../src/providers/retell/sandbox-seed.js';
import { retellSeed } from '../../src/providers/retell/sandbox-seed.js';
import {
  retellBatchCallBody,
  retellUpdateBody,
  type RetellBatchCallBody,
  type RetellPhoneNumberUpdateBody,
} from '../../src/providers/retell/write-body.js';

// Retell's own SDK (retell-sdk 5.66.1, a dev dependency) as the contract: `npm run typecheck`
// compiles this file, so a body the adapter builds that Retell's types would not accept, or an answer
// of the sandbox double Retell would never send, fails the build.

describe('retell wire types against retell-sdk', () => {
  it('builds request bodies and queries Retell accepts', () => {
    expectTypeOf<RetellPhoneNumberUpdateBody>().toExtend<PhoneNumberUpdateParams>();
    expectTypeOf<RetellBatchCallBody>().toExtend<BatchCallCreateBatchCallParams>();
    expectTypeOf(retellUpdateBody).returns.toExtend<PhoneNumberUpdateParams>();
    expectTypeOf(retellBatchCallBody).returns.toExtend<BatchCallCreateBatchCallParams>();
    // A weighted entry without its weight is what the SDK refuses; the check would catch it.
    expectTypeOf<{ inbound_agents: { agent_id: string }[] }>().not.toExtend<PhoneNumberUpdateParams>();

    const update: PhoneNumberUpdateParams = retellUpdateBody({ agentId: 'agent_x', label: 'Desk' });
    expect(update).toEqual({ inbound_agents: [{ agent_id: 'agent_x', weight: 1 }], nickname: 'Desk' });
    const batch: BatchCallCreateBatchCallParams = retellBatchCallBody({
      name: 'n',
      agentId: 'agent_x',
      fromNumberId: '+14155550101',
      recipients: [{ e164: '+14155550102', given: '+14155550102', variables: {} }],
      scheduledAt: new Date(1_900_000_000_000),
      concurrency: null,
    });
    expect(batch).toEqual({
      name: 'n',
      from_number: '+14155550101',
      tasks: [{ to_number: '+14155550102', override_agent_id: 'agent_x' }],
      trigger_timestamp: 1_900_000_000_000,
    });
    // Every query parameter the adapter sends is one of Retell's list parameters.
    const sdkListParams: readonly (keyof PhoneNumberListParams)[] = ['limit', 'sort_order', 'pagination_key'];
    const query = retellPhoneNumberQuery({ limit: 10, sortOrder: 'ascending' }, '+14155550101');
    expect(Object.keys(query).every((name) => (sdkListParams as readonly string[]).includes(name))).toBe(true);
  });

  it("answers, in the sandbox double, only what Retell's response types allow", () => {
    expectTypeOf<RetellPhoneNumberSeedWire>().toExtend<PhoneNumberResponse>();
    expectTypeOf<RetellPhoneNumberPageSeedWire>().toExtend<PhoneNumberListResponse>();
    expectTypeOf<RetellBatchCallSeedWire>().toExtend<BatchCallResponse>();

    const numbers: PhoneNumberResponse[] = retellSeed().phoneNumbers;
    expect(numbers).toHaveLength(260);
    for (const number of numbers) {
      for (const list of [number.inbound_agents, number.outbound_agents]) {
        if (list && list.length > 0) expect(list.reduce((total, entry) => total + entry.weight, 0)).toBeCloseTo(1, 9);
      }
    }
  });
});
