import { mapStatus } from '../../provider.js';
import type { E164Formatter, PhoneNumber } from '../../provider.js';
import { providerId, type NumbersAssignmentId } from './provider-id.js';
import type { AssignmentWire } from './wire.js';
import { assignmentField as field, assignmentStatuses, parseTimestamp, statusWhenMissing } from './wire-assumptions.js';

export function mapNumbersAssignmentPhoneNumber(
  wire: AssignmentWire,
  raw: Record<string, unknown>,
  toE164: E164Formatter,
): PhoneNumber<NumbersAssignmentId> {
  const status = wire[field.status];
  return {
    provider: providerId,
    id: wire[field.id],
    number: wire[field.number],
    // National spellings need the client's defaultCountry (none by default for this platform).
    e164: toE164(wire[field.number]),
    status: status === null || status === undefined ? { ...statusWhenMissing } : mapStatus(status, assignmentStatuses),
    agentId: wire[field.agentId] ?? null,
    // The platform assigns one agent per number and says nothing about line type, carrier or direction.
    outboundAgentId: null,
    label: wire[field.label] ?? null,
    type: null,
    carrier: null,
    inbound: null,
    outbound: null,
    createdAt: parseTimestamp(wire[field.createdAt]),
    updatedAt: parseTimestamp(wire[field.updatedAt]),
    raw,
  };
}
