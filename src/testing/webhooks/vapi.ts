import type { DueEvent, PlatformEvents } from './platform-events.js';
import { textField } from './platform-events.js';

// Vapi's server messages: `status-update` when the call connects and ends, then the
// `end-of-call-report` with the artifact and analysis; authenticated by the server URL's secret,
// sent as it is in `X-Vapi-Secret` (docs "Server authentication").

const reportFields = ['endedReason', 'cost', 'artifact', 'analysis', 'startedAt', 'endedAt'] as const;

function statusUpdate(call: Record<string, unknown>, status: string, now: number): DueEvent['body'] {
  const ended = status === 'ended' ? { endedReason: call.endedReason } : {};
  return { message: { type: 'status-update', timestamp: now, status, ...ended, call } };
}

function report(call: Record<string, unknown>, now: number): DueEvent['body'] {
  const fields = Object.fromEntries(reportFields.filter((name) => call[name] !== undefined).map((name) => [name, call[name]]));
  return { message: { type: 'end-of-call-report', timestamp: now, ...fields, call } };
}

/** Vapi: `POST /call` places a call; `GET /call/{id}` reads it. */
export const vapiEvents: PlatformEvents = {
  placedCallId: (method, path, answer) => (method === 'POST' && path === '/call' ? textField(answer, 'id') : null),
  readPath: (id) => `/call/${encodeURIComponent(id)}`,
  dueEvents(call, now) {
    const events: DueEvent[] = [];
    if (call.status === 'in-progress' || call.status === 'ended') {
      events.push({ key: 'started', platformType: 'status-update', body: statusUpdate(call, 'in-progress', now) });
    }
    if (call.status === 'ended') {
      events.push({ key: 'ended', platformType: 'status-update', body: statusUpdate(call, 'ended', now) });
      events.push({ key: 'analyzed', platformType: 'end-of-call-report', body: report(call, now) });
    }
    return events;
  },
  finished: (call) => call.status === 'ended',
  sign: (_body, secret) => ({ 'x-vapi-secret': secret }),
};
