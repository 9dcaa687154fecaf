import { hmacHex, textField, type DueEvent, type PlatformEvents } from './platform-events.js';

// Retell's webhook `{ event, call }`: `call_started`, `call_ended`, then `call_analyzed` once the
// call carries `call_analysis`; signed `x-retell-signature: v=<ms>,d=hex(HMAC-SHA256(key, body + ms))`.

/** Retell: `POST /v2/create-phone-call` places a call; `GET /v2/get-call/{id}` reads it. */
export const retellEvents: PlatformEvents = {
  placedCallId: (method, path, answer) => (method === 'POST' && path === '/v2/create-phone-call' ? textField(answer, 'call_id') : null),
  readPath: (id) => `/v2/get-call/${encodeURIComponent(id)}`,
  dueEvents(call) {
    const events: DueEvent[] = [];
    const { call_analysis: analysis, ...withoutAnalysis } = call;
    // Retell sends the analysis only with call_analyzed, which comes after the analysis is done.
    if (call.call_status === 'ongoing' || call.call_status === 'ended') {
      events.push({ key: 'started', platformType: 'call_started', body: { event: 'call_started', call: { ...withoutAnalysis, call_status: 'ongoing' } } });
    }
    if (call.call_status === 'ended') {
      events.push({ key: 'ended', platformType: 'call_ended', body: { event: 'call_ended', call: withoutAnalysis } });
      if (analysis !== undefined) events.push({ key: 'analyzed', platformType: 'call_analyzed', body: { event: 'call_analyzed', call } });
    }
    return events;
  },
  finished: (call) => call.call_status === 'ended',
  sign: (body, secret, now) => ({ 'x-retell-signature': `v=${now},d=${hmacHex(secret, body + now)}` }),
};
