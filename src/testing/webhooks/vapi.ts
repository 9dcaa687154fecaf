import type { DueEvent, PlatformEvents } from './platform-events.js';
import { listField, objectField, textField } from './platform-events.js';

// Vapi's server messages: `status-update` when the call connects and ends, then the
// `end-of-call-report` with the artifact and analysis; authenticated by the server URL's secret,
// sent as it is in `X-Vapi-Secret` (docs "Server authentication").
// A campaign dials its contacts at its start; their calls are read as `calls.list({ campaignId })`
// reads them, from the `callId` of each contact of `GET /v2/campaign/{id}/contacts`.

const reportFields = ['endedReason', 'cost', 'artifact', 'analysis', 'startedAt', 'endedAt'] as const;

function statusUpdate(call: Record<string, unknown>, status: string, now: number): DueEvent['body'] {
  const ended = status === 'ended' ? { endedReason: call.endedReason } : {};
  return { message: { type: 'status-update', timestamp: now, status, ...ended, call } };
}

function report(call: Record<string, unknown>, now: number): DueEvent['body'] {
  const fields = Object.fromEntries(reportFields.filter((name) => call[name] !== undefined).map((name) => [name, call[name]]));
  return { message: { type: 'end-of-call-report', timestamp: now, ...fields, call } };
}

/** Vapi: `POST /call` places a call, `POST /v2/campaign` a campaign's; `GET /call/{id}` reads one. */
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
  campaigns: {
    startedCampaignId: (method, path, answer) => (method === 'POST' && path === '/v2/campaign' ? textField(answer, 'id') : null),
    callsRequest: (id, page) => ({ path: `/v2/campaign/${encodeURIComponent(id)}/contacts?page=${page ?? '1'}&limit=1000` }),
    // A contact still pending waits for the campaign's start: the campaign may place more calls.
    callsPage(answer) {
      const contacts = listField(answer, 'results');
      const metadata = objectField(answer, 'metadata');
      return {
        callIds: contacts.flatMap((contact) => (typeof contact.callId === 'string' ? [contact.callId] : [])),
        nextPage: metadata?.hasNextPage === true ? String(Number(metadata.currentPage) + 1) : null,
        settled: contacts.every((contact) => contact.status !== 'contact.pending'),
      };
    },
  },
};
