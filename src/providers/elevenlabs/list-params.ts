import { describeValue, refuser } from '../../provider.js';
import type { CampaignListParams, CampaignStatus, PhoneNumberListParams, PhoneNumberStatus, QueryValue } from '../../provider.js';
import { providerId } from './provider-id.js';

/** `phoneNumbers.list` parameters on ElevenLabs. */
export interface ElevenLabsPhoneNumberListParams extends PhoneNumberListParams {
  /** Items per page (`page_size`); ElevenLabs documents no range, so a refusal is its own 4xx. */
  limit?: number | undefined;
  /**
   * ElevenLabs reports no status for numbers: every number is `active`, so the SDK applies this
   * filter itself (a set without `'active'` lists nothing) and `totalCount` stays `null`.
   */
  status?: PhoneNumberStatus | readonly PhoneNumberStatus[] | undefined;
  /** Numbers whose id is this, or whose label or number contains it. */
  search?: string | undefined;
  /** Only numbers of this telephony provider (the number's `carrier`). */
  telephonyProvider?: 'twilio' | 'sip_trunk' | 'exotel' | undefined;
  /** Only numbers that can (or cannot) place outbound calls. */
  supportsOutbound?: boolean | undefined;
  /** Only numbers assigned to this agent. */
  agentId?: string | undefined;
  /** The order: by `label` or `phone_number`. */
  sortBy?: 'label' | 'phone_number' | undefined;
  /** The direction of `sortBy`. */
  sortDirection?: 'asc' | 'desc' | undefined;
}

/** `campaigns.list` parameters on ElevenLabs: its batch calls. */
export interface ElevenLabsCampaignListParams extends CampaignListParams {
  /** Items per page (`limit`, 100 by default on ElevenLabs). */
  limit?: number | undefined;
  /**
   * Only batches in these unified statuses. The workspace list has no status filter, so the SDK
   * applies it to each page: pages may come back short or empty.
   */
  status?: CampaignStatus | readonly CampaignStatus[] | undefined;
  /** Only the batches of this agent. */
  agentId?: string | undefined;
}

/** The number list parameters ElevenLabs takes beyond `limit`, `cursor` and `status`. */
export const phoneNumberFilters = ['search', 'telephonyProvider', 'supportsOutbound', 'agentId', 'sortBy', 'sortDirection'] as const;
/** The batch list parameters ElevenLabs takes beyond `limit`, `cursor` and `status`. */
export const campaignFilters = ['agentId'] as const;

const telephonyProviders = ['twilio', 'sip_trunk', 'exotel'];

function checkText(fail: (message: string) => Error, name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw fail(`${name} must be a non-empty text (got ${describeValue(value)}).`);
  return value;
}

function checkChoice(fail: (message: string) => Error, name: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw fail(`${name} must be one of ${allowed.map((choice) => `"${choice}"`).join(', ')} (got ${describeValue(value)}).`);
  }
  return value;
}

/** The query of one `GET /v1/convai/v2/phone-numbers` page; refuses a filter value before any request. */
export function phoneNumberQuery(params: ElevenLabsPhoneNumberListParams, cursor: string | null): Record<string, QueryValue> {
  const fail = refuser(providerId, 'phoneNumbers.list');
  if (params.supportsOutbound !== undefined && typeof params.supportsOutbound !== 'boolean') {
    throw fail(`supportsOutbound must be true or false (got ${describeValue(params.supportsOutbound)}).`);
  }
  return {
    page_size: params.limit,
    cursor,
    search: checkText(fail, 'search', params.search),
    provider: checkChoice(fail, 'telephonyProvider', params.telephonyProvider, telephonyProviders),
    supports_outbound: params.supportsOutbound,
    agent_id: checkText(fail, 'agentId', params.agentId),
    sort_by: checkChoice(fail, 'sortBy', params.sortBy, ['label', 'phone_number']),
    sort_direction: checkChoice(fail, 'sortDirection', params.sortDirection, ['asc', 'desc']),
  };
}

/** The query of `GET /v1/convai/phone-numbers` (the v1 fallback): the two filters it takes. */
export function phoneNumberFallbackQuery(params: ElevenLabsPhoneNumberListParams): Record<string, QueryValue> {
  return { provider: params.telephonyProvider, agent_id: params.agentId };
}

/** The query of one `GET /v1/convai/batch-calling/workspace` page. */
export function campaignQuery(params: ElevenLabsCampaignListParams, lastDoc: string | null): Record<string, QueryValue> {
  const fail = refuser(providerId, 'campaigns.list');
  return { limit: params.limit, last_doc: lastDoc, agent_id: checkText(fail, 'agentId', params.agentId) };
}
