import { bearerToken, compareBy, decodeCursor, dispatch, encodeCursor, json, wholeNumber } from '../../provider.js';
import type { Route, SandboxDouble, SandboxPlatform as Platform } from '../../provider.js';
import { voxSeed, type VoxPhoneNumberWire, type VoxSeed } from './sandbox-seed.js';
import { voxWriteRoutes } from './sandbox-writes.js';
import { voxCallRoutes } from './sandbox-calls.js';

/*
 * vox.ai v3 as documented: Bearer auth, `{ items, total_count, next_cursor }` pages with opaque
 * cursors, one `status` value on the numbers list with `active` as the default filter, `limit`
 * 1..100 (50 by default), and `{ error: { code, message, details: { field, reason, allowed_values } } }`
 * errors. Not documented, chosen here: a repeated `status` keeps its last value, as a Python
 * framework's query multidict does (no error, and a `total_count` that looks right); an unknown query
 * parameter is a 400 whose details list `allowed_query_parameters`; `sort_order` defaults to `desc`
 * (newest first), `sort_by` takes created_at, updated_at, start_at or number, and a cursor only
 * continues the query that made it.
 */

const statuses = ['active', 'scheduled', 'cancel_requested', 'expired'];
const carriers = ['vox', 'custom'];
const sortFields = ['created_at', 'updated_at', 'start_at', 'number'] as const;
const sortOrders = ['asc', 'desc'];
const numberListParameters = ['cursor', 'limit', 'status', 'provider', 'sort_by', 'sort_order'];
const defaultLimit = 50;
const maxLimit = 100;

interface FieldProblem {
  field: string;
  reason: string;
  message: string;
  allowed?: readonly string[];
  allowedParameters?: readonly string[];
}

function createVoxPlatform(apiKey: string, seed: () => VoxSeed): Platform {
  let data: VoxSeed = seed();

  const error: Platform['error'] = (status, code, message, headers) => json(status, { error: { code, message } }, headers);
  const invalid = (problem: FieldProblem) =>
    json(400, {
      error: {
        code: 'invalid_parameter',
        message: problem.message,
        details: {
          field: problem.field,
          reason: problem.reason,
          ...(problem.allowed ? { allowed_values: problem.allowed } : {}),
          ...(problem.allowedParameters ? { allowed_query_parameters: problem.allowedParameters } : {}),
        },
      },
    });

  function listNumbers(query: URLSearchParams): Response {
    const unknown = [...query.keys()].find((name) => !numberListParameters.includes(name));
    if (unknown !== undefined) {
      return invalid({
        field: unknown,
        reason: 'unknown_parameter',
        message: `Unknown query parameter "${unknown}".`,
        allowedParameters: numberListParameters,
      });
    }
    const limitText = query.get('limit');
    const limit = limitText === null ? defaultLimit : wholeNumber(limitText);
    if (limit === null || limit < 1 || limit > maxLimit) {
      return invalid({ field: 'limit', reason: 'out_of_range', message: `limit must be an integer from 1 to ${maxLimit} (got ${limitText}).` });
    }
    // `status` is one string: of a repeated one only the last value counts, silently.
    const status = query.getAll('status').at(-1) ?? 'active';
    if (!statuses.includes(status)) {
      return invalid({ field: 'status', reason: 'invalid_value', message: `Unknown status "${status}".`, allowed: statuses });
    }
    const carrier = query.get('provider');
    if (carrier !== null && !carriers.includes(carrier)) {
      return invalid({ field: 'provider', reason: 'invalid_value', message: `Unknown provider "${carrier}".`, allowed: carriers });
    }
    const sortBy = query.get('sort_by') ?? 'created_at';
    if (!(sortFields as readonly string[]).includes(sortBy)) {
      return invalid({ field: 'sort_by', reason: 'invalid_value', message: `Cannot sort by "${sortBy}".`, allowed: sortFields });
    }
    const sortOrder = query.get('sort_order') ?? 'desc';
    if (!sortOrders.includes(sortOrder)) {
      return invalid({ field: 'sort_order', reason: 'invalid_value', message: `Unknown sort order "${sortOrder}".`, allowed: sortOrders });
    }
    // The cursor remembers the query it belongs to: another query's cursor is refused, not misread.
    const fingerprint = [status, carrier ?? '', sortBy, sortOrder].join('|');
    let offset = 0;
    const cursorText = query.get('cursor');
    if (cursorText !== null) {
      const cursor = decodeCursor(cursorText);
      const position = typeof cursor?.offset === 'number' ? cursor.offset : -1;
      if (cursor === null || cursor.query !== fingerprint || !Number.isSafeInteger(position) || position < 0) {
        return invalid({
          field: 'cursor',
          reason: 'invalid_cursor',
          message: 'cursor is not a next_cursor of this query; pass it back verbatim with the same filters.',
        });
      }
      offset = position;
    }
    const field = sortBy as (typeof sortFields)[number];
    const ascending = compareBy<VoxPhoneNumberWire>((item) => item[field], (item) => item.id);
    const matching = data.phoneNumbers
      .filter((item) => item.status === status && (carrier === null || item.provider === carrier))
      .sort(sortOrder === 'asc' ? ascending : (left, right) => ascending(right, left));
    const items = matching.slice(offset, offset + limit);
    const next = offset + limit < matching.length ? encodeCursor({ offset: offset + limit, query: fingerprint }) : null;
    return json(200, { items, total_count: matching.length, next_cursor: next });
  }

  const routes: Route[] = [
    { pattern: '/v3/organization-telephone-numbers', methods: { GET: (_request, _parameters, query) => listNumbers(query) } },
    {
      pattern: '/v3/organization-telephone-numbers/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = data.phoneNumbers.find((item) => item.id === id);
          return found ? json(200, found) : error(404, 'not_found', `Telephone number ${id} was not found in this organization.`);
        },
      },
    },
    {
      pattern: '/v3/campaigns/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = data.campaigns.find((item) => item.id === id);
          return found ? json(200, found) : error(404, 'not_found', `Campaign ${id} was not found in this organization.`);
        },
      },
    },
    ...voxWriteRoutes(() => data, error),
    ...voxCallRoutes(() => data, error),
  ];

  return {
    error,
    authenticate(request) {
      const token = bearerToken(request);
      if (token === null) return error(401, 'unauthorized', 'Missing API key: send Authorization: Bearer <organization API key>.');
      if (token !== apiKey) return error(401, 'unauthorized', 'Invalid API key.');
      return null;
    },
    handle: (request, path, query) => dispatch(routes, { error }, request, path, query),
    reset() {
      data = seed();
    },
  };
}

/** The vox double, over its seed data. */
export const voxSandbox: SandboxDouble<VoxSeed> = {
  seed: voxSeed,
  create: ({ apiKey, seed }) => createVoxPlatform(apiKey, seed),
};
