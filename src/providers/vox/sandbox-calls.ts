import { decodeCursor, encodeCursor, isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route, SandboxPlatform as Platform } from '../../provider.js';
import type { VoxCallRecord } from './sandbox-calls-seed.js';
import type { VoxSeed } from './sandbox-seed.js';

/*
 * The vox double's calls and agents, as the adapter's call assumptions say (wire-assumptions.ts):
 * `GET /v3/calls` with repeated `status`, `agent_id`, `start_at_gte` / `start_at_lt` (unix ms); the
 * get with `transcript`, the list without; `POST /v3/calls` answering 201 with a queued call that
 * then rings on the double's clock (`Date.now()`): ongoing after 1 s, ended (`user_hangup`) after 4 s.
 */

const maxLimit = 100;
const callStatuses = ['queued', 'ongoing', 'ended', 'error', 'canceled', 'not_connected'];

/** A call as it stands now: a created call moves from queued to an end over a few seconds. */
function current(call: VoxCallRecord): VoxCallRecord {
  const createdAt = call.created_by_api_at;
  if (createdAt === undefined) return call;
  const elapsed = Date.now() - createdAt;
  if (elapsed < 1000) return call;
  if (elapsed < 4000) return { ...call, status: 'ongoing', start_at: createdAt + 1000 };
  return { ...call, status: 'ended', disconnection_reason: 'user_hangup', start_at: createdAt + 1000, end_at: createdAt + 4000, call_cost: { total_cost: '0.3' } };
}

/** The call as vox answers it: without the double's own fields; without `transcript` in a list. */
function wire(call: VoxCallRecord, withTranscript: boolean): Record<string, unknown> {
  const { campaign_id: _campaign, created_by_api_at: _created, transcript, ...rest } = current(call);
  return withTranscript ? { ...rest, transcript } : rest;
}

export function voxCallRoutes(data: () => VoxSeed, error: Platform['error']): Route[] {
  const invalid = (field: string, message: string) => json(400, { error: { code: 'VALIDATION_ERROR', message, details: { field, reason: 'invalid_value' } } });
  const page = <T>(items: readonly T[], query: URLSearchParams, fingerprint: string, render: (item: T) => unknown) => {
    const limitText = query.get('limit');
    const limit = limitText === null ? 50 : wholeNumber(limitText);
    if (limit === null || limit < 1 || limit > maxLimit) return invalid('limit', `limit must be an integer from 1 to ${maxLimit}.`);
    let offset = 0;
    const cursorText = query.get('cursor');
    if (cursorText !== null) {
      const cursor = decodeCursor(cursorText);
      if (cursor === null || cursor.query !== fingerprint || typeof cursor.offset !== 'number') return invalid('cursor', 'cursor is not a next_cursor of this query.');
      offset = cursor.offset;
    }
    const next = offset + limit < items.length ? encodeCursor({ offset: offset + limit, query: fingerprint }) : null;
    return json(200, { items: items.slice(offset, offset + limit).map(render), total_count: items.length, next_cursor: next });
  };

  function listCalls(query: URLSearchParams): Response {
    const statuses = query.getAll('status');
    const unknown = statuses.find((status) => !callStatuses.includes(status));
    if (unknown !== undefined) return invalid('status', `Unknown status "${unknown}".`);
    const agents = query.getAll('agent_id');
    const after = query.get('start_at_gte') === null ? null : Number(query.get('start_at_gte'));
    const before = query.get('start_at_lt') === null ? null : Number(query.get('start_at_lt'));
    const matching = data()
      .calls.map(current)
      .filter((call) => statuses.length === 0 || statuses.includes(call.status))
      .filter((call) => agents.length === 0 || (call.agent !== null && agents.includes(call.agent.agent_id)))
      .filter((call) => after === null || (call.start_at !== null && call.start_at >= after))
      .filter((call) => before === null || (call.start_at !== null && call.start_at < before))
      .sort((left, right) => (right.start_at ?? Number.MAX_SAFE_INTEGER) - (left.start_at ?? Number.MAX_SAFE_INTEGER) || left.id.localeCompare(right.id));
    return page(matching, query, [statuses.join(','), agents.join(','), after, before].join('|'), (call) => wire(call, false));
  }

  async function createCall(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!isPlainObject(body)) return invalid('body', 'The body must be a JSON object.');
    const active = data().phoneNumbers.filter((number) => number.status === 'active').map((number) => number.number);
    if (typeof body.from_number !== 'string' || !active.includes(body.from_number)) {
      return invalid('from_number', 'from_number must be an active telephone number of this organization, in domestic digits.');
    }
    if (typeof body.to_number !== 'string' || !/^0\d{8,10}$/.test(body.to_number)) return invalid('to_number', 'to_number must be domestic digits.');
    const agent = body.agent;
    if (!isPlainObject(agent) || typeof agent.agent_id !== 'string' || !data().agents.some((item) => item.agent_id === agent.agent_id)) {
      return invalid('agent', 'agent must name an agent of this organization.');
    }
    const call: VoxCallRecord = {
      id: crypto.randomUUID(),
      agent: { agent_id: agent.agent_id, agent_version: typeof agent.agent_version === 'string' ? agent.agent_version : 'production' },
      call_type: 'outbound',
      status: 'queued',
      from_number: body.from_number,
      to_number: body.to_number,
      presentation_number: null,
      disconnection_reason: null,
      start_at: null,
      end_at: null,
      recording_url: null,
      metadata: isPlainObject(body.metadata) ? body.metadata : null,
      dynamic_variables: isPlainObject(body.dynamic_variables) ? body.dynamic_variables : null,
      call_analysis: null,
      call_cost: null,
      transcript: [],
      created_by_api_at: Date.now(),
    };
    data().calls.push(call);
    return json(201, wire(call, true));
  }

  return [
    { pattern: '/v3/calls', methods: { GET: (_request, _parameters, query) => listCalls(query), POST: (request) => createCall(request) } },
    {
      pattern: '/v3/calls/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = data().calls.find((call) => call.id === id);
          return found ? json(200, wire(found, true)) : error(404, 'NOT_FOUND', `Call ${id} was not found in this organization.`);
        },
      },
    },
    {
      pattern: '/v3/agents',
      methods: {
        GET: (_request, _parameters, query) =>
          page(data().agents, query, 'agents', ({ agent_id, name, type, created_at, updated_at, production_version }) => ({
            agent_id,
            name,
            type,
            created_at,
            updated_at,
            production_version,
          })),
      },
    },
    {
      pattern: '/v3/agents/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = data().agents.find((agent) => agent.agent_id === id);
          return found ? json(200, found) : error(404, 'NOT_FOUND', `Agent ${id} was not found in this organization.`);
        },
      },
    },
  ];
}
