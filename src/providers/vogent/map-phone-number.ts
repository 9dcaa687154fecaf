import { lookupWire } from '../../provider.js';
import type { E164Formatter, PhoneNumber } from '../../provider.js';
import type { VogentPhoneNumberWire } from './wire.js';

/**
 * Vogent number `type` -> line type. `SIP_USERNAME` is a SIP user name, not a phone number at all
 * (`'sip'`, no E.164 form); `PSTN` is a phone number. A missing or new type is `null` (the value
 * stays in `raw`).
 */
const typeByWire: Readonly<Record<string, 'pstn' | 'sip'>> = { PSTN: 'pstn', SIP_USERNAME: 'sip' };

export function mapVogentPhoneNumber(
  wire: VogentPhoneNumberWire,
  raw: Record<string, unknown>,
  toE164: E164Formatter,
): PhoneNumber<'vogent'> {
  return {
    provider: 'vogent',
    id: wire.id,
    number: wire.number,
    // A SIP_USERNAME number is a SIP user name, not a phone number.
    e164: wire.type === 'SIP_USERNAME' ? null : toE164(wire.number),
    // Vogent reports no status: every number it lists is in service.
    status: { unified: 'active', raw: null },
    // Vogent unlinks with the empty string, so an empty agentId means "no agent".
    agentId: wire.agentId || null,
    outboundAgentId: null,
    label: null,
    type: lookupWire(typeByWire, wire.type),
    carrier: null,
    inbound: null,
    outbound: null,
    createdAt: null,
    updatedAt: null,
    raw,
  };
}
