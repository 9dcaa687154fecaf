import { dateFromIso } from '../../core/kit/dates.js';
import { withE164Formatter } from '../../core/kit/e164.js';
import { blandCallSchema } from '../../providers/bland/call-wire.js';
import { mapBlandCall } from '../../providers/bland/map-call.js';
import type { WebhookEvent } from '../call-event.js';
import { checkedWire, eventBase, type EventContext } from './event-context.js';

// Bland's call webhook (the `webhook` of `POST /v1/calls`, a batch's or an inbound number's): when the
// call ends, Bland posts the call object, transcript included, as `GET /v1/calls/{id}` answers it
// (docs "Agent quickstart"; "Get Post Call Webhook"). It is mapped as `calls.get` maps that answer.
// A body without `call_id` (the optional `webhook_events` stream, whose shape is not documented
// field by field) is `unknown`. Bland sends no event id.

/** A Bland call webhook as a neutral event. */
export async function blandEvent(body: Record<string, unknown>, context: EventContext): Promise<WebhookEvent<'bland'>> {
  if (typeof body.call_id !== 'string') {
    const platformType = typeof body.category === 'string' ? body.category : null;
    return { type: 'unknown', platformType, ...eventBase('bland', context, body) };
  }
  const wire = checkedWire('bland', blandCallSchema(), body, 'a call');
  return {
    type: 'call.ended',
    call: await withE164Formatter(context.defaultCountry, (toE164) => mapBlandCall(wire, body, toE164)),
    occurredAt: dateFromIso(typeof body.end_at === 'string' ? body.end_at : null) ?? context.signedAt ?? context.receivedAt,
    eventId: null,
    ...eventBase('bland', context, body),
  };
}
