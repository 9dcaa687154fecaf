import { dateFromIso, lookupWire, mapStatus } from '../../provider.js';
import type { E164Formatter, PhoneNumber, PhoneNumberStatus } from '../../provider.js';
import type { GenericPhoneNumberWire } from './wire.js';

/**
 * Number status -> unified status. The platform's status says whether calls to the number reach
 * an agent: `assigned` numbers answer (`active`); `free` numbers are imported and held but route
 * nowhere (`inactive`). `inactive` here does not mean released: the number stays on the account,
 * and `status.raw` keeps `free` for callers that need the difference.
 */
export const genericPhoneNumberStatuses: Readonly<Record<string, Exclude<PhoneNumberStatus, 'unknown'>>> = {
  assigned: 'active',
  free: 'inactive',
};

/** `provider` (the carrier behind the number) -> line type: Twilio numbers are PSTN lines. */
const typeByCarrier: Readonly<Record<string, 'pstn' | 'sip'>> = { twilio: 'pstn', sip: 'sip' };

export function mapGenericPhoneNumber(
  wire: GenericPhoneNumberWire,
  raw: Record<string, unknown>,
  toE164: E164Formatter,
): PhoneNumber<'generic'> {
  return {
    provider: 'generic',
    id: wire.phone_number_id,
    number: wire.phone_number,
    // The platform documents E.164 for every number, SIP-carried ones included.
    e164: toE164(wire.phone_number),
    status: mapStatus(wire.status, genericPhoneNumberStatuses),
    agentId: wire.assigned_agent_id ?? null,
    outboundAgentId: null,
    label: null,
    type: lookupWire(typeByCarrier, wire.provider),
    carrier: wire.provider ?? null,
    inbound: wire.supports_inbound ?? null,
    outbound: wire.supports_outbound ?? null,
    createdAt: dateFromIso(wire.created_at),
    updatedAt: null,
    raw,
  };
}
