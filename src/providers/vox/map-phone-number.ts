import { dateFromMilliseconds, lookupWire, mapStatus } from '../../provider.js';
import type { E164Formatter, PhoneNumber, PhoneNumberStatus } from '../../provider.js';
import type { VoxPhoneNumberWire } from './wire.js';

/** vox number status -> unified status. */
export const voxPhoneNumberStatuses: Readonly<Record<string, Exclude<PhoneNumberStatus, 'unknown'>>> = {
  active: 'active',
  scheduled: 'pending',
  cancel_requested: 'canceling',
  expired: 'inactive',
};

/**
 * vox `provider` -> line type. Both are phone numbers that can be dialled: `vox` ones were bought
 * through vox.ai, `custom` ones reach vox over the customer's own SIP trunk (`carrier` tells them
 * apart). `'sip'` is kept for a SIP address that is not a phone number, which vox does not list.
 */
const typeByCarrier: Readonly<Record<string, 'pstn' | 'sip'>> = { vox: 'pstn', custom: 'pstn' };

export function mapVoxPhoneNumber(
  wire: VoxPhoneNumberWire,
  raw: Record<string, unknown>,
  toE164: E164Formatter,
): PhoneNumber<'vox'> {
  return {
    provider: 'vox',
    id: wire.id,
    number: wire.number,
    // Custom numbers, reached over the customer's SIP trunk, are still phone numbers in domestic form.
    e164: toE164(wire.number),
    status: mapStatus(wire.status, voxPhoneNumberStatuses),
    agentId: wire.inbound_agent?.agent_id ?? null,
    outboundAgentId: wire.outbound_agent?.agent_id ?? null,
    label: wire.memo ?? null,
    type: lookupWire(typeByCarrier, wire.provider),
    carrier: wire.provider ?? null,
    inbound: null,
    outbound: null,
    createdAt: dateFromMilliseconds(wire.created_at),
    updatedAt: dateFromMilliseconds(wire.updated_at),
    raw,
  };
}
