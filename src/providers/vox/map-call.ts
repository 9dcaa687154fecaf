import { dateFromMilliseconds, endedCallStatus, lookupWire, mapStatus } from '../../provider.js';
import type { Call, CallCost, CallEndReason, E164Formatter, MappedStatus, Turn } from '../../provider.js';
import {
  costUnit,
  endedStatuses,
  recordingRequiresAuth,
  voxCallStatuses,
  voxDirections,
  voxEndReasons,
  voxTurnRoles,
} from './wire-assumptions.js';
import type { VoxCallWire } from './call-wire.js';

/**
 * A vox v3 call -> the neutral `Call` (the mapping tables of docs/calls.md). Used by `calls.*` and,
 * later, by vox's webhooks: one mapping for every place a vox call is read.
 */
export function mapVoxCall(wire: VoxCallWire, raw: Record<string, unknown>, toE164: E164Formatter): Call<'vox'> {
  const endReason = voxEndReason(wire);
  const direction = lookupWire(voxDirections, wire.call_type);
  const customer = direction === 'inbound' ? wire.from_number : direction === 'web' ? null : wire.to_number;
  const startedAt = dateFromMilliseconds(wire.start_at);
  const endedAt = dateFromMilliseconds(wire.end_at);
  return {
    provider: 'vox',
    id: wire.id,
    direction,
    status: voxCallStatus(wire.status, endReason),
    endReason,
    agentId: wire.agent?.agent_id ?? null,
    // vox's call object names no campaign, and the number only by its digits.
    campaignId: null,
    phoneNumberId: null,
    from: wire.from_number ?? null,
    to: wire.to_number ?? null,
    customerE164: customer ? toE164(customer) : null,
    createdAt: null,
    startedAt,
    endedAt,
    durationSeconds: startedAt && endedAt ? (endedAt.getTime() - startedAt.getTime()) / 1000 : null,
    cost: voxCost(wire.call_cost?.total_cost),
    recording: wire.recording_url ? { url: wire.recording_url, requiresAuth: recordingRequiresAuth, expiresAt: null } : null,
    transcript: wire.transcript ? wire.transcript.map((turn) => voxTurn(turn, wire.start_at)) : null,
    summary: wire.call_analysis?.summary ?? null,
    variables: wire.dynamic_variables ?? null,
    raw,
  };
}

/** The end reason of a call that is over (`null` before): `disconnection_reason`, else what the status says. */
function voxEndReason(wire: VoxCallWire): MappedStatus<CallEndReason> | null {
  if (typeof wire.status !== 'string' || !endedStatuses.has(wire.status)) return null;
  if (wire.disconnection_reason != null) return mapStatus(wire.disconnection_reason, voxEndReasons);
  if (wire.status === 'canceled') return { unified: 'canceled', raw: null };
  if (wire.status === 'error') return { unified: 'error', raw: null };
  return { unified: 'unknown', raw: null };
}

function voxCallStatus(status: string | null | undefined, endReason: MappedStatus<CallEndReason> | null): Call['status'] {
  const mapped = mapStatus(status, voxCallStatuses);
  if (status !== 'ended' || endReason === null) return mapped;
  return { unified: endedCallStatus(endReason.unified), raw: mapped.raw };
}

function voxCost(total: string | number | null | undefined): CallCost | null {
  if (total === null || total === undefined || (typeof total === 'string' && total.trim() === '')) return null;
  const amount = Number(total);
  return Number.isFinite(amount) ? { amount, currency: null, unit: costUnit } : null;
}

type VoxTurnWire = NonNullable<VoxCallWire['transcript']>[number];

function voxTurn(turn: VoxTurnWire, callStart: number | null | undefined): Turn {
  const seconds = (at: number | null | undefined) => (typeof at === 'number' && typeof callStart === 'number' ? (at - callStart) / 1000 : null);
  return {
    role: lookupWire(voxTurnRoles, turn.role) ?? 'other',
    text: turn.content ?? '',
    startSeconds: seconds(turn.start_at),
    endSeconds: seconds(turn.end_at),
  };
}
