import { hmacHex, listField, textField, type DueEvent, type PlatformEvents } from './platform-events.js';

// Retell's webhook `{ event, call }`: `call_started`, `call_ended`, then `call_analyzed` once the
// call carries `call_analysis`; signed `x-retell-signature: v=<ms>,d=hex(HMAC-SHA256(key, body + ms))`.
// A batch call places every task's call when it is created (each carries `batch_call_id`); its calls
// are read as `calls.list({ campaignId })` reads them, `POST /v3/list-calls` filtered by that id.

/** Retell: `POST /v2/create-phone-call` places a call, `POST /create-batch-call` a batch's; `GET /v2/get-call/{id}` reads one. */
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
  campaigns: {
    startedCampaignId: (method, path, answer) => (method === 'POST' && path === '/create-batch-call' ? textField(answer, 'batch_call_id') : null),
    callsRequest: (id, page) => ({
      path: '/v3/list-calls',
      body: { filter_criteria: { batch_call_id: { type: 'string', op: 'eq', value: id } }, limit: 1000, ...(page === null ? {} : { pagination_key: page }) },
    }),
    // Every call of the batch exists from its creation: one read finds them all.
    callsPage: (answer) => ({
      callIds: listField(answer, 'items').flatMap((call) => (typeof call.call_id === 'string' ? [call.call_id] : [])),
      nextPage: (answer as { has_more?: unknown }).has_more === true ? textField(answer, 'pagination_key') : null,
      settled: true,
    }),
  },
};
