import { createRandom, isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route } from '../../provider.js';
import { endedCall, type VapiCallData, type VapiCallRecord } from './sandbox-calls.js';

/*
 * The Vapi double's call and assistant paths: `GET /call` and `GET /assistant` as bare arrays,
 * newest first, narrowed by the `createdAt*` ranges; `POST /call` placing a call that goes from
 * queued through ringing and in progress to its end over five seconds of the clock.
 */

/** What the call routes need of the double. */
export interface VapiCallRouteContext {
  /** The calls, contacts and assistants (built at first use). */
  data(): VapiCallData;
  /** Whether a number id belongs to the organization. */
  hasNumber(id: string): boolean;
  /** Whether a campaign id belongs to the organization. */
  hasCampaign(id: string): boolean;
  /** The 400 answer with these messages. */
  badRequest(...messages: string[]): Response;
  /** The 404 answer. */
  notFound(what: string): Response;
  /** The 400 answer for a path id that is not a uuid, else `null`. */
  checkedId(id: string): Response | null;
}

/** Seconds after creation at which a placed call rings, connects and ends. */
export const placedCallTimeline = { ringing: 1, inProgress: 2, ended: 5 } as const;

const ranges = ['createdAtGt', 'createdAtLt', 'createdAtGe', 'createdAtLe'] as const;

/** A placed call as it stands at `now`: its status follows the clock. */
export function asOf(record: VapiCallRecord, now: number): VapiCallRecord {
  const placedAt = record.placedAt;
  if (typeof placedAt !== 'number') return record;
  const { placedAt: _placed, ...wire } = record;
  const elapsed = (now - placedAt) / 1000;
  if (elapsed >= placedCallTimeline.ended) {
    const startedAt = new Date(placedAt + placedCallTimeline.inProgress * 1000).toISOString();
    const endedAt = new Date(placedAt + placedCallTimeline.ended * 1000).toISOString();
    const { artifact, analysis } = endedCall(createRandom(placedAt), { id: wire.id }, placedAt, 'customer-ended-call');
    return { ...wire, status: 'ended', endedReason: 'customer-ended-call', startedAt, endedAt, updatedAt: endedAt, cost: 0.006, artifact, analysis };
  }
  const status = elapsed >= placedCallTimeline.inProgress ? 'in-progress' : elapsed >= placedCallTimeline.ringing ? 'ringing' : 'queued';
  return { ...wire, status, ...(status === 'in-progress' ? { startedAt: new Date(placedAt + placedCallTimeline.inProgress * 1000).toISOString() } : {}) };
}

/** Newest first by plain text comparison (ISO texts of one format order as their instants). */
function descending(left: string, right: string): number {
  return left < right ? 1 : left > right ? -1 : 0;
}

/**
 * One bare-array answer: the `createdAt*` ranges applied, newest first (ties by id), `limit` at most.
 * `present` makes each listed item what the answer shows, applied to the page alone: a listing pages
 * through every call, and copying all of them for each page made it quadratic in copies.
 */
function listed<T extends { id: string; createdAt: string }>(
  items: readonly T[],
  query: URLSearchParams,
  context: VapiCallRouteContext,
  keep: (item: T) => boolean = () => true,
  present: (item: T) => unknown = (item) => item,
): Response {
  const limit = query.get('limit') === null ? 100 : wholeNumber(query.get('limit'));
  if (limit === null || limit < 0 || limit > 1000) return context.badRequest('limit must not be greater than 1000 and not less than 0');
  const bounds: Partial<Record<(typeof ranges)[number], number>> = {};
  for (const name of ranges) {
    const value = query.get(name);
    if (value === null) continue;
    const moment = Date.parse(value);
    if (Number.isNaN(moment)) return context.badRequest(`${name} must be a valid ISO 8601 date string`);
    bounds[name] = moment;
  }
  const chosen = items.filter((item) => {
    const at = Date.parse(item.createdAt);
    return (
      keep(item) &&
      (bounds.createdAtGt === undefined || at > bounds.createdAtGt) &&
      (bounds.createdAtLt === undefined || at < bounds.createdAtLt) &&
      (bounds.createdAtGe === undefined || at >= bounds.createdAtGe) &&
      (bounds.createdAtLe === undefined || at <= bounds.createdAtLe)
    );
  });
  chosen.sort((left, right) => descending(left.createdAt, right.createdAt) || -descending(left.id, right.id));
  return json(200, chosen.slice(0, limit).map(present));
}

