import { dispatch, isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route, SandboxDouble, SandboxPlatform as Platform } from '../../provider.js';
import { runSubmittedBatches, type SubmittedBatches } from './sandbox-batches.js';
import { dynamicVariables, elevenLabsCallRoutes, pageAfter } from './sandbox-calls.js';
import { elevenLabsSeed, type ElevenLabsBatchCallSeedWire, type ElevenLabsSeed } from './sandbox-seed.js';

/*
 * ElevenLabs' Agents Platform as documented: `xi-api-key` auth, `{ detail: { status, message } }`
 * errors (422: `detail: [{ loc, msg, type }]`), the v2 number list paged by `cursor`/`page_size`,
 * the v1 list as a bare array, PATCH answering the number, DELETE answering `{}`, batch calls paged
 * by `last_doc`/`limit` (100 by default), submit/cancel/retry answering the batch. Not documented,
 * chosen here: cursors are the last id of the page, lists are newest first, the v2 number page
 * size defaults to 30.
 */

const e164 = /^\+[1-9]\d{1,14}$/;

/** A batch as the list and the writes answer it: without its recipients. */
function summary(batch: ElevenLabsBatchCallSeedWire): Omit<ElevenLabsBatchCallSeedWire, 'recipients'> {
  const { recipients: _recipients, ...rest } = batch;
  return rest;
}

