import { retellCallSchema } from '../../providers/retell/calls-wire.js';
import { mapRetellCall } from '../../providers/retell/map-call.js';
import type { CallEventType, WebhookEvent } from '../call-event.js';
import { checkedWire, eventBase, invalidPayload, objectOrNull, type EventContext } from './event-context.js';

// Retell's webhook (docs "Webhook Overview"): `{ event, call }`, where `call` is the call object of
// `GET /v2/get-call` (without `call_analysis` before `call_analyzed`). One docs page shows the name
// as `event_type`; both are read. Retell sends no event id; the signature's time is the event's.

const eventTypes: Readonly<Record<string, CallEventType>> = {
  call_started: 'call.started',
  call_ended: 'call.ended',
  call_analyzed: 'call.analyzed',
  // Documented as "full call data" plus the transfer's destination or the transcript so far.
  transcript_updated: 'call.updated',
  transfer_started: 'call.updated',
  transfer_bridged: 'call.updated',
  transfer_cancelled: 'call.updated',
  transfer_ended: 'call.updated',
};

/** A Retell webhook as a neutral event. */
export function retellEvent(body: Record<string, unknown>, context: EventContext): WebhookEvent<'retell'> {
  const name = typeof body.event === 'string' ? body.event : typeof body.event_type === 'string' ? body.event_type : null;
  const type = name !== null && Object.hasOwn(eventTypes, name) ? eventTypes[name]! : null;
  if (type === null) return { type: 'unknown', platformType: name, ...eventBase('retell', context, body) };
  const call = objectOrNull(body.call);
  if (call === null) throw invalidPayload('retell', `its ${name} event has no "call" object`);
  return {
    type,
    call: mapRetellCall(checkedWire('retell', retellCallSchema(), call, 'a call'), call),
    occurredAt: context.signedAt ?? context.receivedAt,
    eventId: null,
    ...eventBase('retell', context, body),
  };
}
