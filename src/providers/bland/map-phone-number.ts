import { dateFromIso } from '../../provider.js';
import type { E164Formatter, PhoneNumber } from '../../provider.js';
import type { BlandNumberWire, BlandOutboundNumberWire } from './wire.js';
import { numberStatus, numberType, providerId, type BlandId } from './wire-assumptions.js';

/** Which of Bland's two number lists a number is on; `null` where it is not known (a single number read). */
export interface BlandDirections {
  inbound: boolean | null;
  outbound: boolean | null;
}

const unknownDirections: BlandDirections = { inbound: null, outbound: null };

/**
 * An inbound number: its E.164 number is also its id; Bland reports no status or label. The agent is
 * the persona the number is attached to where the wire names one, else its pathway.
 */
export function mapBlandPhoneNumber(
  wire: BlandNumberWire,
  raw: Record<string, unknown>,
  toE164: E164Formatter,
  directions: BlandDirections = unknownDirections,
): PhoneNumber<BlandId> {
  return {
    provider: providerId,
    id: wire.phone_number,
    number: wire.phone_number,
    e164: toE164(wire.phone_number),
    status: { unified: numberStatus, raw: null },
    // An empty text clears the pathway on Bland's side, so it reads as no agent.
    agentId: wire.persona_id || wire.pathway_id || null,
    outboundAgentId: null,
    label: null,
    type: numberType,
    carrier: null,
    inbound: directions.inbound,
    outbound: directions.outbound,
    createdAt: dateFromIso(wire.created_at),
    updatedAt: null,
    raw,
  };
}

/** A number that is only on the outbound list: it places calls; no agent answers it through Bland. */
export function mapBlandOutboundNumber(wire: BlandOutboundNumberWire, raw: Record<string, unknown>, toE164: E164Formatter): PhoneNumber<BlandId> {
  return mapBlandPhoneNumber({ phone_number: wire.phone_number, created_at: wire.created_at }, raw, toE164, { inbound: null, outbound: true });
}
