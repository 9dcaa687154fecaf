import type { ClientOf, CommonClientOptions } from '../../provider.js';
import type { elevenLabsProvider } from './index.js';

/**
 * Options of `createClient({ provider: 'elevenlabs', ... })`. The key falls back to
 * `ELEVENLABS_API_KEY`; `baseUrl` defaults to `https://api.elevenlabs.io` (a data-residency
 * workspace uses its region's host: see `elevenLabsBaseUrls`).
 */
export interface ElevenLabsClientOptions extends CommonClientOptions {
  /** The platform: `'elevenlabs'`. */
  provider: 'elevenlabs';
}

/**
 * An ElevenLabs Agents Platform client: only the operations ElevenLabs offers can be called. A
 * campaign is a batch call, which has no pause or resume; numbers are imported in ElevenLabs'
 * dashboard, not here.
 */
export type ElevenLabsClient = ClientOf<typeof elevenLabsProvider>;
