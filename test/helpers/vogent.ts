import { createClient, type PhoneNumber } from '../../src/index.js';

// Shared by the vogent test files: where Vogent lives, a client, and the shapes of its fixtures.

export const base = 'https://api.vogent.ai/api';
export const numbersUrl = `${base}/phone_numbers`;
export const jobsUrl = `${base}/batch_dial_jobs`;
export const apiKey = 'vogent_test_key_123';
export const vogent = () => createClient({ provider: 'vogent', apiKey });
export const numbersCursor = 'eyJpZCI6IjJkOGIzZTRhIn0';
export const jobsCursor = 'eyJpZCI6ImJkal83YTNiOWM0ZCJ9';

export type WirePage = { data: Record<string, unknown>[]; cursor: string | null };

/** An expected Vogent number: every field Vogent does not report is null, and the status is always active. */
export function number(
  overrides: Partial<PhoneNumber<'vogent'>> & Pick<PhoneNumber<'vogent'>, 'id' | 'number' | 'raw'>,
): PhoneNumber<'vogent'> {
  return {
    provider: 'vogent',
    e164: null,
    status: { unified: 'active', raw: null },
    agentId: null,
    outboundAgentId: null,
    label: null,
    type: null,
    carrier: null,
    inbound: null,
    outbound: null,
    createdAt: null,
    updatedAt: null,
    ...overrides,
  };
}

/** The rejection of a promise that must fail; a fulfilment fails the test. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
}
