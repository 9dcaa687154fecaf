import type { ClientOf, CommonClientOptions } from '../../provider.js';
import type { numbersAssignmentProvider } from './index.js';

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
export type NumbersAssignmentClient = ClientOf<typeof numbersAssignmentProvider>;
