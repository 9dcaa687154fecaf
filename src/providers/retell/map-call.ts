import { dateFromMilliseconds, endedCallStatus, lookupWire } from '../../provider.js';
import type { Call, CallEndReason, CallStatus, MappedStatus, Turn } from '../../provider.js';
import type { RetellCallWire } from './calls-wire.js';
import { providerId, type RetellId } from './provider-id.js';
import { centsPerUnit, callStatuses, costCurrency, endReasons, recordingRequiresAuth, turnRoles } from './wire-assumptions.js';

const e164Shape = /^\+[1-9]\d{7,14}$/;

/**
 * A Retell call in the neutral shape (`calls.get`, `calls.list`, `calls.create` and the webhooks
 * alike). Cost comes in cents and is given in dollars; the list answers no transcript (`null`).
 */
export function mapRetellCall(wire: RetellCallWire, raw: Record<string, unknown>): Call<RetellId> {
  const endReason = retellEndReason(wire);
  const direction = wire.call_type === 'web_call' ? 'web' : wire.direction === 'inbound' || wire.direction === 'outbound' ? wire.direction : null;
  const from = wire.from_number ?? null;
  const to = wire.to_number ?? null;
  const customer = direction === 'inbound' ? from : direction === 'outbound' ? to : null;
  const startedAt = dateFromMilliseconds(wire.start_timestamp);
  const endedAt = dateFromMilliseconds(wire.end_timestamp);
  const cents = wire.call_cost?.combined_cost;
  return {
    provider: providerId,
    id: wire.call_id,
    direction,
    status: retellCallStatus(wire.call_status, endReason),
    endReason,
    agentId: wire.agent_id ?? null,
    campaignId: wire.batch_call_id ?? null,
    // A Retell number's id is the number itself: ours is the caller going out, the callee coming in.
    phoneNumberId: direction === 'outbound' ? from : direction === 'inbound' ? to : null,
    from,
    to,
    customerE164: customer !== null && e164Shape.test(customer) ? customer : null,
    // Retell reports no creation time.
    createdAt: null,
    startedAt,
    endedAt,
    durationSeconds:
      typeof wire.duration_ms === 'number'
        ? wire.duration_ms / 1000
        : startedAt && endedAt
          ? Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1000)
          : null,
    cost: typeof cents === 'number' ? { amount: cents / centsPerUnit, currency: costCurrency, unit: 'currency' } : null,
    recording: wire.recording_url ? { url: wire.recording_url, requiresAuth: recordingRequiresAuth, expiresAt: null } : null,
    transcript: wire.transcript_object ? retellTurns(wire.transcript_object) : null,
    summary: wire.call_analysis?.call_summary ?? null,
    variables: wire.retell_llm_dynamic_variables ?? null,
    raw,
  };
}

/** `null` while the call is not over (`registered`, `ongoing`); an ended one without a reason is `unknown`. */
function retellEndReason(wire: RetellCallWire): MappedStatus<CallEndReason> | null {
  const reason = wire.disconnection_reason;
  if (typeof reason === 'string' && reason !== '') return { unified: lookupWire(endReasons, reason) ?? 'unknown', raw: reason };
  return wire.call_status === 'registered' || wire.call_status === 'ongoing' ? null : { unified: 'unknown', raw: null };
}

function retellCallStatus(status: string | null | undefined, endReason: MappedStatus<CallEndReason> | null): MappedStatus<CallStatus> {
  if (status === null || status === undefined) return { unified: 'unknown', raw: null };
  if (status === 'ended') return { unified: endedCallStatus(endReason?.unified ?? 'unknown'), raw: status };
  return { unified: lookupWire(callStatuses, status) ?? 'unknown', raw: status };
}

type WireTurn = NonNullable<RetellCallWire['transcript_object']>[number];

/** `transcript_object` as turns; the times are those of the first and last word (seconds from the start). */
export function retellTurns(turns: readonly WireTurn[]): Turn[] {
  return turns.map((turn) => {
    const words = turn.words ?? [];
    return {
      role: lookupWire(turnRoles, turn.role) ?? 'other',
      text: turn.content ?? '',
      startSeconds: words[0]?.start ?? null,
      endSeconds: words[words.length - 1]?.end ?? null,
    };
  });
}
