import { dispatch, empty, isPlainObject, json, readJson, refuseApiKeyHeader, wholeNumber } from '../../provider.js';
import type { Route, SandboxDouble, SandboxPlatform as Platform } from '../../provider.js';
import { numbersAssignmentSeed, type NumbersAssignmentSeed, type NumbersAssignmentWire } from './sandbox-seed.js';

/*
 * The numbers-assignment platform as documented: `X-API-Key`, `page`/`limit` pages on `/numbers` (1
 * and 50 by default), `/agents/{id}/numbers` without query parameters (one answer, no pagination
 * object, however many numbers), POST 201, DELETE 200 without content. Where the page is silent the sandbox answers as
 * the adapter assumes: lists `{ data, pagination: { page, limit, total, totalPages } }`, a single
 * assignment bare, statuses active | inactive, errors `{ error: "..." }`, `limit` at most 100,
 * `phoneNumber` in E.164 and assigned once (a second assignment of the same number is a 409).
 */

const statuses = ['active', 'inactive'];
const defaultLimit = 50;
const maxLimit = 100;
const e164 = /^\+[1-9]\d{6,14}$/;

function createNumbersAssignmentPlatform(apiKey: string, seed: () => NumbersAssignmentSeed): Platform {
  let data: NumbersAssignmentSeed = seed();
  let created = 0;

  const error: Platform['error'] = (status, _code, message, headers) => json(status, { error: message }, headers);

  function listPage(items: readonly NumbersAssignmentWire[], query: URLSearchParams): Response {
    const page = query.get('page') === null ? 1 : wholeNumber(query.get('page'));
    if (page === null || page < 1) return error(400, 'invalid', 'page must be a whole number of 1 or more.');
    const limit = query.get('limit') === null ? defaultLimit : wholeNumber(query.get('limit'));
    if (limit === null || limit < 1 || limit > maxLimit) return error(400, 'invalid', `limit must be a whole number from 1 to ${maxLimit}.`);
    const status = query.get('status');
    if (status !== null && !statuses.includes(status)) return error(400, 'invalid', `status must be active or inactive (got "${status}").`);
    const matching = items.filter((item) => status === null || item.status === status);
    return json(200, {
      data: matching.slice((page - 1) * limit, page * limit),
      pagination: { page, limit, total: matching.length, totalPages: Math.ceil(matching.length / limit) },
    });
  }

  /** Checks the text fields a write may carry; a problem message, or `null`. */
  function fieldProblem(body: Record<string, unknown>): string | null {
    for (const name of ['friendlyName', 'agentId']) {
      const value = body[name];
      if (value !== undefined && value !== null && typeof value !== 'string') return `${name} must be a string or null.`;
    }
    if (body.status !== undefined && !statuses.includes(body.status as string)) return 'status must be active or inactive.';
    return null;
  }

  async function create(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!isPlainObject(body)) return error(400, 'invalid', 'The body must be a JSON object { phoneNumber, agentId, friendlyName? }.');
    const { phoneNumber, agentId, friendlyName } = body;
    if (typeof phoneNumber !== 'string' || !e164.test(phoneNumber)) return error(400, 'invalid', 'phoneNumber is required, in E.164 (e.g. +14155550123).');
    if (typeof agentId !== 'string' || agentId.trim() === '') return error(400, 'invalid', 'agentId is required.');
    const problem = fieldProblem({ friendlyName });
    if (problem !== null) return error(400, 'invalid', problem);
    if (data.numbers.some((item) => item.phoneNumber === phoneNumber)) {
      return error(409, 'conflict', `${phoneNumber} is already assigned; update or delete that assignment instead.`);
    }
    created += 1;
    const now = new Date().toISOString();
    const record: NumbersAssignmentWire = {
      id: `num_new${created.toString(16).padStart(13, '0')}`,
      phoneNumber,
      friendlyName: (friendlyName as string | undefined) ?? null,
      agentId,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    data.numbers.push(record);
    return json(201, record);
  }

  const find = (id: string) => data.numbers.find((item) => item.id === id);
  const notFound = (id: string) => error(404, 'not_found', `Phone number assignment ${id} not found.`);

  const routes: Route[] = [
    { pattern: '/numbers', methods: { GET: (_request, _parameters, query) => listPage(data.numbers, query), POST: create } },
    {
      pattern: '/numbers/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = find(id!);
          return found ? json(200, found) : notFound(id!);
        },
        PUT: async (request, { id }) => {
          const found = find(id!);
          if (!found) return notFound(id!);
          const body = await readJson(request);
          if (!isPlainObject(body)) return error(400, 'invalid', 'The body must be a JSON object { friendlyName?, agentId?, status? }.');
          const problem = fieldProblem(body);
          if (problem !== null) return error(400, 'invalid', problem);
          if (body.friendlyName !== undefined) found.friendlyName = body.friendlyName as string | null;
          if (body.agentId !== undefined) found.agentId = body.agentId as string | null;
          if (body.status !== undefined) found.status = body.status as NumbersAssignmentWire['status'];
          found.updatedAt = new Date().toISOString();
          return json(200, found);
        },
        DELETE: (_request, { id }) => {
          if (!find(id!)) return notFound(id!);
          data.numbers = data.numbers.filter((item) => item.id !== id);
          return empty(200);
        },
      },
    },
    {
      // Documented without query parameters: every number of the agent in one answer, whatever the query says.
      pattern: '/agents/{id}/numbers',
      methods: { GET: (_request, { id }) => json(200, { data: data.numbers.filter((item) => item.agentId === id) }) },
    },
  ];

  return {
    error,
    authenticate: (request) => refuseApiKeyHeader(request, apiKey, error),
    handle: (request, path, query) => dispatch(routes, { error }, request, path, query),
    reset() {
      data = seed();
      created = 0;
    },
  };
}

/** The numbers-assignment double, over its seed data. */
export const numbersAssignmentSandbox: SandboxDouble<NumbersAssignmentSeed> = {
  seed: numbersAssignmentSeed,
  create: ({ apiKey, seed }) => createNumbersAssignmentPlatform(apiKey, seed),
};
