import { hmacHex, listField, textField, type PlatformEvents } from './platform-events.js';

// ElevenLabs' post-call webhook `{ type: 'post_call_transcription', event_timestamp, data }` once the
// conversation is done, `data` being the conversation as its GET answers it; signed
// `elevenlabs-signature: t=<seconds>,v0=hex(HMAC-SHA256(secret, "<t>.<body>"))`.
// A submitted batch dials its recipients at its scheduled time; their conversations are read as
// `calls.list({ campaignId })` reads them, from the recipients of `GET /v1/convai/batch-calling/{id}`.

const outboundCallPaths = ['/v1/convai/twilio/outbound-call', '/v1/convai/sip-trunk/outbound-call'];

/** ElevenLabs: an outbound call (Twilio or SIP trunk) or a batch places conversations; `GET /v1/convai/conversations/{id}` reads one. */
export const elevenLabsEvents: PlatformEvents = {
  placedCallId: (method, path, answer) => (method === 'POST' && outboundCallPaths.includes(path) ? textField(answer, 'conversation_id') : null),
  readPath: (id) => `/v1/convai/conversations/${encodeURIComponent(id)}`,
  dueEvents: (call, now) =>
    call.status === 'done'
      ? [{ key: 'analyzed', platformType: 'post_call_transcription', body: { type: 'post_call_transcription', event_timestamp: Math.floor(now / 1000), data: call } }]
      : [],
  finished: (call) => call.status === 'done' || call.status === 'failed',
  sign: (body, secret, now) => {
    const seconds = Math.floor(now / 1000);
    return { 'elevenlabs-signature': `t=${seconds},v0=${hmacHex(secret, `${seconds}.${body}`)}` };
  },
  campaigns: {
    startedCampaignId: (method, path, answer) => (method === 'POST' && path === '/v1/convai/batch-calling/submit' ? textField(answer, 'id') : null),
    callsRequest: (id) => ({ path: `/v1/convai/batch-calling/${encodeURIComponent(id)}` }),
    // A pending batch has not dialled yet (it waits for its scheduled time); any other has placed all it will.
    callsPage: (answer) => ({
      callIds: listField(answer, 'recipients').flatMap((recipient) => (typeof recipient.conversation_id === 'string' ? [recipient.conversation_id] : [])),
      nextPage: null,
      settled: textField(answer, 'status') !== 'pending',
    }),
  },
};
