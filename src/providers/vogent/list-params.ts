import { checkLimit, describeValue, InvalidRequestError, wireStatusesFor } from '../../provider.js';
import type { CampaignListParams, CampaignStatus, PhoneNumberListParams, PhoneNumberStatus, QueryValue } from '../../provider.js';
import { vogentCampaignStatuses } from './map-campaign.js';

/** `phoneNumbers.list` parameters on Vogent. */
export interface VogentPhoneNumberListParams extends PhoneNumberListParams {
  /** Items per page, 1 to 100 (Vogent's default is 100). */
  limit?: number | undefined;
  /**
   * Vogent reports no status for numbers: every number it lists is `active`. A status set that
   * includes `'active'` is honoured by asking for every number; one without it is refused.
   */
  status?: PhoneNumberStatus | readonly PhoneNumberStatus[] | undefined;
}

/** `campaigns.list` parameters on Vogent (its batch dial jobs). */
export interface VogentCampaignListParams extends CampaignListParams {
  /** Items per page, 1 to 100. */
  limit?: number | undefined;
  /**
   * One unified status (Vogent filters by one per request): `draft`, `running`, `paused`,
   * `completed` or `canceled`. `pending` and `failed` have no Vogent equivalent and are refused.
   */
  status?: CampaignStatus | readonly CampaignStatus[] | undefined;
  /** Only the jobs of this agent (sent as `callAgentId`). */
  agentId?: string | undefined;
}

export const vogentCampaignFilters = ['agentId'] as const;

/** Vogent documents a default of 100 numbers and no maximum; larger pages are not promised. */
export const vogentMaxLimit = 100;

const fail = (operation: string, message: string) =>
  new InvalidRequestError(`vogent: ${operation}: ${message}`, { provider: 'vogent' });

/** Turns checked neutral parameters into Vogent's number query; refuses a status Vogent cannot honour. */
export function vogentPhoneNumberQuery(params: VogentPhoneNumberListParams, cursor: string | null): Record<string, QueryValue> {
  checkLimit('vogent', 'phoneNumbers.list', params.limit, vogentMaxLimit);
  if (params.status !== undefined && ![params.status].flat().includes('active')) {
    throw fail(
      'phoneNumbers.list',
      `Vogent reports no status for numbers (every number it lists is active), so status ${describeValue(params.status)} ` +
        "cannot be honoured. Leave status out, or include 'active'.",
    );
  }
  // Every Vogent number is active, so a status set that includes 'active' matches them all: nothing to send.
  return { limit: params.limit, cursor };
}

/** Turns checked neutral + Vogent parameters into the batch dial job query. */
export function vogentCampaignQuery(params: VogentCampaignListParams, cursor: string | null): Record<string, QueryValue> {
  const operation = 'campaigns.list';
  checkLimit('vogent', operation, params.limit, vogentMaxLimit);
  let status: string | undefined;
  if (params.status !== undefined) {
    const statuses = [params.status].flat();
    if (statuses.length > 1) {
      throw fail(
        operation,
        `Vogent filters batch dial jobs by one status per request (got ${statuses.join(', ')}). ` +
          'Pass a single status, or list without one and check status.unified.',
      );
    }
    const unified = statuses[0]!;
    status = wireStatusesFor(unified, vogentCampaignStatuses)[0];
    if (status === undefined) {
      const offered = [...new Set(Object.values(vogentCampaignStatuses))].join(', ');
      throw fail(operation, `Vogent has no batch dial job status for "${unified}"; filter by one of ${offered}.`);
    }
  }
  if (params.agentId !== undefined && (typeof params.agentId !== 'string' || params.agentId.trim() === '')) {
    throw fail(operation, 'agentId must be a non-empty agent id.');
  }
  return { limit: params.limit, cursor, status, callAgentId: params.agentId };
}
