import type { ClientOf, CommonClientOptions } from '../../provider.js';
import type { vogentProvider } from './index.js';

/** Options of `createClient({ provider: 'vogent', ... })`. The key falls back to `VOGENT_API_KEY`. */
export interface VogentClientOptions extends CommonClientOptions {
  /** The platform: `'vogent'`. */
  provider: 'vogent';
}

/**
 * A Vogent client: only the operations Vogent offers can be called. `update` changes a number's
 * agent only; campaigns are Vogent's batch dial jobs, which it cannot cancel.
 */
export type VogentClient = ClientOf<typeof vogentProvider>;
