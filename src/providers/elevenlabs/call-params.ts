import { checkCallWindow, checkLimit, describeValue, isPlainObject, refuse, refuser } from '../../provider.js';
import type { CallListParams, CallStatus, QueryValue } from '../../provider.js';
import { providerId } from './provider-id.js';
import { conversationPageSize, conversationStatuses, unifiedStatusesOf } from './wire-assumptions.js';

const listFail = refuser(providerId, 'calls.list');

/** The neutral statuses asked for, as a list; `null` for every status. */
export function requestedStatuses(status: unknown): CallStatus[] | null {
  return status === undefined ? null : ([status].flat() as CallStatus[]);
}

/**
 * `exclude_statuses` for a neutral status filter: ElevenLabs filters by exclusion only, so every
 * known wire status that cannot map to a requested unified status is excluded. A new wire status
 * is never excluded; each page is still filtered by the mapped status.
 */
export function excludedStatuses(status: unknown): string[] | undefined {
  const wanted = requestedStatuses(status);
  if (wanted === null) return undefined;
  const excluded = conversationStatuses.filter((wire) => !unifiedStatusesOf(wire).some((unified) => wanted.includes(unified)));
  return excluded.length > 0 ? excluded : undefined;
}

/** The query of one `GET /v1/convai/conversations` page; bad filters are refused before any request. */
export function conversationQuery(params: CallListParams, cursor: string | null): Record<string, QueryValue> {
  checkLimit(providerId, 'calls.list', params.limit, conversationPageSize.max);
  checkCallWindow(providerId, params);
  const { startedAfter: after, startedBefore: before } = params;
  if (params.agentId !== undefined && (typeof params.agentId !== 'string' || params.agentId.trim() === '')) {
    throw listFail(`agentId must be a non-empty agent id (got ${describeValue(params.agentId)}).`);
  }
  return {
    page_size: params.limit,
    cursor,
    agent_id: params.agentId,
    // Whole seconds: the start bound rounded down and the end bound up, so no call in range is left out.
    call_start_after_unix: after ? Math.floor(after.getTime() / 1000) : undefined,
    call_start_before_unix: before ? Math.ceil(before.getTime() / 1000) : undefined,
    exclude_statuses: excludedStatuses(params.status),
  };
}

/** `calls.list({ campaignId })` reads the batch's recipients: the filters that cannot go with it are refused. */
export function checkCampaignCallFilters(params: CallListParams): void {
  const others = (['agentId', 'startedAfter', 'startedBefore', 'cursor'] as const).filter((name) => params[name] !== undefined);
  if (others.length > 0) {
    throw listFail(
      `campaignId lists the batch's calls from the batch itself, in one page; ${others.join(', ')} cannot be applied with it. ` +
        'Leave them out, or list without campaignId.',
    );
  }
}

/**
 * ElevenLabs keeps no per-call metadata: a `calls.create` input that gives `metadata` is refused
 * before the kit's checks (`checkCallInput`) and before any request.
 */
export function refuseCallMetadata(input: unknown): void {
  if (isPlainObject(input) && input.metadata !== undefined) {
    throw refuse(
      providerId,
      'calls.create',
      'ElevenLabs keeps no metadata on a call; pass your values as variables (dynamic variables) instead. Nothing was sent.',
    );
  }
}
