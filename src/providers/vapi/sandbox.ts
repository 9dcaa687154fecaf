import { bearerToken, dispatch, isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route, SandboxDouble, SandboxPlatform as Platform } from '../../provider.js';
import { createCampaign, campaignAnswer, campaignProblem, numberProblem } from './sandbox-rules.js';
import { vapiCallRoutes } from './sandbox-call-routes.js';
import { vapiCampaignRuns } from './sandbox-campaign-runs.js';
import { vapiCallData, type VapiCallData } from './sandbox-calls.js';
import { vapiSeed, type VapiCampaignRecord, type VapiSeed } from './sandbox-seed.js';

/*
 * Vapi as its OpenAPI document describes it: Bearer auth, `{ results, metadata }` pages by `page`
 * and `limit` (0..1000, 100 by default), newest first unless `sortOrder=ASC`, uuids in paths, PATCH
 * and DELETE answering the number, campaigns created at once or at `schedulePlan.earliestAt` and
 * stopped by PATCH `{ status: "cancelled" }`. Errors use NestJS's default body
 * `{ message, error, statusCode }` (assumed: the document declares none); unknown body properties
 * are refused as NestJS's whitelist does.
 */

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const campaignStatuses = ['scheduled', 'in-progress', 'ended', 'cancelled', 'archived'];
const reasons: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed' };

