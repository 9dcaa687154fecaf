import { createRandom, isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route } from '../../provider.js';
import { endedRetellCall, type RetellCallData, type RetellCallRecord } from './sandbox-calls.js';

/*
 * The Retell double's call and agent paths: the reads sent as POST (`/v3/list-calls` with its
 * `filter_criteria`, `/v2/list-agents`), `GET /v2/get-call/{id}`, agents and their LLMs, and
 * `POST /v2/create-phone-call`, whose call goes registered -> ongoing -> ended over five seconds.
 * Chosen here: list pagination keys are the last id of the page; the list omits transcripts.
 */

/** What the call routes need of the double. */
export interface RetellCallRouteContext {
  /** The calls, agents and LLMs (built at first use). */
  data(): RetellCallData;
  /** Whether a number is one of the workspace's. */
  hasNumber(number: string): boolean;
  /** The 400 answer. */
  badRequest(message: string): Response;
  /** Retell's 422 "Cannot find requested asset under given api key.". */
  notFound(): Response;
}

/** Seconds after creation at which a placed call is ongoing, then ended. */
export const placedCallTimeline = { ongoing: 2, ended: 5 } as const;

const listOmits = ['transcript', 'transcript_object', 'transcript_with_tool_calls'];

/** A placed call as it stands at `now`. */
function asOf(record: RetellCallRecord, now: number): RetellCallRecord {
  const placedAt = record.placedAt;
  if (typeof placedAt !== 'number') return record;
  const { placedAt: _placed, ...wire } = record;
  const elapsed = (now - placedAt) / 1000;
  const startedAt = placedAt + placedCallTimeline.ongoing * 1000;
  if (elapsed >= placedCallTimeline.ended) {
    const ended = endedRetellCall(createRandom(placedAt), wire, startedAt, 'user_hangup');
    const duration = (placedCallTimeline.ended - placedCallTimeline.ongoing) * 1000;
    return { ...ended, end_timestamp: startedAt + duration, duration_ms: duration };
  }
  return elapsed >= placedCallTimeline.ongoing ? { ...wire, call_status: 'ongoing', start_timestamp: startedAt } : wire;
}

/** Whether a call passes one `filter_criteria` (the filters the adapter sends). */
function matches(call: RetellCallRecord, criteria: Record<string, unknown>): boolean {
  const agents = criteria.agent as { agent_id: string }[] | undefined;
  if (agents && !agents.some((agent) => agent.agent_id === call.agent_id)) return false;
  const batch = criteria.batch_call_id as { value?: string } | undefined;
  if (batch && call.batch_call_id !== batch.value) return false;
  const status = criteria.call_status as { value?: string[] } | undefined;
  if (status && !(status.value ?? []).includes(call.call_status)) return false;
  const start = criteria.start_timestamp as { op: string; value: number | [number, number] } | undefined;
  if (start) {
    const at = call.start_timestamp;
    if (typeof at !== 'number') return false;
    const { op, value } = start;
    if (op === 'bt' && Array.isArray(value) && (at < value[0] || at > value[1])) return false;
    if (op === 'ge' && at < (value as number)) return false;
    if (op === 'lt' && at >= (value as number)) return false;
  }
  return true;
}

/** One page of a list: newest first (by start, else last), `limit` at most, continued after the id in `pagination_key`. */
function pageOf<T>(items: T[], idOf: (item: T) => string, limit: number, key: string | null): { items: T[]; has_more: boolean; pagination_key?: string } {
  const from = key === null ? 0 : items.findIndex((item) => idOf(item) === key) + 1;
  const chosen = items.slice(from, from + limit);
  const hasMore = from + limit < items.length;
  return { items: chosen, has_more: hasMore, ...(hasMore ? { pagination_key: idOf(chosen.at(-1)!) } : {}) };
}

