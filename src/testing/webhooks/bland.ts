import { hmacHex, textField, type PlatformEvents } from './platform-events.js';

// Bland's call webhook: the call object itself, as `GET /v1/calls/{id}` answers it, once the call
// has ended; signed `X-Webhook-Signature: hex(HMAC-SHA256(secret, body))` (docs "Webhook signing").

/** Bland: `POST /v1/calls` places a call; `GET /v1/calls/{id}` reads it. */
export const blandEvents: PlatformEvents = {
  placedCallId: (method, path, answer) => (method === 'POST' && path === '/v1/calls' ? textField(answer, 'call_id') : null),
  readPath: (id) => `/v1/calls/${encodeURIComponent(id)}`,
  dueEvents: (call) => (call.completed === true ? [{ key: 'ended', platformType: 'call', body: call }] : []),
  finished: (call) => call.completed === true,
  sign: (body, secret) => ({ 'x-webhook-signature': hmacHex(secret, body) }),
};
