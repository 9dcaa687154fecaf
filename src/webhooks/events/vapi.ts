import { dateFromIso } from '../../core/kit/dates.js';
import { vapiCallSchema } from '../../providers/vapi/calls-wire.js';
import { mapVapiCall } from '../../providers/vapi/map-call.js';
import type { CallEventType, WebhookEvent } from '../call-event.js';
import { checkedWire, eventBase, invalidPayload, objectOrNull, type EventContext } from './event-context.js';

// Vapi's server messages (docs "Server events"; API reference `ServerMessage`): every request is
// `{ message: { type, timestamp, call, ... } }`. Two are call events:
// - `status-update`: `status` (scheduled, queued, ringing, in-progress, forwarding, ended) and, once
//   ended, `endedReason`; `call` is the call object.
// - `end-of-call-report`: sent after post-call processing, with `endedReason`, `cost`, `artifact`
//   (messages, recording), `analysis` (summary), `startedAt`, `endedAt` beside `call`. Vapi documents
//   each of these as "also found at call.<field> on GET /call/:id", so they are laid over `call`
//   and the result mapped as `calls.get` maps `GET /call/:id`.
// Every other message (tool-calls, transcript, hang, assistant-request, ...) is `unknown`.

const reportFields = ['endedReason', 'cost', 'costs', 'artifact', 'analysis', 'startedAt', 'endedAt'] as const;

/** A `status-update`'s event type: connected, over, or another step. */
function statusEventType(status: unknown): CallEventType {
  if (status === 'in-progress') return 'call.started';
  if (status === 'ended') return 'call.ended';
  return 'call.updated';
}

/** `timestamp`: epoch milliseconds in the current API, an ISO 8601 text in older messages. */
function messageTime(timestamp: unknown): Date | null {
  if (typeof timestamp === 'number' && Number.isFinite(timestamp)) return new Date(timestamp < 1e11 ? timestamp * 1000 : timestamp);
  return typeof timestamp === 'string' ? dateFromIso(timestamp) : null;
}

/** A Vapi server message as a neutral event. */
export function vapiEvent(body: Record<string, unknown>, context: EventContext): WebhookEvent<'vapi'> {
  const message = objectOrNull(body.message);
  if (message === null) throw invalidPayload('vapi', 'it has no "message" object');
  const platformType = typeof message.type === 'string' ? message.type : null;
  if (platformType !== 'status-update' && platformType !== 'end-of-call-report') {
    return { type: 'unknown', platformType, ...eventBase('vapi', context, body) };
  }
  const call = objectOrNull(message.call);
  if (call === null) throw invalidPayload('vapi', `its ${platformType} message has no "call" object`);
  const wire: Record<string, unknown> = { ...call };
  if (platformType === 'status-update') {
    if (typeof message.status === 'string') wire.status = message.status;
    if (typeof message.endedReason === 'string') wire.endedReason = message.endedReason;
  } else {
    wire.status = 'ended';
    for (const field of reportFields) if (message[field] !== undefined) wire[field] = message[field];
  }
  return {
    type: platformType === 'status-update' ? statusEventType(wire.status) : 'call.analyzed',
    call: mapVapiCall(checkedWire('vapi', vapiCallSchema(), wire, 'a call'), wire),
    occurredAt: messageTime(message.timestamp) ?? context.signedAt ?? context.receivedAt,
    eventId: null,
    ...eventBase('vapi', context, body),
  };
}
