import { createHmac } from 'node:crypto';

/** One webhook a placed call has become due for: a key so it is sent once, and its JSON body. */
export interface DueEvent {
  /** Names the event for this call (`started`, `ended`, `analyzed`), so it is posted once. */
  key: string;
  /** The platform's own type of the event (`status-update`, `call_ended`, ...), for the delivery log. */
  platformType: string;
  /** The body, as the platform posts it. */
  body: unknown;
}

/** One request that reads a page of a campaign's calls from the double. */
export interface CampaignCallsRequest {
  /** The path (with its query) under the platform's base URL. */
  path: string;
  /** The JSON body of a read sent as POST (Retell's list), else absent: a GET. */
  body?: unknown;
}

/** What one page of a campaign's calls says. */
export interface CampaignCallsPage {
  /** The ids of the calls placed so far on this page (recipients not dialled yet have none). */
  callIds: string[];
  /** The next page's position, or `null` on the last page. */
  nextPage: string | null;
  /** Whether this page's recipients will have no more calls placed for them (all dialled, or the campaign stopped). */
  settled: boolean;
}

/**
 * How the sandbox finds the calls a campaign start places: which answer of the double started a
 * campaign, and how the double lists that campaign's calls (as `calls.list({ campaignId })` reads
 * them from the platform). Each call found is then followed as a placed call is.
 */
export interface CampaignEvents {
  /** The id of the campaign a request started, or `null` when the request started none. */
  startedCampaignId(method: string, path: string, answer: unknown): string | null;
  /** The read of one page of the campaign's calls; `page` is `null` for the first. */
  callsRequest(id: string, page: string | null): CampaignCallsRequest;
  /** The calls of that page. */
  callsPage(answer: unknown): CampaignCallsPage;
}

/**
 * How the sandbox follows a platform's placed calls and tells a webhook endpoint about them: which
 * answer of its double placed a call, where the double reads that call, which events the call is
 * due for as it stands, and how the platform signs a webhook.
 */
export interface PlatformEvents {
  /** The id of the call a request placed, or `null` when the request placed none. */
  placedCallId(method: string, path: string, answer: unknown): string | null;
  /** The double's path that answers the call (as the platform's GET does). */
  readPath(id: string): string;
  /** Every event the call is due for as it now stands, in the order the platform sends them. */
  dueEvents(call: Record<string, unknown>, now: number): DueEvent[];
  /** Whether the call has reached its last event: following it can stop. */
  finished(call: Record<string, unknown>): boolean;
  /** The headers that sign `body` with `secret`, as the platform sends them. */
  sign(body: string, secret: string, now: number): Record<string, string>;
  /** How the platform's campaign starts place calls. */
  campaigns: CampaignEvents;
}

/** `hex(HMAC-SHA256(secret, payload))`. */
export function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

/** A string field of an answer, or `null`. */
export function textField(answer: unknown, name: string): string | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const value = (answer as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A field of an answer that is an object, or `null`. */
export function objectField(answer: unknown, name: string): Record<string, unknown> | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const value = (answer as Record<string, unknown>)[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A field of an answer that is a list of objects, else an empty list. */
export function listField(answer: unknown, name: string): Record<string, unknown>[] {
  if (typeof answer !== 'object' || answer === null) return [];
  const value = (answer as Record<string, unknown>)[name];
  return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];
}
