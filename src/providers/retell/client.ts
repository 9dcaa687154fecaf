import type { ClientOf, CommonClientOptions } from '../../provider.js';
import type { retellProvider } from './index.js';

/** Options of `createClient({ provider: 'retell', ... })`. The key falls back to `RETELL_API_KEY`. */
export interface RetellClientOptions extends CommonClientOptions {
  /** The platform: `'retell'`. */
  provider: 'retell';
}

/**
 * A Retell AI client: only the operations Retell offers can be called. Numbers are addressed by
 * their E.164 number; `update` routes the inbound agent (replacing a weighted list with that one
 * agent) and sets the nickname; a campaign is a batch call, which Retell can only create.
 */
export type RetellClient = ClientOf<typeof retellProvider>;
