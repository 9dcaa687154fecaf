import type { ClientOf, CommonClientOptions } from '../../provider.js';
import type { genericProvider } from './index.js';

/**
 * Options of `createClient({ provider: 'generic', ... })`, for any API of the X-API-Key family
 * (`{ success, data, pagination }` envelopes). The key falls back to `GENERIC_API_KEY`.
 */
export interface GenericClientOptions extends CommonClientOptions {
  /** The platform: `'generic'`. */
  provider: 'generic';
  /**
   * The API address, e.g. `https://api.example.com` (paths such as `/api/phone-numbers` are added
   * to it). Required: the family has no one host. Untyped callers may set `GENERIC_BASE_URL` instead.
   */
  baseUrl: string;
  /**
   * Sent as `X-Organization-Id` on every request. Falls back to `GENERIC_ORGANIZATION_ID`, read
   * when the client is created; a client with neither is refused by `createClient`.
   */
  organizationId?: string | undefined;
}

/** A client for a generic X-API-Key platform: only the operations it offers can be called. */
export type GenericClient = ClientOf<typeof genericProvider>;
