// `voiceplane/numbers-assignment`: the numbers-assignment client alone, for a service that uses no other platform.
import { createProviderClient } from '../../provider.js';
import type { SingleProviderOptions } from '../../provider.js';
import type { NumbersAssignmentClient, NumbersAssignmentClientOptions } from './client.js';
import { numbersAssignmentProvider } from './index.js';

/**
 * Creates a numbers-assignment client: the same client as
 * `createClient({ provider: 'numbers-assignment', ...options })` from `voiceplane`, without the other
 * platforms' adapters in the bundle. `baseUrl` is required; the key falls back to `NUMBERS_ASSIGNMENT_API_KEY`.
 */
export function createNumbersAssignmentClient(
  options: SingleProviderOptions<NumbersAssignmentClientOptions>,
): NumbersAssignmentClient {
  return createProviderClient(numbersAssignmentProvider, 'createNumbersAssignmentClient', options) as unknown as NumbersAssignmentClient;
}

export type { NumbersAssignmentClient, NumbersAssignmentClientOptions } from './client.js';
export type { NumbersAssignmentPhoneNumberListParams } from './list-params.js';
export * from '../../shared-exports.js';