function createVapiPlatform(apiKey: string, seed: () => VapiSeed): Platform {
  let data: VapiSeed = seed();
  // Calls and assistants are built at the first call or assistant request, from the seed as it was.
  let callData: VapiCallData | null = null;
  const callsAndContacts = () => (callData ??= vapiCallData(data));
  const runs = vapiCampaignRuns({ data: callsAndContacts, campaigns: () => data.campaigns });

  const error: Platform['error'] = (status, _code, message, headers) =>
    json(status, { message, error: reasons[status] ?? 'Error', statusCode: status }, headers);
  const badRequest = (...messages: string[]) => json(400, { message: messages, error: 'Bad Request', statusCode: 400 });

  /** One `{ results, metadata }` page; the query is checked as the document declares it. */
  function page<T extends { createdAt: string }>(items: readonly T[], query: URLSearchParams, shape: (item: T) => unknown = (item) => item): Response {
    const problems: string[] = [];
    const pageNumber = query.get('page') === null ? 1 : wholeNumber(query.get('page'));
    if (pageNumber === null || pageNumber < 1) problems.push('page must not be less than 1');
    const limit = query.get('limit') === null ? 100 : wholeNumber(query.get('limit'));
    if (limit === null || limit < 0 || limit > 1000) problems.push('limit must not be greater than 1000 and not less than 0');
    const sortOrder = query.get('sortOrder') ?? 'DESC';
    if (sortOrder !== 'ASC' && sortOrder !== 'DESC') problems.push('sortOrder must be one of the following values: ASC, DESC');
    if (problems.length > 0) return badRequest(...problems);
    const ordered = [...items].sort((left, right) => left.createdAt.localeCompare(right.createdAt));
    if (sortOrder === 'DESC') ordered.reverse();
    const start = (pageNumber! - 1) * limit!;
    const totalPages = limit === 0 ? 0 : Math.ceil(ordered.length / limit!);
    return json(200, {
      results: ordered.slice(start, start + limit!).map(shape),
      metadata: { itemsPerPage: limit, totalItems: ordered.length, currentPage: pageNumber, totalPages, sortOrder },
    });
  }

  /** The path id, or the 400 Vapi's uuid pipe answers. */
  function checkedId(id: string): Response | null {
    return uuid.test(id) ? null : badRequest('Validation failed (uuid is expected)');
  }

  const findNumber = (id: string) => data.phoneNumbers.find((number) => number.id === id);
  const findCampaign = (id: string) => data.campaigns.find((campaign) => campaign.id === id);
  const numberNotFound = () => error(404, 'not_found', 'Phone Number Not Found');
  const campaignNotFound = () => error(404, 'not_found', 'Campaign Not Found');
  /** Without `includeCounters=true` the platform leaves the counters out (they cost it extra queries). */
  const summary = (query: URLSearchParams) => (campaign: VapiCampaignRecord) => {
    if (query.get('includeCounters') === 'true') return campaign;
    const { contactCounters: _counters, callMetrics: _metrics, ...rest } = campaign;
    return rest;
  };

  function withNumber(id: string, act: (found: NonNullable<ReturnType<typeof findNumber>>) => Response | Promise<Response>) {
    const refused = checkedId(id);
    if (refused) return refused;
    const found = findNumber(id);
    return found ? act(found) : numberNotFound();
  }

  function withCampaign(id: string, act: (found: VapiCampaignRecord) => Response | Promise<Response>) {
    const refused = checkedId(id);
    if (refused) return refused;
    const found = findCampaign(id);
    return found ? act(found) : campaignNotFound();
  }

  const routes: Route[] = [
    ...vapiCallRoutes({
      data: callsAndContacts,
      hasNumber: (id) => findNumber(id) !== undefined,
      hasCampaign: (id) => findCampaign(id) !== undefined,
      badRequest,
      notFound: (what) => error(404, 'not_found', `${what} Not Found`),
      checkedId,
    }),
    {
      pattern: '/v2/phone-number',
      methods: {
        GET: (_request, _parameters, query) => {
          const search = query.get('search')?.toLowerCase();
          const numbers = search
            ? data.phoneNumbers.filter((number) =>
                [number.name, number.number, number.sipUri].some((field) => typeof field === 'string' && field.toLowerCase().includes(search)),
              )
            : data.phoneNumbers;
          return page(numbers, query);
        },
      },
    },
    {
      pattern: '/phone-number/{id}',
      methods: {
        GET: (_request, { id }) => withNumber(id!, (found) => json(200, found)),
        PATCH: (request, { id }) =>
          withNumber(id!, async (found) => {
            const body = await readJson(request);
            const problems = numberProblem(body, found.provider);
            if (problems.length > 0) return badRequest(...problems);
            for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
              if (value === null) delete found[name];
              else found[name] = value;
            }
            found.updatedAt = new Date().toISOString();
            return json(200, found);
          }),
        DELETE: (_request, { id }) =>
          withNumber(id!, (found) => {
            data.phoneNumbers = data.phoneNumbers.filter((number) => number !== found);
            return json(200, found);
          }),
      },
    },
    {
      pattern: '/v2/campaign',
      methods: {
        GET: (_request, _parameters, query) => {
          const status = query.get('status');
          if (status !== null && !campaignStatuses.includes(status)) {
            return badRequest(`status must be one of the following values: ${campaignStatuses.join(', ')}`);
          }
          return page(data.campaigns.filter((campaign) => status === null || campaign.status === status), query, summary(query));
        },
        POST: async (request) => {
          const body = await readJson(request);
          const problems = campaignProblem(body, (id) => findNumber(id) !== undefined);
          if (problems.length > 0) return badRequest(...problems);
          const { record, answer } = createCampaign(body as Record<string, unknown>, data.orgId);
          // The calls and contacts are built before the campaign joins (they derive from the campaigns as seeded).
          callsAndContacts();
          data.campaigns.push(record);
          runs.created(record, (body as { customers: Record<string, unknown>[] }).customers);
          return json(201, answer);
        },
      },
    },
    {
      pattern: '/v2/campaign/{id}',
      methods: {
        GET: (_request, { id }, query) => withCampaign(id!, (found) => json(200, summary(query)(found))),
        PATCH: (request, { id }) =>
          withCampaign(id!, async (found) => {
            const body = await readJson(request);
            if (!isPlainObject(body)) return badRequest('The body must be a JSON object.');
            const unknown = Object.keys(body).filter((name) => !['name', 'status'].includes(name));
            if (unknown.length > 0) return badRequest(...unknown.map((name) => `property ${name} should not exist`));
            if (body.status !== undefined) {
              if (body.status !== 'cancelled' && body.status !== 'ended') return badRequest('status must be one of the following values: ended, cancelled');
              if (found.status !== 'scheduled' && found.status !== 'in-progress') return badRequest(`Campaign is already ${found.status}.`);
              found.endedReason = `campaign.${found.status}.ended-by-user`;
              found.status = 'cancelled';
              runs.cancelled(found);
            }
            if (typeof body.name === 'string') found.name = body.name;
            found.updatedAt = new Date().toISOString();
            return json(200, campaignAnswer(found));
          }),
      },
    },
  ];

  return {
    error,
    authenticate(request) {
      const token = bearerToken(request);
      if (token === null || token !== apiKey) {
        return error(401, 'unauthorized', 'Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.');
      }
      return null;
    },
    handle: (request, path, query) => {
      runs.run();
      return dispatch(routes, { error }, request, path, query);
    },
    reset() {
      data = seed();
      callData = null;
      runs.reset();
    },
  };
}

/** The Vapi double, over its seed data. */
export const vapiSandbox: SandboxDouble<VapiSeed> = {
  seed: vapiSeed,
  create: ({ apiKey, seed }) => createVapiPlatform(apiKey, seed),
};
