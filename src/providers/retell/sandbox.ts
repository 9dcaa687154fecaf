import { bearerToken, dispatch, empty, isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route, SandboxDouble, SandboxPlatform as Platform } from '../../provider.js';
import { retellCallRoutes } from './sandbox-call-routes.js';
import { retellCallData, type RetellCallData } from './sandbox-calls.js';
import {
  retellSeed,
  type RetellBatchCallSeedWire,
  type RetellPhoneNumberPageSeedWire,
  type RetellPhoneNumberSeedWire,
  type RetellSeed,
} from './sandbox-seed.js';

/*
 * Retell as documented: Bearer auth, `{ status: "error", message }` errors, numbers addressed by
 * their E.164 number, an unknown one answered 422 "Cannot find requested asset under given api key.",
 * `GET /v2/list-phone-numbers` with `limit` (50 by default, at most 1000), `sort_order` (descending by
 * default) and `pagination_key` pages, DELETE answering 204, POST /create-batch-call answering 201.
 * Not documented, chosen here: the pagination key is the last number of the page (so it holds a `+`),
 * the list is in creation order, weights must add up to 1, and binding agents drops the deprecated
 * single-agent fields.
 */

const defaultLimit = 50;
const maxLimit = 1000;
const sortOrders = ['ascending', 'descending'];
const e164 = /^\+[1-9]\d{1,14}$/;
const assetNotFound = 'Cannot find requested asset under given api key.';

/** Why a weighted agent list is unusable, or `null` when it is fine. */
function agentListProblem(name: string, list: unknown): string | null {
  if (list === null) return null;
  if (!Array.isArray(list)) return `${name} must be a list of { agent_id, weight } or null.`;
  let total = 0;
  for (const entry of list) {
    if (!isPlainObject(entry) || typeof entry.agent_id !== 'string' || entry.agent_id === '') {
      return `${name}: every entry needs a non-empty agent_id.`;
    }
    if (typeof entry.weight !== 'number' || !(entry.weight > 0) || entry.weight > 1) return `${name}: weight must be in (0, 1].`;
    total += entry.weight;
  }
  return list.length > 0 && Math.abs(total - 1) > 1e-9 ? `${name}: total weights must add up to 1.` : null;
}

