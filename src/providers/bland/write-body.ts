import { describeValue, givenPatchFields, refuser } from '../../provider.js';
import type { CheckedCampaignInput } from '../../provider.js';
import {
  batchLabelField,
  formatStartTime,
  globalField,
  pathwayCleared,
  providerId,
  recipientVariablesField,
} from './wire-assumptions.js';

/**
 * The body of `POST /v1/inbound/{phone_number}` for `update`: exactly `{ pathway_id }`. Only the agent
 * (the pathway) can change; Bland numbers have no label and no status to set.
 */
export function routeBody(patch: unknown): { pathway_id: string | null } {
  const fail = refuser(providerId, 'phoneNumbers.update');
  const { agentId } = givenPatchFields(providerId, patch, ['agentId']);
  if (agentId !== null && (typeof agentId !== 'string' || agentId.trim() === '')) {
    throw fail(`agentId must be a pathway id, or null to unlink the pathway (got ${describeValue(agentId)}).`);
  }
  return { pathway_id: agentId ?? pathwayCleared };
}

/** The body of `POST /v2/batches/create` for a checked input. */
export function batchBody(input: CheckedCampaignInput): Record<string, unknown> {
  const global: Record<string, unknown> = {
    [globalField.agentId]: input.agentId,
    [globalField.fromNumber]: input.fromNumberId,
  };
  if (input.scheduledAt !== null) global[globalField.startTime] = formatStartTime(input.scheduledAt);
  return {
    [batchLabelField]: input.name,
    global,
    call_objects: input.recipients.map((recipient) =>
      Object.keys(recipient.variables).length === 0
        ? { phone_number: recipient.e164 }
        : { phone_number: recipient.e164, [recipientVariablesField]: recipient.variables },
    ),
  };
}
