import { mapElevenLabsConversation } from '../../providers/elevenlabs/map-call.js';
import { conversationSchema } from '../../providers/elevenlabs/wire-calls.js';
import type { WebhookEvent } from '../call-event.js';
import { checkedWire, eventBase, invalidPayload, objectOrNull, type EventContext } from './event-context.js';

// ElevenLabs' post-call webhooks (docs "Post-call webhooks"): `{ type, event_timestamp, data }`.
// `post_call_transcription`'s `data` is the conversation as `GET /v1/convai/conversations/{id}`
// answers it (since 2025-08-15), so it is mapped as `calls.get` maps that answer: the final record
// with transcript and analysis, hence `call.analyzed`. `post_call_audio` (base64 audio) and
// `call_initiation_failure` (fields undocumented) are `unknown`.

/** An ElevenLabs post-call webhook as a neutral event. */
export function elevenLabsEvent(body: Record<string, unknown>, context: EventContext): WebhookEvent<'elevenlabs'> {
  const platformType = typeof body.type === 'string' ? body.type : null;
  if (platformType !== 'post_call_transcription') return { type: 'unknown', platformType, ...eventBase('elevenlabs', context, body) };
  const data = objectOrNull(body.data);
  if (data === null) throw invalidPayload('elevenlabs', 'its post_call_transcription event has no "data" object');
  const seconds = body.event_timestamp;
  return {
    type: 'call.analyzed',
    call: mapElevenLabsConversation(checkedWire('elevenlabs', conversationSchema(), data, 'a conversation'), data),
    occurredAt: typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000) : (context.signedAt ?? context.receivedAt),
    eventId: null,
    ...eventBase('elevenlabs', context, body),
  };
}