function createRetellPlatform(apiKey: string, seed: () => RetellSeed): Platform {
  let data: RetellSeed = seed();
  let batchCounter = 0;
  // Calls, agents and LLMs are built at the first request for them, from the seed as it was.
  let callData: RetellCallData | null = null;

  const error: Platform['error'] = (status, _code, message, headers) => json(status, { status: 'error', message }, headers);
  const badRequest = (message: string) => error(400, 'bad_request', message);
  const find = (number: string) => data.phoneNumbers.find((item) => item.phone_number === number);
  const notFound = () => error(422, 'not_found', assetNotFound);

  function listNumbers(query: URLSearchParams): Response {
    const limitText = query.get('limit');
    const limit = limitText === null ? defaultLimit : wholeNumber(limitText);
    if (limit === null || limit < 1 || limit > maxLimit) return badRequest(`limit must be an integer from 1 to ${maxLimit}.`);
    const sortOrder = query.get('sort_order') ?? 'descending';
    if (!sortOrders.includes(sortOrder)) return badRequest('sort_order must be ascending or descending.');
    const ordered = sortOrder === 'ascending' ? data.phoneNumbers : [...data.phoneNumbers].reverse();
    let start = 0;
    const key = query.get('pagination_key');
    if (key !== null) {
      const after = ordered.findIndex((item) => item.phone_number === key);
      if (after === -1) return badRequest('Invalid pagination_key: pass back the pagination_key of the previous page.');
      start = after + 1;
    }
    const items = ordered.slice(start, start + limit);
    const hasMore = start + limit < ordered.length;
    const page: RetellPhoneNumberPageSeedWire = { items, has_more: hasMore, ...(hasMore ? { pagination_key: items.at(-1)!.phone_number } : {}) };
    return json(200, page);
  }

  async function updateNumber(request: Request, number: string): Promise<Response> {
    const found = find(number);
    if (!found) return notFound();
    const body = await readJson(request);
    if (!isPlainObject(body)) return badRequest('Invalid request format, please check API reference.');
    for (const name of ['inbound_agents', 'outbound_agents'] as const) {
      const problem = name in body ? agentListProblem(name, body[name]) : null;
      if (problem) return badRequest(problem);
    }
    if ('nickname' in body && body.nickname !== null && typeof body.nickname !== 'string') return badRequest('nickname must be a string or null.');
    if ('inbound_agents' in body) {
      found.inbound_agents = body.inbound_agents as RetellPhoneNumberSeedWire['inbound_agents'];
      // The weighted list replaces the deprecated single field, which then no longer shows.
      delete found.inbound_agent_id;
      delete found.inbound_agent_version;
    }
    if ('outbound_agents' in body) found.outbound_agents = body.outbound_agents as RetellPhoneNumberSeedWire['outbound_agents'];
    if ('nickname' in body) found.nickname = body.nickname as string | null;
    found.last_modification_timestamp = Date.now();
    return json(200, found);
  }

  async function createBatchCall(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!isPlainObject(body)) return badRequest('Invalid request format, please check API reference.');
    if (typeof body.from_number !== 'string' || !e164.test(body.from_number)) return badRequest('from_number must be a number in E.164 format.');
    if (!find(body.from_number)) return notFound();
    if (!Array.isArray(body.tasks) || body.tasks.length === 0) return badRequest('tasks must be a non-empty list.');
    for (const task of body.tasks) {
      if (!isPlainObject(task) || typeof task.to_number !== 'string' || !e164.test(task.to_number)) {
        return badRequest('Every task needs a to_number in E.164 format.');
      }
    }
    if (body.trigger_timestamp !== undefined && typeof body.trigger_timestamp !== 'number') return badRequest('trigger_timestamp must be a number.');
    batchCounter += 1;
    const created: RetellBatchCallSeedWire = {
      batch_call_id: `batch_call_${batchCounter.toString(16).padStart(24, '0')}`,
      name: typeof body.name === 'string' ? body.name : '',
      from_number: body.from_number,
      scheduled_timestamp: typeof body.trigger_timestamp === 'number' ? body.trigger_timestamp : Date.now(),
      total_task_count: body.tasks.length,
    };
    data.batchCalls.push(created);
    // A batch's calls exist from its start: each task's call is placed then, and runs as a single call does.
    const calls = (callData ??= retellCallData(data)).calls;
    for (const [index, task] of (body.tasks as Record<string, unknown>[]).entries()) {
      calls.push({
        call_id: `call_${created.batch_call_id.slice(-20)}${index.toString(16).padStart(8, '0')}`,
        call_type: 'phone_call',
        agent_id: typeof task.override_agent_id === 'string' ? task.override_agent_id : data.agentIds[0]!,
        direction: 'outbound',
        from_number: created.from_number,
        to_number: String(task.to_number),
        batch_call_id: created.batch_call_id,
        call_status: 'registered',
        ...(isPlainObject(task.retell_llm_dynamic_variables) ? { retell_llm_dynamic_variables: task.retell_llm_dynamic_variables } : {}),
        placedAt: created.scheduled_timestamp,
      });
    }
    return json(201, created);
  }

  const routes: Route[] = [
    ...retellCallRoutes({ data: () => (callData ??= retellCallData(data)), hasNumber: (number) => find(number) !== undefined, badRequest, notFound }),
    { pattern: '/v2/list-phone-numbers', methods: { GET: (_request, _parameters, query) => listNumbers(query) } },
    {
      pattern: '/get-phone-number/{number}',
      methods: { GET: (_request, { number }) => (find(number!) ? json(200, find(number!)) : notFound()) },
    },
    { pattern: '/update-phone-number/{number}', methods: { PATCH: (request, { number }) => updateNumber(request, number!) } },
    {
      pattern: '/delete-phone-number/{number}',
      methods: {
        DELETE: (_request, { number }) => {
          const found = find(number!);
          if (!found) return notFound();
          data.phoneNumbers = data.phoneNumbers.filter((item) => item !== found);
          return empty(204);
        },
      },
    },
    { pattern: '/create-batch-call', methods: { POST: (request) => createBatchCall(request) } },
  ];

  return {
    error,
    authenticate(request) {
      const token = bearerToken(request);
      return token === null || token !== apiKey ? error(401, 'unauthorized', 'API key is missing or invalid.') : null;
    },
    handle: (request, path, query) => dispatch(routes, { error }, request, path, query),
    reset() {
      data = seed();
      batchCounter = 0;
      callData = null;
    },
  };
}

/** The Retell double, over its seed data. */
export const retellSandbox: SandboxDouble<RetellSeed> = {
  seed: retellSeed,
  create: ({ apiKey, seed }) => createRetellPlatform(apiKey, seed),
};
