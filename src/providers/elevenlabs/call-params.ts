import { describeValue, isPlainObject, refuser } from '../../provider.js';
import type { CallListParams, CallStatus, CreateCallInput, E164Formatter, QueryValue } from '../../provider.js';
import { providerId } from './provider-id.js';
import { conversationPageSize, conversationStatuses, unifiedStatusesOf } from './wire-assumptions.js';

const listFail = refuser(providerId, 'calls.list');

function checkDate(name: string, value: unknown): Date | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw listFail(`${name} must be a valid Date (got ${describeValue(value)}).`);
  return value;
}

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
  if (params.limit !== undefined && params.limit > conversationPageSize.max) {
    throw listFail(`limit must be from 1 to ${conversationPageSize.max} (got ${params.limit}).`);
  }
  const after = checkDate('startedAfter', params.startedAfter);
  const before = checkDate('startedBefore', params.startedBefore);
  if (after && before && after.getTime() > before.getTime()) {
    throw listFail(`startedAfter (${after.toISOString()}) is later than startedBefore (${before.toISOString()}); no call can match.`);
  }
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

/** A `calls.create` input after its checks. */
export interface CheckedCallInput {
  agentId: string;
  fromNumberId: string;
  /** The number to call, in E.164. */
  to: string;
  variables: Record<string, string>;
}

const createFields = ['agentId', 'fromNumberId', 'to', 'variables', 'metadata'];

/** Checks a `calls.create` input before any request; ElevenLabs keeps no per-call metadata, so `metadata` is refused. */
export function checkCallInput(input: unknown, toE164: E164Formatter, defaultCountry: string | null): CheckedCallInput {
  const fail = refuser(providerId, 'calls.create');
  if (!isPlainObject(input)) throw fail('input must be an object such as { agentId, fromNumberId, to }.');
  const unknown = Object.keys(input).filter((name) => !createFields.includes(name) && input[name] !== undefined);
  if (unknown.length > 0) throw fail(`does not take ${unknown.map((name) => `"${name}"`).join(', ')}; it takes agentId, fromNumberId, to, variables.`);
  const { agentId, fromNumberId, to, variables, metadata } = input as Partial<CreateCallInput>;
  if (metadata !== undefined) {
    throw fail('ElevenLabs keeps no metadata on a call; pass your values as variables (dynamic variables) instead. Nothing was sent.');
  }
  const text = (value: unknown, field: string): string => {
    if (typeof value !== 'string' || value.trim() === '') throw fail(`${field} must be a non-empty string (got ${describeValue(value)}).`);
    return value;
  };
  const checked: CheckedCallInput = { agentId: text(agentId, 'agentId'), fromNumberId: text(fromNumberId, 'fromNumberId'), to: '', variables: {} };
  const given = text(to, 'to').trim();
  const e164 = given.startsWith('+') || defaultCountry ? toE164(given) : null;
  if (e164 === null) {
    throw fail(
      `to ${describeValue(to)} cannot be read as a phone number` +
        (defaultCountry ? ` (national numbers are read as ${defaultCountry}'s).` : '; give it in E.164 (+14155550100), or set defaultCountry.'),
    );
  }
  checked.to = e164;
  if (variables !== undefined) {
    if (!isPlainObject(variables)) throw fail('variables must be an object of texts.');
    for (const [key, value] of Object.entries(variables)) {
      if (typeof value !== 'string') throw fail(`variables.${key} must be a text (got ${describeValue(value)}).`);
      checked.variables[key] = value;
    }
  }
  return checked;
}
