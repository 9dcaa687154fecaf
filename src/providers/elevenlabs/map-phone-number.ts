import type { PhoneNumber } from '../../provider.js';
import { providerId, type ElevenLabsId } from './provider-id.js';
import type { ElevenLabsPhoneNumberWire } from './wire.js';
import { isE164, numberStatus, numberType } from './wire-assumptions.js';

/**
 * Maps an ElevenLabs number. It reports no status and no timestamps; the agent that answers it is
 * `assigned_agent`; outbound calls name their agent per call, so there is no outbound agent.
 */
export function mapElevenLabsPhoneNumber(wire: ElevenLabsPhoneNumberWire, raw: Record<string, unknown>): PhoneNumber<ElevenLabsId> {
  return {
    provider: providerId,
    id: wire.phone_number_id,
    number: wire.phone_number,
    e164: isE164(wire.phone_number) ? wire.phone_number : null,
    status: { ...numberStatus },
    agentId: wire.assigned_agent?.agent_id ?? null,
    outboundAgentId: null,
    label: wire.label ?? null,
    type: numberType(wire.phone_number),
    carrier: wire.provider ?? null,
    inbound: wire.supports_inbound ?? null,
    outbound: wire.supports_outbound ?? null,
    createdAt: null,
    updatedAt: null,
    raw,
  };
}
