import { dateFromIso, lookupWire, mapStatus } from '../../provider.js';
import type { Call, CallEndReason, E164Formatter, MappedStatus, Turn } from '../../provider.js';
import {
  dialCost,
  dialDirection,
  endReasonByStatus,
  endReasonOfResult,
  functionDetailType,
  recordingRequiresAuth,
  vogentDialStatuses,
  vogentSpeakers,
} from './wire-assumptions.js';
import type { VogentDialWire } from './call-wire.js';

/**
 * A Vogent dial -> the neutral `Call` (the mapping tables of docs/calls.md). `campaignId` is the job
 * the dial was listed under (a dial does not name its job). Used by `calls.*` and, later, by Vogent's
 * webhooks: one mapping for every place a dial is read.
 */
export function mapVogentDial(wire: VogentDialWire, raw: Record<string, unknown>, toE164: E164Formatter, campaignId: string | null = null): Call<'vogent'> {
  const endReason = vogentEndReason(wire);
  const status = mapStatus(wire.status, vogentDialStatuses);
  const startedAt = dateFromIso(wire.startedAt);
  const endedAt = dateFromIso(wire.endedAt);
  const measured = startedAt && endedAt ? (endedAt.getTime() - startedAt.getTime()) / 1000 : null;
  return {
    provider: 'vogent',
    id: wire.id,
    direction: dialDirection,
    // A "completed" dial whose result says busy never connected.
    status: status.unified === 'completed' && endReason?.unified === 'busy' ? { unified: 'not_connected', raw: status.raw } : status,
    endReason,
    agentId: wire.agent?.id ?? null,
    campaignId,
    phoneNumberId: wire.fromNumberId ?? null,
    from: null,
    to: wire.toNumber ?? null,
    customerE164: wire.toNumber ? toE164(wire.toNumber) : null,
    createdAt: dateFromIso(wire.createdAt),
    startedAt,
    endedAt,
    durationSeconds: wire.durationSeconds ?? measured,
    cost: dialCost,
    recording: wire.recordings?.[0]?.url ? { url: wire.recordings[0].url, requiresAuth: recordingRequiresAuth, expiresAt: null } : null,
    transcript: wire.transcript ? wire.transcript.map(vogentTurn) : null,
    summary: null,
    variables: wire.inputs ?? null,
    raw,
  };
}

/** The end reason of a dial in a final status (`null` before): from the status, refined by `systemResultType`. */
function vogentEndReason(wire: VogentDialWire): MappedStatus<CallEndReason> | null {
  const byStatus = lookupWire(endReasonByStatus, wire.status);
  if (byStatus === null) return null;
  const byResult = endReasonOfResult(wire.systemResultType);
  if (byResult !== null && (byStatus === 'unknown' || byStatus === byResult)) return { unified: byResult, raw: wire.systemResultType ?? null };
  return { unified: byStatus, raw: wire.status ?? null };
}

type VogentTurnWire = NonNullable<VogentDialWire['transcript']>[number];

function vogentTurn(turn: VogentTurnWire): Turn {
  const seconds = (ms: number | null | undefined) => (typeof ms === 'number' ? ms / 1000 : null);
  return {
    role: turn.detailType === functionDetailType ? 'tool' : (lookupWire(vogentSpeakers, turn.speaker) ?? 'other'),
    text: turn.text ?? '',
    startSeconds: seconds(turn.startTimeMs),
    endSeconds: seconds(turn.endTimeMs),
  };
}
