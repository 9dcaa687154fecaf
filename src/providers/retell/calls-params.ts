import type { CallListParams, CallStatus, CheckedCallInput } from '../../provider.js';

/** `calls.list` parameters on Retell. */
export interface RetellCallListParams extends CallListParams {
  /** Items per page, 1 to 1000 (Retell's default is 50). */
  limit?: number | undefined;
  /**
   * Only calls in these unified statuses. Sent to Retell as the `call_status` values that can map to
   * them, then checked on each page (an `ended` call may be completed, not connected, canceled or
   * failed by its end reason); `queued` (Retell's `registered`, which it cannot filter) is checked on
   * each page only.
   */
  status?: CallStatus | readonly CallStatus[] | undefined;
}

/** The `call_status` values each unified status can come from (see the mapping). */
const wireStatusesOf: Readonly<Partial<Record<CallStatus, readonly string[]>>> = {
  in_progress: ['ongoing'],
  completed: ['ended'],
  not_connected: ['not_connected', 'ended'],
  canceled: ['ended'],
  failed: ['error', 'ended'],
  scheduled: [],
  ringing: [],
};

/** The `call_status` filter for the unified statuses asked for; `null` where Retell cannot apply it (`queued`, `unknown`). */
function callStatusFilter(status: CallListParams['status']): Record<string, unknown> | null {
  if (status === undefined) return null;
  const wanted = [status].flat() as CallStatus[];
  const values = new Set<string>();
  for (const unified of wanted) {
    const wire = wireStatusesOf[unified];
    if (wire === undefined) return null;
    for (const value of wire) values.add(value);
  }
  return values.size === 0 ? null : { type: 'enum', op: 'in', value: [...values].sort() };
}

/** The start-time filter, in unix milliseconds: `startedAfter` inclusive, `startedBefore` exclusive. */
function startFilter(params: CallListParams): Record<string, unknown> | null {
  const after = params.startedAfter?.getTime();
  const before = params.startedBefore?.getTime();
  // Judgement: Retell's `bt` range includes both ends, so the exclusive end is sent one millisecond earlier.
  if (after !== undefined && before !== undefined) return { type: 'range', op: 'bt', value: [after, before - 1] };
  if (after !== undefined) return { type: 'number', op: 'ge', value: after };
  if (before !== undefined) return { type: 'number', op: 'lt', value: before };
  return null;
}

/** The body of one `POST /v3/list-calls` page: the filters Retell applies, the page size and where to continue. */
export function retellCallListBody(params: RetellCallListParams, paginationKey: string | null): Record<string, unknown> {
  const criteria: Record<string, unknown> = {};
  if (params.agentId !== undefined) criteria.agent = [{ agent_id: params.agentId }];
  if (params.campaignId !== undefined) criteria.batch_call_id = { type: 'string', op: 'eq', value: params.campaignId };
  const status = callStatusFilter(params.status);
  if (status) criteria.call_status = status;
  const start = startFilter(params);
  if (start) criteria.start_timestamp = start;
  return {
    ...(Object.keys(criteria).length > 0 ? { filter_criteria: criteria } : {}),
    ...(params.limit !== undefined ? { limit: params.limit } : {}),
    ...(paginationKey !== null ? { pagination_key: paginationKey } : {}),
  };
}

/** The body of `POST /v2/create-phone-call`: the agent named for this call only, without rebinding the number. */
export function retellCreateCallBody(input: CheckedCallInput): Record<string, unknown> {
  return {
    from_number: input.fromNumberId,
    to_number: input.toE164,
    override_agent_id: input.agentId,
    ...(input.variables ? { retell_llm_dynamic_variables: input.variables } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
  };
}
