import type { Call, Turn } from '../../provider.js';
import { providerId, type ElevenLabsId } from './provider-id.js';
import type { ElevenLabsRecipientWire } from './wire.js';
import type { ElevenLabsConversationSummaryWire, ElevenLabsConversationWire, ElevenLabsTurnWire } from './wire-calls.js';
import {
  conversationCost,
  conversationEndReason,
  conversationStatus,
  dateFromUnixSeconds,
  endedConversationStatuses,
  isE164,
  recipientStatuses,
  recordingPath,
} from './wire-assumptions.js';

/*
 * Conversations are ElevenLabs' calls. These mappings are exported so that a webhook parser
 * (post_call_transcription carries the GET conversation shape) maps a call exactly as calls.get does.
 */

function direction(value: string | null | undefined): 'inbound' | 'outbound' | null {
  return value === 'inbound' || value === 'outbound' ? value : null;
}

/** The end of a call that is over: start + duration, both in seconds. */
function endOf(status: string | null | undefined, start: number | null | undefined, duration: number | null | undefined): Date | null {
  if (typeof status !== 'string' || !endedConversationStatuses.includes(status)) return null;
  return typeof start === 'number' && typeof duration === 'number' ? dateFromUnixSeconds(start + duration) : null;
}

/** Maps one transcript entry: `user` is the customer; an entry with tool calls or results and no message is a tool turn. */
export function mapElevenLabsTurn(wire: ElevenLabsTurnWire): Turn {
  const message = typeof wire.message === 'string' ? wire.message : null;
  const toolCalls = wire.tool_calls ?? [];
  const toolResults = wire.tool_results ?? [];
  let role: Turn['role'];
  if (message === null && (toolCalls.length > 0 || toolResults.length > 0)) role = 'tool';
  else if (wire.role === 'agent') role = 'agent';
  else if (wire.role === 'user') role = 'customer';
  else role = 'other';
  const text = message ?? (role === 'tool' ? toolText(toolCalls.length > 0 ? toolCalls : toolResults) : '');
  return { role, text, startSeconds: typeof wire.time_in_call_secs === 'number' ? wire.time_in_call_secs : null, endSeconds: null };
}

/** A tool turn's text: the tools it names (`tool_name`), else the entries as JSON. */
function toolText(entries: readonly unknown[]): string {
  const names = entries.map((entry) => (entry as { tool_name?: unknown } | null)?.tool_name).filter((name) => typeof name === 'string');
  return names.length === entries.length ? names.join(', ') : JSON.stringify(entries);
}

/** Maps a conversation as `GET /v1/convai/conversations/{id}` answers it: transcript, numbers, cost, batch. */
export function mapElevenLabsConversation(wire: ElevenLabsConversationWire, raw: Record<string, unknown>): Call<ElevenLabsId> {
  const metadata = wire.metadata ?? {};
  const phoneCall = metadata.phone_call ?? null;
  const way = direction(phoneCall?.direction);
  const agentNumber = phoneCall?.agent_number ?? null;
  const externalNumber = phoneCall?.external_number ?? null;
  const start = metadata.start_time_unix_secs;
  return {
    provider: providerId,
    id: wire.conversation_id,
    // A conversation without a phone call ran in a browser or an app (the widget, the SDKs).
    direction: phoneCall === null ? 'web' : way,
    status: conversationStatus(wire.status, phoneCall?.call_result),
    endReason: conversationEndReason({
      status: wire.status,
      callResult: phoneCall?.call_result,
      terminationReason: metadata.termination_reason,
      hasError: metadata.error !== null && metadata.error !== undefined,
    }),
    agentId: wire.agent_id ?? null,
    campaignId: metadata.batch_call?.batch_call_id ?? null,
    phoneNumberId: phoneCall?.phone_number_id ?? null,
    from: way === 'inbound' ? externalNumber : agentNumber,
    to: way === 'inbound' ? agentNumber : externalNumber,
    customerE164: isE164(externalNumber) ? externalNumber : null,
    // ElevenLabs gives no creation time of its own: the conversation's start stands for it.
    createdAt: dateFromUnixSeconds(start),
    startedAt: dateFromUnixSeconds(start),
    endedAt: endOf(wire.status, start, metadata.call_duration_secs),
    durationSeconds: metadata.call_duration_secs ?? null,
    cost: conversationCost(metadata.cost_fiat, metadata.cost),
    recording: wire.has_audio === true ? { url: recordingPath(wire.conversation_id), requiresAuth: true, expiresAt: null } : null,
    transcript: (wire.transcript ?? []).map(mapElevenLabsTurn),
    summary: wire.analysis?.transcript_summary ?? null,
    variables: wire.conversation_initiation_client_data?.dynamic_variables ?? null,
    raw,
  };
}

/** Maps a conversation list item: no transcript, numbers, cost or batch (the list carries none). */
export function mapElevenLabsConversationSummary(wire: ElevenLabsConversationSummaryWire, raw: Record<string, unknown>): Call<ElevenLabsId> {
  const start = wire.start_time_unix_secs;
  return {
    provider: providerId,
    id: wire.conversation_id,
    direction: direction(wire.direction),
    status: conversationStatus(wire.status, null),
    endReason: conversationEndReason({ status: wire.status, callResult: null, terminationReason: wire.termination_reason, hasError: false }),
    agentId: wire.agent_id ?? null,
    campaignId: null,
    phoneNumberId: null,
    from: null,
    to: null,
    customerE164: null,
    createdAt: dateFromUnixSeconds(start),
    startedAt: dateFromUnixSeconds(start),
    endedAt: endOf(wire.status, start, wire.call_duration_secs),
    durationSeconds: wire.call_duration_secs ?? null,
    cost: null,
    recording: null,
    transcript: null,
    summary: wire.transcript_summary ?? null,
    variables: null,
    raw,
  };
}

/**
 * Maps a batch recipient that has a conversation into a call stub (`calls.list({ campaignId })`):
 * its id is the conversation's, so `calls.get` gives the whole call.
 */
export function mapElevenLabsRecipientCall(
  wire: ElevenLabsRecipientWire & { conversation_id: string },
  raw: Record<string, unknown>,
  batch: { id: string; agentId: string | null; phoneNumberId: string | null },
): Call<ElevenLabsId> {
  const status = wire.status ?? null;
  const unified = status !== null && Object.hasOwn(recipientStatuses, status) ? recipientStatuses[status]! : 'unknown';
  const number = wire.phone_number ?? null;
  return {
    provider: providerId,
    id: wire.conversation_id,
    direction: 'outbound',
    status: { unified, raw: status },
    endReason: status === 'voicemail' ? { unified: 'voicemail', raw: status } : null,
    agentId: batch.agentId,
    campaignId: batch.id,
    phoneNumberId: batch.phoneNumberId,
    from: null,
    to: number,
    customerE164: isE164(number) ? number : null,
    createdAt: dateFromUnixSeconds(wire.created_at_unix),
    startedAt: null,
    endedAt: null,
    durationSeconds: null,
    cost: null,
    recording: null,
    transcript: null,
    summary: null,
    variables: null,
    raw,
  };
}
