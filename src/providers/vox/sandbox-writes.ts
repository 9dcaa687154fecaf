import { compareBy, decodeCursor, encodeCursor, isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route, SandboxPlatform as Platform } from '../../provider.js';
import type { VoxAgentReferenceWire, VoxCampaignWire, VoxSeed } from './sandbox-seed.js';

/*
 * The vox double's campaign list, campaign lifecycle and agent mapping, answering as the adapter's
 * write assumptions say (see wire-assumptions.ts): `{ items, total_count, next_cursor }` pages with
 * at most one `status`, a create answering 201 with the campaign (`draft` when scheduled later, else
 * `pending`), pause/resume/cancel answering the campaign or a 409 `INVALID_STATE`, and the agent
 * mapping PATCH answering the number. Each change is seen by later reads.
 */

const campaignStatuses = ['draft', 'pending', 'ongoing', 'paused', 'success', 'fail', 'canceled'];
/** Which states each action leaves from, and where it goes. */
const transitions = {
  pause: { from: ['pending', 'ongoing'], to: 'paused' },
  resume: { from: ['paused'], to: 'ongoing' },
  cancel: { from: ['draft', 'pending', 'ongoing', 'paused'], to: 'canceled' },
} as const;

interface Problem {
  field: string;
  message: string;
  allowed?: readonly string[];
}

const invalid = ({ field, message, allowed }: Problem) =>
  json(400, {
    error: {
      code: 'VALIDATION_ERROR',
      message,
      details: { field, reason: 'invalid_value', ...(allowed ? { allowed_values: allowed } : {}) },
    },
  });

function agentProblem(value: unknown, field: string, nullable: boolean): Problem | null {
  if (value === null && nullable) return null;
  if (!isPlainObject(value) || typeof value.agent_id !== 'string' || value.agent_id.trim() === '' || typeof value.agent_version !== 'string') {
    return { field, message: `${field} must be { agent_id, agent_version }${nullable ? ' or null' : ''}.` };
  }
  return null;
}

/** What is wrong with a create body, or `null`. */
function createProblem(body: Record<string, unknown>, numbers: readonly string[]): Problem | null {
  const { name, from_number: fromNumber, tasks, scheduled_at: scheduledAt, concurrency } = body;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 255) return { field: 'name', message: 'name must be 1 to 255 characters.' };
  const agent = agentProblem(body.agent, 'agent', false);
  if (agent) return agent;
  if (typeof fromNumber !== 'string' || !numbers.includes(fromNumber)) {
    return { field: 'from_number', message: 'from_number must be an active telephone number of this organization, in domestic digits.' };
  }
  if (!Array.isArray(tasks) || tasks.length === 0) return { field: 'tasks', message: 'tasks must hold at least one task.' };
  for (const [index, task] of tasks.entries()) {
    if (!isPlainObject(task) || typeof task.to_number !== 'string' || !/^0\d{8,10}$/.test(task.to_number)) {
      return { field: `tasks[${index}].to_number`, message: 'to_number must be a domestic number in digits without hyphens (01012345678).' };
    }
    const variables = task.dynamic_variables;
    if (variables !== undefined && (!isPlainObject(variables) || Object.values(variables).some((value) => typeof value !== 'string'))) {
      return { field: `tasks[${index}].dynamic_variables`, message: 'dynamic_variables must be an object of strings.' };
    }
  }
  if (scheduledAt !== undefined && (typeof scheduledAt !== 'number' || !Number.isSafeInteger(scheduledAt))) {
    return { field: 'scheduled_at', message: 'scheduled_at must be unix milliseconds.' };
  }
  if (concurrency !== undefined && (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1 || concurrency > 100)) {
    return { field: 'concurrency', message: 'concurrency must be an integer from 1 to 100.' };
  }
  return null;
}

