import type { CommonClientOptions, ProviderClient } from '../../core/client/client-types.js';
import type { NumbersAssignmentPhoneNumberListParams } from './list-params.js';

/**
 * Options of `createClient({ provider: 'numbers-assignment', ... })`. The key falls back to
 * `NUMBERS_ASSIGNMENT_API_KEY`.
 */
export interface NumbersAssignmentClientOptions extends CommonClientOptions {
  /** The platform: `'numbers-assignment'`. */
  provider: 'numbers-assignment';
  /**
   * The platform's API address, e.g. `https://api.example.com/v1`: it publishes none, so there is no
   * default. (An untyped caller that omits it gets `NUMBERS_ASSIGNMENT_BASE_URL`, else an `InvalidRequestError`.)
   */
  baseUrl: string;
}

/** A numbers-assignment client: phone number assignments only; the platform has no campaigns. */
export type NumbersAssignmentClient =
  ProviderClient<
    'numbers-assignment',
    | 'phoneNumbers.list'
    | 'phoneNumbers.get'
    | 'phoneNumbers.create'
    | 'phoneNumbers.update'
    | 'phoneNumbers.delete'
    | 'phoneNumbers.listByAgent',
    NumbersAssignmentPhoneNumberListParams
  >;
