import { dateFromIso, endedCallStatus, lookupWire } from '../../provider.js';
import type { Call, CallEndReason, CallRecording, CallStatus, MappedStatus, Turn } from '../../provider.js';
import type { VapiCallWire } from './calls-wire.js';
import { answeringAgent } from './map-phone-number.js';
import {
  callDirections,
  callStatuses,
  classifyEndedReason,
  costCurrency,
  providerId,
  recordingWithoutPresignedUrl,
  turnRoles,
  type VapiId,
} from './wire-assumptions.js';

const e164Shape = /^\+[1-9]\d{7,14}$/;

/**
 * A Vapi `Call` in the neutral shape (`calls.get`, `calls.list`, `calls.create` and the webhooks
 * alike). The end reason is classified first; an `ended` call's status follows from it, so a call
 * nobody answered is `not_connected`, never `completed`.
 */
export function mapVapiCall(wire: VapiCallWire, raw: Record<string, unknown>): Call<VapiId> {
  const endReason = vapiEndReason(wire);
  const direction = lookupWire(callDirections, wire.type);
  const customer = wire.customer?.number ?? null;
  const ours = wire.phoneNumber?.number ?? null;
  const startedAt = dateFromIso(wire.startedAt);
  const endedAt = dateFromIso(wire.endedAt);
  const artifact = wire.artifact;
  return {
    provider: providerId,
    id: wire.id,
    direction,
    status: vapiCallStatus(wire.status, endReason),
    endReason,
    agentId: answeringAgent(wire),
    campaignId: wire.campaignId ?? null,
    phoneNumberId: wire.phoneNumberId ?? null,
    from: direction === 'inbound' ? customer : direction === 'outbound' ? ours : null,
    to: direction === 'inbound' ? ours : direction === 'outbound' ? customer : null,
    customerE164: customer !== null && e164Shape.test(customer) ? customer : null,
    createdAt: dateFromIso(wire.createdAt),
    startedAt,
    endedAt,
    // Vapi has no duration field: the time between start and end.
    durationSeconds: startedAt && endedAt ? Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1000) : null,
    cost: typeof wire.cost === 'number' ? { amount: wire.cost, currency: costCurrency, unit: 'currency' } : null,
    recording: vapiRecording(artifact),
    transcript: artifact?.messages ? vapiTurns(artifact.messages) : null,
    summary: wire.analysis?.summary ?? null,
    variables: wire.assistantOverrides?.variableValues ?? null,
    raw,
  };
}

/** `null` while the call is not over; an `ended` call without a reason is `unknown`. */
function vapiEndReason(wire: VapiCallWire): MappedStatus<CallEndReason> | null {
  const reason = wire.endedReason;
  if (typeof reason === 'string' && reason !== '') return { unified: classifyEndedReason(reason), raw: reason };
  return wire.status === 'ended' ? { unified: 'unknown', raw: null } : null;
}

function vapiCallStatus(status: string | null | undefined, endReason: MappedStatus<CallEndReason> | null): MappedStatus<CallStatus> {
  if (status === null || status === undefined) return { unified: 'unknown', raw: null };
  if (status === 'ended') return { unified: endedCallStatus(endReason?.unified ?? 'unknown'), raw: status };
  return { unified: lookupWire(callStatuses, status) ?? 'unknown', raw: status };
}

function vapiRecording(artifact: VapiCallWire['artifact']): CallRecording | null {
  if (!artifact) return null;
  if (artifact.presignedMonoUrl) {
    return { url: artifact.presignedMonoUrl, requiresAuth: false, expiresAt: dateFromIso(artifact.presignedUrlsExpiresAt) };
  }
  if (artifact.recordingUrl) return { url: artifact.recordingUrl, ...recordingWithoutPresignedUrl, expiresAt: null };
  return null;
}

type Message = NonNullable<NonNullable<VapiCallWire['artifact']>['messages']>[number];

/** `artifact.messages` as turns: the system prompt left out, every other message kept (an unknown role is `other`). */
export function vapiTurns(messages: readonly Message[]): Turn[] {
  const turns: Turn[] = [];
  for (const message of messages) {
    const role = message.role ?? '';
    const known = Object.hasOwn(turnRoles, role) ? turnRoles[role] : undefined;
    if (known === null) continue;
    const start = typeof message.secondsFromStart === 'number' ? message.secondsFromStart : null;
    turns.push({
      role: known ?? 'other',
      text: message.message ?? message.result ?? message.name ?? '',
      startSeconds: start,
      endSeconds: start !== null && typeof message.duration === 'number' ? start + message.duration : null,
    });
  }
  return turns;
}
