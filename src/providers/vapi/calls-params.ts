import type { CallListParams, CallStatus, CheckedCallInput, QueryValue } from '../../provider.js';
import { keysetBound } from './wire-assumptions.js';

/** `calls.list` parameters on Vapi. */
export interface VapiCallListParams extends CallListParams {
  /** Items per page, 1 to 1000 (100 when omitted; 50 for a campaign's calls). */
  limit?: number | undefined;
  /**
   * Only calls in these unified statuses. Vapi's list has no status filter, so the SDK applies it to
   * each page: pages may come back short or empty, and `totalCount` is then `null`.
   */
  status?: CallStatus | readonly CallStatus[] | undefined;
}

/**
 * The query of one `GET /call` page. The neutral time window is sent as Vapi's creation-time range
 * (judgement: a call starts when it is created, but for a scheduled one, which is created earlier);
 * `atOrBefore` is the keyset bound of the page.
 */
export function vapiCallQuery(params: VapiCallListParams, atOrBefore: string | null, limit: number): Record<string, QueryValue> {
  return {
    limit,
    assistantId: params.agentId,
    createdAtGe: params.startedAfter?.toISOString(),
    createdAtLt: params.startedBefore?.toISOString(),
    [keysetBound]: atOrBefore,
  };
}

/** The body of `POST /call`: one customer, the agent as `assistantId`, variables and metadata as assistant overrides. */
export function vapiCreateCallBody(input: CheckedCallInput): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  if (input.variables) overrides.variableValues = input.variables;
  // Judgement: `CreateCallDTO` has no metadata of its own; the assistant overrides carry one, stored with the call.
  if (input.metadata) overrides.metadata = input.metadata;
  return {
    assistantId: input.agentId,
    phoneNumberId: input.fromNumberId,
    customer: { number: input.toE164 },
    ...(Object.keys(overrides).length > 0 ? { assistantOverrides: overrides } : {}),
  };
}
