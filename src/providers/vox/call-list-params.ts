import { checkCallWindow, checkLimit, endedCallStatus, refuser, wireStatusesFor } from '../../provider.js';
import type { CallListParams, CallStatus, QueryValue } from '../../provider.js';
import { callListMaxLimit, startTimeParameter, voxCallStatuses, voxEndReasons } from './wire-assumptions.js';

/** `calls.list` parameters on vox. `campaignId` is refused: vox's calls list has no campaign filter. */
export interface VoxCallListParams extends CallListParams {
  /** Items per page, 1 to 100 (vox's default is 50). */
  limit?: number | undefined;
}

/**
 * The vox statuses to ask for a unified one. `completed`, `not_connected` and `failed` also come out
 * of `ended` calls by their end reason, so `ended` is asked too and each page is filtered after
 * mapping (the listing's `totalCount` is then `null`).
 */
function voxStatusesFor(status: CallStatus): string[] {
  const wire = wireStatusesFor(status, voxCallStatuses);
  const fromEnded = Object.values(voxEndReasons).some((reason) => endedCallStatus(reason) === status);
  return fromEnded && !wire.includes('ended') ? [...wire, 'ended'] : wire;
}

/** Checks a calls listing before any request: vox's limit, no campaign filter, statuses vox has, an ordered time window. */
export function checkVoxCallListParams(params: VoxCallListParams): void {
  const fail = refuser('vox', 'calls.list');
  checkLimit('vox', 'calls.list', params.limit, callListMaxLimit);
  if (params.campaignId !== undefined) {
    throw fail(
      "vox's calls list has no campaign filter and a call does not name its campaign, so campaignId cannot be applied. " +
        'Leave it out (filter by agentId and a start-time window instead). Nothing was sent.',
    );
  }
  const unasked = [params.status ?? []].flat().filter((status) => voxStatusesFor(status).length === 0);
  if (unasked.length > 0) {
    throw fail(`vox has no call status for ${unasked.map((status) => `"${status}"`).join(', ')}, so it cannot be asked for; leave it out.`);
  }
  checkCallWindow('vox', params);
}

/** The query of one page: every filter vox applies itself; several statuses repeat `status`. */
export function voxCallQuery(params: VoxCallListParams, cursor: string | null): Record<string, QueryValue> {
  const statuses = [...new Set([params.status ?? []].flat().flatMap(voxStatusesFor))];
  return {
    limit: params.limit,
    cursor,
    agent_id: params.agentId,
    status: statuses.length > 0 ? statuses : undefined,
    [startTimeParameter.after]: params.startedAfter?.getTime(),
    [startTimeParameter.before]: params.startedBefore?.getTime(),
  };
}
