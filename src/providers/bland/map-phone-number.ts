import { dateFromIso } from '../../provider.js';
import type { E164Formatter, PhoneNumber } from '../../provider.js';
import type { BlandNumberWire } from './wire.js';
import { numberStatus, numberType, providerId, type BlandId } from './wire-assumptions.js';

/** An inbound number: its E.164 number is also its id; Bland reports no status, label or direction. */
export function mapBlandPhoneNumber(wire: BlandNumberWire, raw: Record<string, unknown>, toE164: E164Formatter): PhoneNumber<BlandId> {
  return {
    provider: providerId,
    id: wire.phone_number,
    number: wire.phone_number,
    e164: toE164(wire.phone_number),
    status: { unified: numberStatus, raw: null },
    // An empty text clears the pathway on Bland's side, so it reads as no agent.
    agentId: wire.pathway_id || null,
    outboundAgentId: null,
    label: null,
    type: numberType,
    carrier: null,
    inbound: null,
    outbound: null,
    createdAt: dateFromIso(wire.created_at),
    updatedAt: null,
    raw,
  };
}
