import type { ClientOf, CommonClientOptions } from '../../provider.js';
import type { blandProvider } from './index.js';

/** Options of `createClient({ provider: 'bland', ... })`. The key falls back to `BLAND_API_KEY`. */
export interface BlandClientOptions extends CommonClientOptions {
  /** The platform: `'bland'`. */
  provider: 'bland';
}

/**
 * A Bland client: inbound numbers (routed to a conversational pathway, the number's agent) and
 * batches as campaigns. Bland offers no pause or resume, and no number delete for its own numbers.
 */
export type BlandClient = ClientOf<typeof blandProvider>;
