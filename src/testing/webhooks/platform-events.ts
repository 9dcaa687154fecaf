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
