import { isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route } from '../../provider.js';
import type { BlandCallRecord } from './sandbox-calls-seed.js';
import type { BlandNumberWire, BlandSeed } from './sandbox-seed.js';
import { pathNumber } from './wire-assumptions.js';

/*
 * The Bland double's calls and pathways, as the adapter's call assumptions say: `GET /v1/calls` is
 * an index range (`from` inclusive, `limit` 1000 by default) answering `{ count, calls }` whose
 * items leave out transcripts and recordings; `GET /v1/calls/{id}` answers the full call; the
 * legacy `GET /v1/batches/{id}` answers `{ status, batch_params, call_data[] }` with each call in
 * full; `POST /v1/calls` answers `{ status: "success", call_id }`, and the call then moves on the
 * double's clock (`Date.now()`): started after 1 s, completed (ended by the customer) after 4 s.
 * Chosen where the docs are silent: the pathway list is a bare array whose items carry `id`; a
 * pathway's get carries none; `limit` is 1 to 1000; `sort_by` takes only `created_at`.
 */

const maxLimit = 1000;
/** The fields of a list item (documented): everything else is only in the get. */
const listFields = ['call_id', 'created_at', 'call_length', 'to', 'from', 'completed', 'queue_status', 'error_message', 'answered_by', 'batch_id'] as const;

/** A call as it stands now: a created call moves from queued to completed over four seconds. */
function current(call: BlandCallRecord): BlandCallRecord {
  const createdAt = call.created_by_api_at;
  if (createdAt === undefined) return call;
  const elapsed = Date.now() - createdAt;
  if (elapsed < 1000) return call;
  const started = { ...call, queue_status: 'started', status: 'started', started_at: new Date(createdAt + 1000).toISOString(), end_at: new Date(createdAt + 1000 + call.max_duration * 60_000).toISOString() };
  if (elapsed < 4000) return started;
  return { ...started, queue_status: 'completed', status: 'completed', completed: true, answered_by: 'human', call_ended_by: 'USER', call_length: 0.05, price: 0.005 };
}

/** The call as Bland answers its get: without the double's own field. */
function full(call: BlandCallRecord): Record<string, unknown> {
  const { created_by_api_at: _created, ...rest } = current(call);
  return rest;
}

function listItem(call: BlandCallRecord): Record<string, unknown> {
  const now = current(call);
  return Object.fromEntries(listFields.map((field) => [field, now[field]]));
}

/**
 * A call the double places now for a `/v1/calls` body (or a batch's call object merged over its
 * `global`): queued, it moves on from `placedAt` (a later start waits queued until then).
 */
export function placedBlandCall(body: Record<string, unknown>, placed: { to: string; from: string; batchId: string | null; placedAt: number }): BlandCallRecord {
  const requestData = body.request_data;
  return {
    call_id: crypto.randomUUID(),
    c_id: crypto.randomUUID(),
    batch_id: placed.batchId,
    pathway_id: typeof body.pathway_id === 'string' ? body.pathway_id : null,
    to: placed.to,
    from: placed.from,
    inbound: false,
    created_at: new Date().toISOString(),
    started_at: null,
    end_at: null,
    call_length: null,
    max_duration: typeof body.max_duration === 'number' ? body.max_duration : 30,
    queue_status: 'queued',
    completed: false,
    status: 'queued',
    answered_by: null,
    call_ended_by: null,
    error_message: null,
    transferred_to: null,
    transferred_at: null,
    variables: isPlainObject(requestData) ? { ...requestData } : {},
    request_data: isPlainObject(requestData) ? (requestData as Record<string, string>) : null,
    metadata: isPlainObject(body.metadata) ? body.metadata : null,
    summary: null,
    record: body.record === true,
    recording_url: null,
    price: null,
    concatenated_transcript: '',
    transcripts: [],
    created_by_api_at: placed.placedAt,
  };
}

