import { decodeCursor, dispatch, encodeCursor, json, refuseApiKeyHeader, wholeNumber } from '../../provider.js';
import type { Route, SandboxDouble, SandboxPlatform as Platform } from '../../provider.js';
import { genericSeed, type GenericSeed } from './sandbox-seed.js';

/*
 * The generic X-API-Key platform as its reference page shows it: `X-API-Key` and
 * `X-Organization-Id` on every request, `{ success, data, pagination: { next_cursor, has_more,
 * page_size, total_count } }`, `status` = free | assigned, errors `{ success: false, error: { code,
 * message } }`. Not documented, chosen here as the adapter assumes: `cursor` and `limit` (1..100,
 * 50 by default) query parameters; `page_size` is the limit applied; a key used with another
 * organization is a 403.
 */

const statuses = ['free', 'assigned'];
const defaultLimit = 50;
const maxLimit = 100;

function createGenericPlatform(apiKey: string, organizationId: string, seed: () => GenericSeed): Platform {
  let data: GenericSeed = seed();

  const error: Platform['error'] = (status, code, message, headers) =>
    json(status, { success: false, error: { code: code.toUpperCase(), message } }, headers);

  function listNumbers(query: URLSearchParams): Response {
    const status = query.get('status');
    if (status !== null && !statuses.includes(status)) {
      return error(400, 'validation_error', `status must be free or assigned (got "${status}").`);
    }
    const limitText = query.get('limit');
    const limit = limitText === null ? defaultLimit : wholeNumber(limitText);
    if (limit === null || limit < 1 || limit > maxLimit) {
      return error(400, 'validation_error', `limit must be an integer from 1 to ${maxLimit}.`);
    }
    let offset = 0;
    const cursorText = query.get('cursor');
    if (cursorText !== null) {
      const cursor = cursorText.startsWith('cur_') ? decodeCursor(cursorText.slice(4)) : null;
      if (cursor === null || cursor.status !== (status ?? '') || typeof cursor.skip !== 'number' || cursor.skip < 0) {
        return error(400, 'invalid_cursor', 'cursor is not a next_cursor of this query; pass it back unchanged with the same status.');
      }
      offset = cursor.skip;
    }
    const matching = data.phoneNumbers.filter((item) => status === null || item.status === status);
    const hasMore = offset + limit < matching.length;
    return json(200, {
      success: true,
      data: matching.slice(offset, offset + limit),
      pagination: {
        next_cursor: hasMore ? `cur_${encodeCursor({ skip: offset + limit, status: status ?? '' })}` : null,
        has_more: hasMore,
        page_size: limit,
        total_count: matching.length,
      },
    });
  }

  const routes: Route[] = [{ pattern: '/api/phone-numbers', methods: { GET: (_request, _parameters, query) => listNumbers(query) } }];

  return {
    error,
    authenticate(request) {
      const refused = refuseApiKeyHeader(request, apiKey, error);
      if (refused !== null) return refused;
      const organization = request.headers.get('x-organization-id');
      if (organization === null || organization.trim() === '') {
        return error(401, 'unauthorized', 'Missing X-Organization-Id header.');
      }
      if (organization !== organizationId) {
        return error(403, 'forbidden', `This API key has no access to organization ${organization}.`);
      }
      return null;
    },
    handle: (request, path, query) => dispatch(routes, { error }, request, path, query),
    reset() {
      data = seed();
    },
  };
}

/** The generic platform's double: `X-API-Key` and `X-Organization-Id` checked, `{ success, data, pagination }` pages. */
export const genericSandbox: SandboxDouble<GenericSeed> = {
  seed: genericSeed,
  create: ({ apiKey, options, seed }) => createGenericPlatform(apiKey, options.organizationId!, seed),
};
