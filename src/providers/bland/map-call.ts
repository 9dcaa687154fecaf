import { dateFromIso, lookupWire } from '../../provider.js';
import type { Call, CallEndReason, CallStatus, E164Formatter, MappedStatus, Turn } from '../../provider.js';
import {
  answeredByReasons,
  blandQueueStatuses,
  blandTurnRoles,
  endedByReasons,
  errorStatusSuffix,
  priceCurrency,
  recordingRequiresAuth,
  secondsPerMinute,
  statusByEndReason,
  unfinishedStatus,
} from './wire-assumptions.js';
import type { BlandCallWire } from './call-wire.js';

/**
 * A Bland call (the get's full object, or a list item with fewer fields) -> the neutral `Call` (the
 * mapping tables of docs/calls.md). Used by `calls.*` and, later, by Bland's webhooks.
 */
export function mapBlandCall(wire: BlandCallWire, raw: Record<string, unknown>, toE164: E164Formatter): Call<'bland'> {
  const baseStatus = blandBaseStatus(wire);
  const over = baseStatus === 'completed' || baseStatus === 'failed';
  const endReason = over ? blandEndReason(wire) : null;
  const status = { unified: (endReason && statusByEndReason[endReason.unified]) ?? baseStatus, raw: wire.queue_status ?? null };
  const direction = typeof wire.inbound === 'boolean' ? (wire.inbound ? 'inbound' : 'outbound') : null;
  const customer = direction === 'inbound' ? wire.from : wire.to;
  const startedAt = dateFromIso(wire.started_at);
  const durationSeconds = blandDuration(wire);
  return {
    provider: 'bland',
    id: wire.call_id,
    direction,
    status,
    endReason,
    agentId: wire.pathway_id || null,
    campaignId: wire.batch_id || null,
    // Bland addresses its numbers by the E.164 number itself: the platform side is the number's id.
    phoneNumberId: (direction === 'inbound' ? wire.to : wire.from) || null,
    from: wire.from ?? null,
    to: wire.to ?? null,
    customerE164: customer ? toE164(customer) : null,
    createdAt: dateFromIso(wire.created_at),
    startedAt,
    endedAt: over && startedAt && durationSeconds !== null ? new Date(startedAt.getTime() + durationSeconds * 1000) : null,
    durationSeconds,
    cost: typeof wire.price === 'number' ? { amount: wire.price, currency: priceCurrency, unit: 'currency' } : null,
    recording: wire.recording_url ? { url: wire.recording_url, requiresAuth: recordingRequiresAuth, expiresAt: null } : null,
    transcript: wire.transcripts ? wire.transcripts.map((turn) => blandTurn(turn, startedAt)) : null,
    summary: wire.summary ?? null,
    variables: wire.request_data ?? null,
    raw,
  };
}

/** The status from `queue_status` and `completed` alone (the end reason may refine it). */
function blandBaseStatus(wire: BlandCallWire): CallStatus {
  const known = lookupWire(blandQueueStatuses, wire.queue_status);
  if (known !== null) return known;
  if (typeof wire.queue_status === 'string' && wire.queue_status.endsWith(errorStatusSuffix)) return 'failed';
  if (wire.completed === true) return 'completed';
  if (wire.completed === false) return unfinishedStatus;
  return 'unknown';
}

function blandEndReason(wire: BlandCallWire): MappedStatus<CallEndReason> {
  if (wire.error_message) return { unified: 'error', raw: wire.error_message };
  const answered = lookupWire(answeredByReasons, wire.answered_by?.toLowerCase());
  if (answered !== null) return { unified: answered, raw: wire.answered_by ?? null };
  if (wire.transferred_to) return { unified: 'transferred', raw: wire.transferred_to };
  const endedBy = lookupWire(endedByReasons, wire.call_ended_by?.toUpperCase());
  if (endedBy !== null) return { unified: endedBy, raw: wire.call_ended_by ?? null };
  return { unified: 'unknown', raw: wire.call_ended_by ?? wire.answered_by ?? null };
}

/** Seconds: `corrected_duration` (seconds, as text) when present, else `call_length` (minutes) * 60. */
function blandDuration(wire: BlandCallWire): number | null {
  const corrected = wire.corrected_duration;
  const seconds = typeof corrected === 'string' && corrected.trim() !== '' ? Number(corrected) : typeof corrected === 'number' ? corrected : Number.NaN;
  if (Number.isFinite(seconds)) return seconds;
  return typeof wire.call_length === 'number' ? Math.round(wire.call_length * secondsPerMinute * 1000) / 1000 : null;
}

type BlandTurnWire = NonNullable<BlandCallWire['transcripts']>[number];

function blandTurn(turn: BlandTurnWire, startedAt: Date | null): Turn {
  const at = dateFromIso(turn.created_at);
  return {
    role: lookupWire(blandTurnRoles, turn.user) ?? 'other',
    text: turn.text ?? '',
    startSeconds: at && startedAt ? (at.getTime() - startedAt.getTime()) / 1000 : null,
    endSeconds: null,
  };
}