/** The routes of the Bland double's calls and pathways over its current data (`data()` changes on reset). */
export function blandCallRoutes(
  data: () => BlandSeed,
  findNumber: (given: string) => BlandNumberWire | undefined,
  v1Error: (status: number, message: string) => Response,
): Route[] {
  function listCalls(query: URLSearchParams): Response {
    const limitText = query.get('limit');
    const limit = limitText === null ? maxLimit : wholeNumber(limitText);
    if (limit === null || limit < 1 || limit > maxLimit) return v1Error(400, `limit must be a whole number from 1 to ${maxLimit}.`);
    const fromText = query.get('from');
    const from = fromText === null ? 0 : wholeNumber(fromText);
    if (from === null || from < 0) return v1Error(400, 'from must be a whole number of 0 or more (an index into the list).');
    const sortBy = query.get('sort_by') ?? 'created_at';
    if (sortBy !== 'created_at') return v1Error(400, `Cannot sort by "${sortBy}".`);
    const fromNumber = query.get('from_number');
    const toNumber = query.get('to_number');
    const matching = data().calls.filter(
      (call) => (fromNumber === null || call.from === pathNumber(fromNumber)) && (toNumber === null || call.to === pathNumber(toNumber)),
    );
    // The seed is newest first; created calls are appended, so order by creation each time.
    const ordered = [...matching].sort((left, right) => right.created_at.localeCompare(left.created_at) || left.call_id.localeCompare(right.call_id));
    if (query.get('ascending') === 'true') ordered.reverse();
    return json(200, { count: ordered.length, calls: ordered.slice(from, from + limit).map(listItem) });
  }

  async function createCall(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!isPlainObject(body)) return v1Error(400, 'The body must be a JSON object.');
    if (typeof body.phone_number !== 'string' || !/^\+?\d{10,15}$/.test(body.phone_number)) return v1Error(400, 'phone_number is required: the number to call, in E.164.');
    const pathwayId = body.pathway_id;
    if (typeof pathwayId === 'string' ? !data().pathways.some((item) => item.id === pathwayId) : typeof body.task !== 'string') {
      return v1Error(400, 'Give a task, or a pathway_id of one of your pathways.');
    }
    const from = typeof body.from === 'string' ? findNumber(body.from) : undefined;
    if (body.from !== undefined && from === undefined) return v1Error(400, 'from must be one of your Bland numbers.');
    const call = placedBlandCall(body, { to: pathNumber(body.phone_number), from: from?.phone_number ?? data().numbers[0]!.phone_number, batchId: null, placedAt: Date.now() });
    data().calls.push(call);
    return json(200, { status: 'success', message: 'Call successfully queued.', call_id: call.call_id, batch_id: null });
  }

  function legacyBatch(id: string): Response {
    const batch = data().batches.find((item) => item.id === id);
    if (batch === undefined) return v1Error(404, `Batch ${id} not found.`);
    const calls = data().calls.filter((call) => call.batch_id === id).map(full);
    return json(200, {
      status: calls.every((call) => call.completed === true) ? 'completed' : 'in_progress',
      batch_params: { id: batch.id, created_at: batch.created_at, label: batch.description, base_prompt: batch.base_prompt },
      call_data: calls,
    });
  }

  return [
    { pattern: '/v1/calls', methods: { GET: (_request, _parameters, query) => listCalls(query), POST: createCall } },
    {
      pattern: '/v1/calls/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = data().calls.find((call) => call.call_id === id);
          return found ? json(200, full(found)) : v1Error(404, `Call ${id} not found.`);
        },
      },
    },
    { pattern: '/v1/batches/{id}', methods: { GET: (_request, { id }) => legacyBatch(id!) } },
    { pattern: '/v1/pathway', methods: { GET: () => json(200, data().pathways) } },
    {
      pattern: '/v1/pathway/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = data().pathways.find((item) => item.id === id);
          if (found === undefined) return v1Error(404, `Pathway ${id} not found.`);
          const { id: _id, ...pathway } = found;
          return json(200, pathway);
        },
      },
    },
  ];
}
