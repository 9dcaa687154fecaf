import { hmacHex, listField, objectField, textField, type PlatformEvents } from './platform-events.js';

// Bland's call webhook: the call object itself, as `GET /v1/calls/{id}` answers it, once the call
// has ended; signed `X-Webhook-Signature: hex(HMAC-SHA256(secret, body))` (docs "Webhook signing").
// A batch places one call per call object when it is created (each carries `batch_id`); its calls are
// read as `calls.list({ campaignId })` reads them, from the legacy `GET /v1/batches/{id}`.

/** Bland: `POST /v1/calls` places a call, `POST /v2/batches/create` a batch's; `GET /v1/calls/{id}` reads one. */
export const blandEvents: PlatformEvents = {
  placedCallId: (method, path, answer) => (method === 'POST' && path === '/v1/calls' ? textField(answer, 'call_id') : null),
  readPath: (id) => `/v1/calls/${encodeURIComponent(id)}`,
  dueEvents: (call) => (call.completed === true ? [{ key: 'ended', platformType: 'call', body: call }] : []),
  finished: (call) => call.completed === true,
  sign: (body, secret) => ({ 'x-webhook-signature': hmacHex(secret, body) }),
  campaigns: {
    startedCampaignId: (method, path, answer) => (method === 'POST' && path === '/v2/batches/create' ? textField(objectField(answer, 'data'), 'batch_id') : null),
    callsRequest: (id) => ({ path: `/v1/batches/${encodeURIComponent(id)}` }),
    // Every call of the batch exists from its creation, all in one answer.
    callsPage: (answer) => ({
      callIds: listField(answer, 'call_data').flatMap((call) => (typeof call.call_id === 'string' ? [call.call_id] : [])),
      nextPage: null,
      settled: true,
    }),
  },
};