function createElevenLabsPlatform(apiKey: string, seed: () => ElevenLabsSeed): Platform {
  const state = { data: seed(), counter: 0 };
  const submitted: SubmittedBatches = new Map();

  const error: Platform['error'] = (status, code, message, headers) => json(status, { detail: { status: code, message } }, headers);
  const invalid = (loc: string[], msg: string) => json(422, { detail: [{ loc, msg, type: 'value_error' }] });
  const numberNotFound = () => error(404, 'phone_number_not_found', 'Phone number not found.');
  const batchNotFound = () => error(404, 'batch_call_not_found', 'Batch call not found.');
  const findNumber = (id: string) => state.data.phoneNumbers.find((number) => number.phone_number_id === id);
  const findBatch = (id: string) => state.data.batchCalls.find((batch) => batch.id === id);
  const sizeOf = (text: string | null, fallback: number) => (text === null ? fallback : wholeNumber(text));

  function listNumbers(query: URLSearchParams): Response {
    const size = sizeOf(query.get('page_size'), 30);
    if (size === null || size < 1) return invalid(['query', 'page_size'], 'page_size must be a positive integer.');
    const agent = query.get('agent_id');
    const provider = query.get('provider');
    const outbound = query.get('supports_outbound');
    const search = query.get('search');
    const matching = [...state.data.phoneNumbers].reverse().filter(
      (number) =>
        (agent === null || number.assigned_agent?.agent_id === agent) &&
        (provider === null || number.provider === provider) &&
        (outbound === null || String(number.supports_outbound) === outbound) &&
        (search === null || number.phone_number_id === search || number.label.includes(search) || number.phone_number.includes(search)),
    );
    const result = pageAfter(matching, (number) => number.phone_number_id, query.get('cursor'), size);
    if (result === null) return invalid(['query', 'cursor'], 'Invalid cursor.');
    return json(200, { phone_numbers: result.page, next_cursor: result.next, has_more: result.next !== null });
  }

  async function updateNumber(request: Request, id: string): Promise<Response> {
    const found = findNumber(id);
    if (!found) return numberNotFound();
    const body = await readJson(request);
    if (!isPlainObject(body)) return invalid(['body'], 'Input should be a valid dictionary.');
    if ('agent_id' in body) {
      if (body.agent_id === null) found.assigned_agent = null;
      else {
        const agent = state.data.agents.find((item) => item.agent_id === body.agent_id);
        if (!agent) return error(404, 'agent_not_found', `Agent ${String(body.agent_id)} not found.`);
        found.assigned_agent = { agent_id: agent.agent_id, agent_name: agent.name };
      }
    }
    if ('label' in body) {
      if (typeof body.label !== 'string') return invalid(['body', 'label'], 'Input should be a valid string.');
      found.label = body.label;
    }
    return json(200, found);
  }

  async function submitBatch(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!isPlainObject(body)) return invalid(['body'], 'Input should be a valid dictionary.');
    if (typeof body.call_name !== 'string' || body.call_name === '') return invalid(['body', 'call_name'], 'Field required.');
    const agent = state.data.agents.find((item) => item.agent_id === body.agent_id);
    if (!agent) return error(404, 'agent_not_found', 'Agent not found.');
    const number = typeof body.agent_phone_number_id === 'string' ? findNumber(body.agent_phone_number_id) : undefined;
    if (!number) return numberNotFound();
    if (!Array.isArray(body.recipients) || body.recipients.length === 0) return invalid(['body', 'recipients'], 'List should have at least 1 item.');
    for (const [index, recipient] of body.recipients.entries()) {
      if (!isPlainObject(recipient) || typeof recipient.phone_number !== 'string' || !e164.test(recipient.phone_number)) {
        return invalid(['body', 'recipients', String(index), 'phone_number'], 'Invalid phone number.');
      }
    }
    const now = Math.floor(Date.now() / 1000);
    const scheduled = typeof body.scheduled_time_unix === 'number' ? body.scheduled_time_unix : now;
    state.counter += 1;
    const batch: ElevenLabsBatchCallSeedWire = {
      id: `btcal_sandbox${state.counter.toString(16).padStart(14, '0')}`,
      phone_number_id: number.phone_number_id,
      phone_provider: number.provider,
      name: body.call_name,
      agent_id: agent.agent_id,
      agent_name: agent.name,
      created_at_unix: now,
      scheduled_time_unix: scheduled,
      total_calls_dispatched: 0,
      total_calls_scheduled: body.recipients.length,
      total_calls_finished: 0,
      last_updated_at_unix: now,
      status: 'pending',
      retry_count: 0,
      telephony_call_config: {},
      ...(typeof body.target_concurrency_limit === 'number' ? { target_concurrency_limit: body.target_concurrency_limit } : {}),
      recipients: (body.recipients as { phone_number: string }[]).map((recipient, index) => ({
        id: `rcp_sandbox${state.counter}_${index}`,
        phone_number: recipient.phone_number,
        status: 'pending',
        created_at_unix: now,
        updated_at_unix: now,
        conversation_id: null,
      })),
    };
    state.data.batchCalls.push(batch);
    const recipients = body.recipients as Record<string, unknown>[];
    submitted.set(batch.id, new Map(batch.recipients.map((recipient, index) => [recipient.id, dynamicVariables(recipients[index]!.conversation_initiation_client_data)])));
    // Answered pending: the batch is dialled from the next request on (every request runs the due batches first).
    return json(200, summary(batch));
  }

  function listBatches(query: URLSearchParams): Response {
    const size = sizeOf(query.get('limit'), 100);
    if (size === null || size < 1) return invalid(['query', 'limit'], 'limit must be a positive integer.');
    const agent = query.get('agent_id');
    const matching = [...state.data.batchCalls].reverse().filter((batch) => agent === null || batch.agent_id === agent);
    const result = pageAfter(matching, (batch) => batch.id, query.get('last_doc'), size);
    if (result === null) return invalid(['query', 'last_doc'], 'Invalid last_doc.');
    return json(200, { batch_calls: result.page.map(summary), next_doc: result.next, has_more: result.next !== null });
  }

  function changeBatch(id: string, change: 'cancel' | 'retry'): Response {
    const batch = findBatch(id);
    if (!batch) return batchNotFound();
    batch.last_updated_at_unix = Math.floor(Date.now() / 1000);
    if (change === 'cancel') {
      batch.status = 'cancelled';
      for (const recipient of batch.recipients) if (recipient.status === 'pending') recipient.status = 'cancelled';
    } else {
      if (!['completed', 'failed', 'cancelled'].includes(batch.status)) return error(400, 'batch_not_finished', 'Only a finished batch can be retried.');
      batch.retry_count += 1;
      batch.status = 'pending';
      for (const recipient of batch.recipients) if (recipient.status === 'failed') recipient.status = 'pending';
    }
    return json(200, summary(batch));
  }

  const routes: Route[] = [
    { pattern: '/v1/convai/v2/phone-numbers', methods: { GET: (_request, _parameters, query) => listNumbers(query) } },
    { pattern: '/v1/convai/phone-numbers', methods: { GET: () => json(200, state.data.phoneNumbers) } },
    {
      pattern: '/v1/convai/phone-numbers/{id}',
      methods: {
        GET: (_request, { id }) => (findNumber(id!) ? json(200, findNumber(id!)) : numberNotFound()),
        PATCH: (request, { id }) => updateNumber(request, id!),
        DELETE: (_request, { id }) => {
          if (!findNumber(id!)) return numberNotFound();
          state.data.phoneNumbers = state.data.phoneNumbers.filter((number) => number.phone_number_id !== id);
          return json(200, {});
        },
      },
    },
    { pattern: '/v1/convai/batch-calling/submit', methods: { POST: (request) => submitBatch(request) } },
    { pattern: '/v1/convai/batch-calling/workspace', methods: { GET: (_request, _parameters, query) => listBatches(query) } },
    { pattern: '/v1/convai/batch-calling/{id}', methods: { GET: (_request, { id }) => (findBatch(id!) ? json(200, findBatch(id!)) : batchNotFound()) } },
    { pattern: '/v1/convai/batch-calling/{id}/cancel', methods: { POST: (_request, { id }) => changeBatch(id!, 'cancel') } },
    { pattern: '/v1/convai/batch-calling/{id}/retry', methods: { POST: (_request, { id }) => changeBatch(id!, 'retry') } },
    ...elevenLabsCallRoutes(state, { error, invalid, findNumber }),
  ];

  return {
    error,
    authenticate(request) {
      const key = request.headers.get('xi-api-key');
      if (key === null || key.trim() === '') return error(401, 'needs_authorization', 'Missing xi-api-key header.');
      return key === apiKey ? null : error(401, 'invalid_api_key', 'Invalid API key.');
    },
    handle: (request, path, query) => {
      runSubmittedBatches(state, submitted);
      return dispatch(routes, { error }, request, path, query);
    },
    reset() {
      state.data = seed();
      state.counter = 0;
      submitted.clear();
    },
  };
}

/** The ElevenLabs double, over its seed data. */
export const elevenLabsSandbox: SandboxDouble<ElevenLabsSeed> = {
  seed: elevenLabsSeed,
  create: ({ apiKey, seed }) => createElevenLabsPlatform(apiKey, seed),
};
