import type { MappedStatus, PhoneNumberStatus } from '../../provider.js';

/*
 * What this adapter assumes about Retell's wire where its API reference is silent. Every other file
 * of the adapter reads these values and rules, so when Retell turns out different, this file is the
 * one to correct. The numbers match the assumptions listed in docs/providers/retell.md.
 */

/** Documented: `limit` defaults to 50 and takes at most 1000. */
export const listLimit = { default: 50, max: 1000 } as const;

/**
 * Assumption 1: `pagination_key` is opaque and sent back verbatim; a page is the last one when
 * `has_more` is false, or when it comes without a `pagination_key` to continue from.
 */
export function nextPaginationKey(page: { has_more: boolean; pagination_key?: string | null | undefined }): string | null {
  return page.has_more && typeof page.pagination_key === 'string' && page.pagination_key !== '' ? page.pagination_key : null;
}

/** One entry of a weighted agent list, as far as the mapping reads it. */
export interface WeightedAgent {
  agent_id: string;
  weight?: number | null | undefined;
}

/**
 * Assumptions 3 and 4: the agent of a weighted list is the one with the highest weight, the first
 * listed on a tie; an empty list means no agent; an absent or null list falls back to the
 * deprecated single-agent field an older answer may still carry.
 */
export function leadingAgent(list: readonly WeightedAgent[] | null | undefined, deprecatedAgentId: string | null | undefined): string | null {
  if (list === null || list === undefined) return deprecatedAgentId ?? null;
  let leader: WeightedAgent | undefined;
  for (const entry of list) {
    // A strict comparison keeps the first of equal weights; a missing weight counts as none.
    if (leader === undefined || (entry.weight ?? 0) > (leader.weight ?? 0)) leader = entry;
  }
  return leader?.agent_id ?? null;
}

/**
 * Assumptions 5 and 6: routing a number to one agent replaces the weighted list with that agent at
 * weight 1 and no `agent_version` (Retell's default version); `null` unbinds every inbound agent.
 */
export function inboundAgentsFor(agentId: string | null): { agent_id: string; weight: number }[] | null {
  return agentId === null ? null : [{ agent_id: agentId, weight: 1 }];
}

/** Assumption 7: Retell reports no number status; every number it lists is in service. */
export const numberStatus: MappedStatus<PhoneNumberStatus> = { unified: 'active', raw: null };

/**
 * Assumption 8: a 422 whose message says Retell "cannot find requested asset" means the addressed
 * object does not exist (Retell declares no 404 on its number paths).
 */
export function isAssetNotFound(status: number, body: unknown): boolean {
  if (status !== 422 || typeof body !== 'object' || body === null) return false;
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' && /cannot find requested asset/i.test(message);
}

/**
 * Assumption 9: Retell reports no batch call status. A batch whose `scheduled_timestamp` lies after
 * the answer's arrival waits for its start (`scheduled`); otherwise it is sending (`pending`).
 */
export function batchCallStatus(scheduledTimestamp: number | null | undefined, arrivedAt: number): MappedStatus<'scheduled' | 'pending'> {
  const scheduled = typeof scheduledTimestamp === 'number' && scheduledTimestamp > arrivedAt;
  return { unified: scheduled ? 'scheduled' : 'pending', raw: null };
}