/** The write routes of the vox double over its current data (`data()` changes on reset). */
export function voxWriteRoutes(data: () => VoxSeed, error: Platform['error']): Route[] {
  let created = 0;
  const findCampaign = (id: string) => data().campaigns.find((item) => item.id === id);
  const campaignNotFound = (id: string) => error(404, 'not_found', `Campaign ${id} was not found in this organization.`);

  function listCampaigns(query: URLSearchParams): Response {
    const limitText = query.get('limit');
    const limit = limitText === null ? 50 : wholeNumber(limitText);
    if (limit === null || limit < 1 || limit > 100) return invalid({ field: 'limit', message: `limit must be an integer from 1 to 100 (got ${limitText}).` });
    const statuses = query.getAll('status');
    // Declared as one string (assumed): a repeated status is refused here rather than half-read.
    if (statuses.length > 1) return invalid({ field: 'status', message: 'status takes one value.' });
    const status = statuses[0] ?? null;
    if (status !== null && !campaignStatuses.includes(status)) {
      return invalid({ field: 'status', message: `Unknown status "${status}".`, allowed: campaignStatuses });
    }
    let offset = 0;
    const cursorText = query.get('cursor');
    if (cursorText !== null) {
      const cursor = decodeCursor(cursorText);
      if (cursor === null || cursor.status !== (status ?? '') || typeof cursor.offset !== 'number' || cursor.offset < 0) {
        return invalid({ field: 'cursor', message: 'cursor is not a next_cursor of this query; pass it back verbatim with the same filters.' });
      }
      offset = cursor.offset;
    }
    const newestFirst = compareBy<VoxCampaignWire>((item) => -item.created_at, (item) => item.id);
    const matching = data().campaigns.filter((item) => status === null || item.status === status).sort(newestFirst);
    const next = offset + limit < matching.length ? encodeCursor({ offset: offset + limit, status: status ?? '' }) : null;
    return json(200, { items: matching.slice(offset, offset + limit), total_count: matching.length, next_cursor: next });
  }

  async function createCampaign(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!isPlainObject(body)) return invalid({ field: 'body', message: 'The body must be a JSON object.' });
    const active = data().phoneNumbers.filter((item) => item.status === 'active').map((item) => item.number);
    const problem = createProblem(body, active);
    if (problem) return invalid(problem);
    created += 1;
    const now = Date.now();
    const scheduledAt = (body.scheduled_at as number | undefined) ?? now;
    const tasks = body.tasks as unknown[];
    const campaign: VoxCampaignWire = {
      id: `cmp-new-${created.toString().padStart(6, '0')}`,
      name: body.name as string,
      status: scheduledAt > now ? 'draft' : 'pending',
      agent: body.agent as VoxAgentReferenceWire,
      from_number: body.from_number as string,
      total_calls: tasks.length,
      completed_calls: 0,
      failed_calls: 0,
      concurrency: (body.concurrency as number | undefined) ?? 1,
      active_concurrency: 0,
      created_at: now,
      presentation_number: null,
      scheduled_at: scheduledAt,
      finished_at: null,
      paused_at: null,
      paused_by: null,
      call_time_window: null,
    };
    data().campaigns.push(campaign);
    return json(201, campaign);
  }

  const lifecycle = (action: keyof typeof transitions) => (_request: Request, { id }: Record<string, string>) => {
    const campaign = findCampaign(id!);
    if (!campaign) return campaignNotFound(id!);
    const { from, to } = transitions[action];
    if (!(from as readonly string[]).includes(campaign.status)) {
      return error(409, 'INVALID_STATE', `Cannot ${action} a campaign that is ${campaign.status}; allowed from ${from.join(', ')}.`);
    }
    campaign.status = to;
    campaign.paused_at = to === 'paused' ? Date.now() : null;
    campaign.paused_by = to === 'paused' ? 'user' : null;
    if (to === 'canceled') {
      campaign.finished_at = Date.now();
      campaign.active_concurrency = 0;
    }
    return json(200, campaign);
  };

  async function mapAgent(request: Request, { id }: Record<string, string>): Promise<Response> {
    const number = data().phoneNumbers.find((item) => item.id === id);
    if (!number) return error(404, 'not_found', `Telephone number ${id} was not found in this organization.`);
    const body = await readJson(request);
    if (!isPlainObject(body) || Object.keys(body).length === 0) {
      return invalid({ field: 'body', message: 'Give inbound_agent, outbound_agent or both; an empty body changes nothing.' });
    }
    const unknown = Object.keys(body).find((name) => name !== 'inbound_agent' && name !== 'outbound_agent');
    if (unknown !== undefined) return invalid({ field: unknown, message: `Unknown field "${unknown}".`, allowed: ['inbound_agent', 'outbound_agent'] });
    for (const field of ['inbound_agent', 'outbound_agent'] as const) {
      if (body[field] === undefined) continue;
      const problem = agentProblem(body[field], field, true);
      if (problem) return invalid(problem);
      number[field] = body[field] as VoxAgentReferenceWire | null;
    }
    number.updated_at = Date.now();
    return json(200, number);
  }

  return [
    { pattern: '/v3/campaigns', methods: { GET: (_request, _parameters, query) => listCampaigns(query), POST: createCampaign } },
    { pattern: '/v3/campaigns/{id}/pause', methods: { POST: lifecycle('pause') } },
    { pattern: '/v3/campaigns/{id}/resume', methods: { POST: lifecycle('resume') } },
    { pattern: '/v3/campaigns/{id}/cancel', methods: { POST: lifecycle('cancel') } },
    { pattern: '/v3/organization-telephone-numbers/{id}/agent', methods: { PATCH: mapAgent } },
  ];
}
