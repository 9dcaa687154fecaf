import { dateFromIso, mapStatus } from '../../provider.js';
import type { E164Formatter, PhoneNumber } from '../../provider.js';
import type { VapiPhoneNumberWire } from './wire.js';
import { freeNumberProvider, phoneNumberStatuses, phoneNumberStatusWhenMissing, providerId, type VapiId } from './wire-assumptions.js';

const e164Shape = /^\+[1-9]\d{7,14}$/;

/** What answers inbound calls: the assistant, else the workflow, else the squad (`answeringAgentFields`: only an assistant id is one `agents.get` reads). */
export function answeringAgent(wire: { assistantId?: string | null; workflowId?: string | null; squadId?: string | null }): string | null {
  return wire.assistantId || wire.workflowId || wire.squadId || null;
}

export function mapVapiPhoneNumber(wire: VapiPhoneNumberWire, raw: Record<string, unknown>, _toE164?: E164Formatter): PhoneNumber<VapiId> {
  const number = wire.number || null;
  const sipUri = wire.sipUri || null;
  return {
    provider: providerId,
    id: wire.id,
    // A free Vapi SIP number has no phone number: its SIP URI is what callers dial.
    number: number ?? sipUri ?? '',
    // Vapi stores numbers in E.164; anything else (or a SIP-only number) has none to give.
    e164: number !== null && e164Shape.test(number) ? number : null,
    status: wire.status === null || wire.status === undefined ? { ...phoneNumberStatusWhenMissing } : mapStatus(wire.status, phoneNumberStatuses),
    agentId: answeringAgent(wire),
    // Outbound calls name their assistant per call or per campaign, not per number.
    outboundAgentId: null,
    label: wire.name ?? null,
    type: number !== null ? 'pstn' : sipUri !== null ? 'sip' : null,
    carrier: wire.provider ?? null,
    inbound: null,
    // A free Vapi number takes calls only: Vapi places no outbound calls from it.
    outbound: wire.provider === freeNumberProvider ? false : null,
    createdAt: dateFromIso(wire.createdAt),
    updatedAt: dateFromIso(wire.updatedAt),
    raw,
  };
}
