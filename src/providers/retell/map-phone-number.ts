import { dateFromMilliseconds } from '../../provider.js';
import type { PhoneNumber } from '../../provider.js';
import { providerId, type RetellId } from './provider-id.js';
import type { RetellPhoneNumberWire } from './wire.js';
import { leadingAgent, numberStatus } from './wire-assumptions.js';

/**
 * Maps a Retell number. Its E.164 number is its id; the agents are the leading entries of the
 * weighted lists; Retell reports no status, creation time or direction.
 */
export function mapRetellPhoneNumber(wire: RetellPhoneNumberWire, raw: Record<string, unknown>): PhoneNumber<RetellId> {
  return {
    provider: providerId,
    id: wire.phone_number,
    number: wire.phone_number,
    e164: wire.phone_number,
    status: { ...numberStatus },
    agentId: leadingAgent(wire.inbound_agents, wire.inbound_agent_id),
    outboundAgentId: leadingAgent(wire.outbound_agents, wire.outbound_agent_id),
    label: wire.nickname ?? null,
    // Every Retell number is a phone number, those imported through your own SIP trunk included.
    type: 'pstn',
    carrier: wire.phone_number_type ?? null,
    inbound: null,
    outbound: null,
    createdAt: null,
    updatedAt: dateFromMilliseconds(wire.last_modification_timestamp),
    raw,
  };
}
