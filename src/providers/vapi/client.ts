import type { ClientOf, CommonClientOptions } from '../../provider.js';
import type { vapiProvider } from './index.js';

/** Options of `createClient({ provider: 'vapi', ... })`. The key (a private API key) falls back to `VAPI_API_KEY`. */
export interface VapiClientOptions extends CommonClientOptions {
  /** The platform: `'vapi'`. */
  provider: 'vapi';
}

/**
 * A Vapi client: only the operations Vapi offers can be called. Vapi has no pause or resume for
 * campaigns, and numbers are bought or imported in Vapi's dashboard, not here.
 */
export type VapiClient = ClientOf<typeof vapiProvider>;
