import { bearerToken, decodeCursor, dispatch, encodeCursor, isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route, SandboxDouble, SandboxPlatform as Platform } from '../../provider.js';
import { vogentSeed, type VogentSeed } from './sandbox-seed.js';
import { vogentWriteHandlers } from './sandbox-writes.js';
import { vogentCallRoutes } from './sandbox-calls.js';

/*
 * Vogent as documented: Bearer auth, `{ data, cursor }` pages (cursor null at the end, no total),
 * `limit` 100 by default, PUT `{ agentId }` with "" to unlink, DELETE answering the deleted number.
 * Vogent publishes no error body, so errors here are `{ message }`, and a rejected field adds
 * `errors: [{ field, message }]`. Not documented, chosen here: `limit` is 1..100.
 */

const defaultLimit = 100;
const maxLimit = 100;
const jobStatuses = ['INIT', 'ACTIVE', 'PAUSED', 'COMPLETE', 'CANCELLED'];

function createVogentPlatform(apiKey: string, seed: () => VogentSeed): Platform {
  let data: VogentSeed = seed();

  const error: Platform['error'] = (status, _code, message, headers) => json(status, { message }, headers);
  const invalid = (status: 400 | 422, field: string, message: string) =>
    json(status, { message: status === 400 ? 'Invalid input' : 'Validation exception', errors: [{ field, message }] });

  /** One `{ data, cursor }` page of `items`; the cursor is an opaque position in the filtered feed. */
  function page<T>(items: readonly T[], query: URLSearchParams, filters: string): Response {
    const limitText = query.get('limit');
    const limit = limitText === null ? defaultLimit : wholeNumber(limitText);
    if (limit === null || limit < 1 || limit > maxLimit) {
      return invalid(400, 'limit', `limit must be an integer from 1 to ${maxLimit}.`);
    }
    let offset = 0;
    const cursorText = query.get('cursor');
    if (cursorText !== null) {
      const cursor = decodeCursor(cursorText);
      if (cursor === null || cursor.filters !== filters || typeof cursor.after !== 'number' || cursor.after < 0) {
        return invalid(400, 'cursor', 'cursor must be a cursor from the previous response of the same query, passed verbatim.');
      }
      offset = cursor.after;
    }
    const next = offset + limit < items.length ? encodeCursor({ after: offset + limit, filters }) : null;
    return json(200, { data: items.slice(offset, offset + limit), cursor: next });
  }

  function findNumber(id: string) {
    return data.phoneNumbers.find((item) => item.id === id);
  }
  const numberNotFound = (id: string) => error(404, 'not_found', `Phone number ${id} not found.`);
  const writes = vogentWriteHandlers(() => data, error);

  const routes: Route[] = [
    { pattern: '/phone_numbers', methods: { GET: (_request, _parameters, query) => page(data.phoneNumbers, query, '') } },
    {
      pattern: '/phone_numbers/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = findNumber(id!);
          return found ? json(200, found) : numberNotFound(id!);
        },
        PUT: async (request, { id }) => {
          const found = findNumber(id!);
          if (!found) return numberNotFound(id!);
          const body = await readJson(request);
          if (!isPlainObject(body)) return error(400, 'invalid_input', 'Invalid input: the body must be a JSON object such as {"agentId": "..."}.');
          if (typeof body.agentId !== 'string') {
            return invalid(422, 'agentId', 'agentId must be a string: an agent id to link, or "" to unlink.');
          }
          found.agentId = body.agentId === '' ? null : body.agentId;
          return json(200, found);
        },
        DELETE: (_request, { id }) => {
          const found = findNumber(id!);
          if (!found) return numberNotFound(id!);
          data.phoneNumbers = data.phoneNumbers.filter((item) => item !== found);
          return json(200, found);
        },
      },
    },
    {
      pattern: '/batch_dial_jobs',
      methods: {
        GET: (_request, _parameters, query) => {
          const status = query.get('status');
          if (status !== null && !jobStatuses.includes(status)) {
            return invalid(400, 'status', `status must be one of ${jobStatuses.join(', ')}.`);
          }
          const agentId = query.get('callAgentId');
          const jobs = data.batchDialJobs.filter(
            (job) => (status === null || job.status === status) && (agentId === null || job.callAgentId === agentId),
          );
          return page(jobs, query, `${status ?? ''}|${agentId ?? ''}`);
        },
        POST: writes.create,
      },
    },
    {
      pattern: '/batch_dial_jobs/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = data.batchDialJobs.find((job) => job.id === id);
          return found ? json(200, found) : error(404, 'not_found', `Batch dial job ${id} not found.`);
        },
      },
    },
    ...writes.routes,
    ...vogentCallRoutes(() => data, error, page),
  ];

  return {
    error,
    authenticate(request) {
      const token = bearerToken(request);
      if (token === null) return error(401, 'unauthorized', 'Unauthorized: send Authorization: Bearer <api key>.');
      if (token !== apiKey) return error(401, 'unauthorized', 'Unauthorized: invalid API key.');
      return null;
    },
    handle: (request, path, query) => dispatch(routes, { error }, request, path, query),
    reset() {
      data = seed();
    },
  };
}

/** The vogent double, over its seed data. */
export const vogentSandbox: SandboxDouble<VogentSeed> = {
  seed: vogentSeed,
  create: ({ apiKey, seed }) => createVogentPlatform(apiKey, seed),
};