/** The routes of calls, campaign contacts and assistants. */
export function vapiCallRoutes(context: VapiCallRouteContext): Route[] {
  const findCall = (id: string) => context.data().calls.find((call) => call.id === id);
  return [
    {
      pattern: '/call',
      methods: {
        GET: (_request, _parameters, query) => {
          const now = Date.now();
          const filters = { id: query.get('id'), assistantId: query.get('assistantId'), phoneNumberId: query.get('phoneNumberId') };
          // The filters read fields the clock does not change, so they apply to the stored records.
          return listed(
            context.data().calls,
            query,
            context,
            (call) => Object.entries(filters).every(([name, value]) => value === null || call[name] === value),
            (call) => asOf(call, now),
          );
        },
        POST: async (request) => {
          const body = await readJson(request);
          if (!isPlainObject(body)) return context.badRequest('The body must be a JSON object.');
          const allowed = ['assistantId', 'phoneNumberId', 'customer', 'assistantOverrides', 'name', 'schedulePlan'];
          const unknown = Object.keys(body).filter((name) => !allowed.includes(name));
          if (unknown.length > 0) return context.badRequest(...unknown.map((name) => `property ${name} should not exist`));
          if (typeof body.phoneNumberId !== 'string' || !context.hasNumber(body.phoneNumberId)) return context.badRequest("Couldn't Get Phone Number.");
          const customer = body.customer as { number?: unknown } | undefined;
          if (typeof customer?.number !== 'string' || !/^\+[1-9]\d{7,14}$/.test(customer.number)) return context.badRequest('customer.number must be a valid phone number in the E.164 format.');
          const now = Date.now();
          const record: VapiCallRecord = {
            id: crypto.randomUUID(),
            orgId: 'sandbox',
            type: 'outboundPhoneCall',
            status: 'queued',
            ...body,
            createdAt: new Date(now).toISOString(),
            updatedAt: new Date(now).toISOString(),
            placedAt: now,
          };
          context.data().calls.push(record);
          return json(201, asOf(record, now));
        },
      },
    },
    {
      pattern: '/call/{id}',
      methods: {
        GET: (_request, { id }) => {
          const refused = context.checkedId(id!);
          if (refused) return refused;
          const found = findCall(id!);
          return found ? json(200, asOf(found, Date.now())) : context.notFound('Call');
        },
      },
    },
    {
      pattern: '/v2/campaign/{id}/contacts',
      methods: {
        GET: (_request, { id }, query) => {
          const refused = context.checkedId(id!);
          if (refused) return refused;
          if (!context.hasCampaign(id!)) return context.notFound('Campaign');
          const page = query.get('page') === null ? 1 : wholeNumber(query.get('page'));
          const limit = query.get('limit') === null ? 50 : wholeNumber(query.get('limit'));
          if (page === null || page < 1 || limit === null || limit < 1 || limit > 1000) return context.badRequest('page must not be less than 1; limit must be from 1 to 1000');
          const statuses = query.getAll('status');
          const contacts = (context.data().contacts.get(id!) ?? []).filter((contact) => statuses.length === 0 || statuses.includes(contact.status));
          const totalPages = Math.ceil(contacts.length / limit);
          return json(200, {
            results: contacts.slice((page - 1) * limit, page * limit),
            metadata: { itemsPerPage: limit, totalItems: contacts.length, currentPage: page, totalPages, hasNextPage: page < totalPages },
          });
        },
      },
    },
    {
      pattern: '/assistant',
      methods: { GET: (_request, _parameters, query) => listed(context.data().assistants, query, context) },
    },
    {
      pattern: '/assistant/{id}',
      methods: {
        GET: (_request, { id }) => {
          const refused = context.checkedId(id!);
          if (refused) return refused;
          const found = context.data().assistants.find((assistant) => assistant.id === id);
          return found ? json(200, found) : context.notFound('Assistant');
        },
      },
    },
  ];
}