/** The routes of calls and agents. */
export function retellCallRoutes(context: RetellCallRouteContext): Route[] {
  const limitOf = (value: unknown) => (value === undefined || value === null ? 50 : typeof value === 'number' ? value : wholeNumber(String(value)));
  return [
    {
      pattern: '/v3/list-calls',
      methods: {
        POST: async (request) => {
          const body = (await readJson(request)) ?? {};
          if (!isPlainObject(body)) return context.badRequest('Invalid request format, please check API reference.');
          const limit = limitOf(body.limit);
          if (limit === null || limit < 1 || limit > 1000) return context.badRequest('limit must be an integer from 1 to 1000.');
          const criteria = isPlainObject(body.filter_criteria) ? body.filter_criteria : {};
          const now = Date.now();
          const calls = context
            .data()
            .calls.map((call) => asOf(call, now))
            .filter((call) => matches(call, criteria))
            .sort((left, right) => (right.start_timestamp ?? Infinity) - (left.start_timestamp ?? Infinity) || (left.call_id < right.call_id ? -1 : 1));
          const page = pageOf(calls, (call) => call.call_id, limit, typeof body.pagination_key === 'string' ? body.pagination_key : null);
          const items = page.items.map((call) => Object.fromEntries(Object.entries(call).filter(([name]) => !listOmits.includes(name))));
          return json(200, { ...page, items });
        },
      },
    },
    {
      pattern: '/v2/get-call/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = context.data().calls.find((call) => call.call_id === id);
          return found ? json(200, asOf(found, Date.now())) : context.notFound();
        },
      },
    },
    {
      pattern: '/v2/create-phone-call',
      methods: {
        POST: async (request) => {
          const body = await readJson(request);
          if (!isPlainObject(body)) return context.badRequest('Invalid request format, please check API reference.');
          const e164 = /^\+[1-9]\d{1,14}$/;
          if (typeof body.from_number !== 'string' || !e164.test(body.from_number)) return context.badRequest('from_number must be a number in E.164 format.');
          if (typeof body.to_number !== 'string' || !e164.test(body.to_number)) return context.badRequest('to_number must be a number in E.164 format.');
          if (!context.hasNumber(body.from_number)) return context.notFound();
          const now = Date.now();
          const record: RetellCallRecord = {
            call_id: `call_${crypto.randomUUID().replace(/-/g, '')}`,
            call_type: 'phone_call',
            agent_id: typeof body.override_agent_id === 'string' ? body.override_agent_id : context.data().agents[0]!.agent_id,
            direction: 'outbound',
            from_number: body.from_number,
            to_number: body.to_number,
            call_status: 'registered',
            ...(isPlainObject(body.retell_llm_dynamic_variables) ? { retell_llm_dynamic_variables: body.retell_llm_dynamic_variables } : {}),
            ...(isPlainObject(body.metadata) ? { metadata: body.metadata } : {}),
            placedAt: now,
          };
          context.data().calls.push(record);
          return json(201, asOf(record, now));
        },
      },
    },
    {
      pattern: '/v2/list-agents',
      methods: {
        POST: (_request, _parameters, query) => {
          const limit = limitOf(query.get('limit'));
          if (limit === null || limit < 1 || limit > 1000) return context.badRequest('limit must be an integer from 1 to 1000.');
          const agents = [...context.data().agents].sort((left, right) => right.last_modification_timestamp - left.last_modification_timestamp);
          const page = pageOf(agents, (agent) => agent.agent_id, limit, query.get('pagination_key'));
          const items = page.items.map((agent) => ({
            agent_id: agent.agent_id,
            agent_name: agent.agent_name,
            channel: 'voice',
            user_modified_timestamp: agent.last_modification_timestamp,
          }));
          return json(200, { ...page, items });
        },
      },
    },
    {
      pattern: '/get-agent/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = context.data().agents.find((agent) => agent.agent_id === id);
          return found ? json(200, found) : context.notFound();
        },
      },
    },
    {
      pattern: '/get-retell-llm/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = context.data().llms.get(id!);
          return found ? json(200, found) : context.notFound();
        },
      },
    },
  ];
}
