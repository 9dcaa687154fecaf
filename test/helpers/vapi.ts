import { afterEach, beforeAll, expect } from 'vitest';
import { createClient } from '../../src/index.js';
import { server } from './msw.js';
import { describeMismatches, recordOf, requestMismatches, responseMismatches } from './vapi-spec.js';
export { failureOf } from './outcomes.js';

// Shared by the Vapi test files: where the platform lives, a client, wire objects valid under Vapi's
// OpenAPI document, and the contract check every request and answer of a test goes through.

export const base = 'https://api.vapi.ai';
export const key = 'vapi_private_key_123';
export const client = () => createClient({ provider: 'vapi', apiKey: key, baseUrl: base });

export const numberId = '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';
export const campaignId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const assistantId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

/** A Twilio number as `GET /phone-number/{id}` answers it. */
export function twilioNumber(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: numberId,
    orgId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    provider: 'twilio',
    number: '+14155550101',
    twilioAccountSid: 'AC0123456789abcdef0123456789abcdef',
    status: 'active',
    name: 'Support line',
    assistantId,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-02T11:30:00.000Z',
    ...overrides,
  };
}

/** A campaign as `GET /v2/campaign/{id}?includeCounters=true` answers it. */
export function campaignSummary(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: campaignId,
    orgId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    name: 'Renewals',
    status: 'in-progress',
    assistantId,
    phoneNumberId: numberId,
    schedulePlan: { earliestAt: '2025-05-01T09:30:00.000Z' },
    maxConcurrency: 3,
    contactCounters: { pending: 10, dispatched: 2, completed: 5, failed: 2, skipped: 1, predialFailed: 0 },
    createdAt: '2025-04-30T08:00:00.000Z',
    updatedAt: '2025-05-01T09:31:00.000Z',
    ...overrides,
  };
}

/** The fuller `Campaign` that create and PATCH answer. */
export function fullCampaign(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { contactCounters: _counters, ...summary } = campaignSummary();
  return {
    ...summary,
    calls: {},
    callsCounterScheduled: 2,
    callsCounterQueued: 0,
    callsCounterInProgress: 0,
    callsCounterEndedVoicemail: 0,
    callsCounterEnded: 0,
    ...overrides,
  };
}

interface Exchange {
  request: Request;
  response?: Response;
}

/**
 * After each test, every request the adapter sent is checked against its operation in Vapi's
 * OpenAPI document (path, query, body), and every 2xx answer against the documented response
 * schema. A test that sends something the document does not allow on purpose names exactly what
 * with `allowMismatches`. Call before `useMsw()`: the check keeps its own copies of the requests.
 */
export function useVapiContract(): { allowMismatches(lines: string[]): void } {
  const exchanges = new Map<string, Exchange>();
  let allowed: string[] = [];
  beforeAll(() => {
    // The request is copied when it starts, before a handler reads its body.
    server.events.on('request:start', ({ request, requestId }) => {
      exchanges.set(requestId, { request: request.clone() });
    });
    server.events.on('response:mocked', ({ response, requestId }) => {
      const exchange = exchanges.get(requestId);
      if (exchange) exchange.response = response.clone();
    });
  });
  afterEach(async () => {
    const seen = [...exchanges.values()];
    exchanges.clear();
    const expected = allowed;
    allowed = [];
    const requestLines: string[] = [];
    for (const { request, response } of seen) {
      const record = await recordOf(request);
      requestLines.push(...describeMismatches(requestMismatches(record)).map((line) => `${record.method} ${record.path}: ${line}`));
      if (response?.ok && response.status !== 204) {
        const body = (await response.json()) as unknown;
        const lines = describeMismatches(responseMismatches(record.method, record.path, response.status, body));
        expect(lines, `the answer to ${record.method} ${record.path} does not match Vapi's document`).toEqual([]);
      }
    }
    expect(requestLines, "requests that do not match Vapi's OpenAPI document").toEqual(expected);
  });
  return {
    allowMismatches(lines) {
      allowed = lines;
    },
  };
}
