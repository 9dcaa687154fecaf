import { describeValue, givenPatchFields, refuser } from '../../provider.js';
import type { CheckedCampaignInput } from '../../provider.js';
import { providerId } from './provider-id.js';
import { unixSeconds } from './wire-assumptions.js';

/** The body of `PATCH /v1/convai/phone-numbers/{id}` the adapter sends: `UpdatePhoneNumberRequest`, the fields it uses. */
export interface ElevenLabsPhoneNumberUpdateBody {
  agent_id?: string | null;
  label?: string;
}

/** One recipient of a batch call: `OutboundCallRecipient`, the fields the adapter uses. */
export interface ElevenLabsBatchRecipient {
  phone_number: string;
  conversation_initiation_client_data?: { dynamic_variables: Record<string, string> };
}

/** The body of `POST /v1/convai/batch-calling/submit` the adapter sends. */
export interface ElevenLabsBatchCallBody {
  call_name: string;
  agent_id: string;
  agent_phone_number_id: string;
  recipients: ElevenLabsBatchRecipient[];
  scheduled_time_unix?: number;
  target_concurrency_limit?: number;
}

const updateFields = ['agentId', 'label'];

/**
 * The update body for a neutral patch: `agentId` is `agent_id` (`null` unassigns, assumption 4),
 * `label` is `label`. Anything else is refused rather than dropped.
 */
export function elevenLabsUpdateBody(patch: unknown): ElevenLabsPhoneNumberUpdateBody {
  const fail = refuser(providerId, 'phoneNumbers.update');
  const { agentId, label } = givenPatchFields(providerId, patch, updateFields);
  const body: ElevenLabsPhoneNumberUpdateBody = {};
  if (agentId !== undefined) {
    if (agentId !== null && (typeof agentId !== 'string' || agentId.trim() === '')) {
      throw fail(`agentId must be a non-empty agent id, or null to unassign the number (got ${describeValue(agentId)}).`);
    }
    body.agent_id = agentId;
  }
  if (label !== undefined) {
    // The label is a required text on ElevenLabs: it can be renamed, not cleared.
    if (typeof label !== 'string' || label.trim() === '') {
      throw fail(`label must be a non-empty text; ElevenLabs keeps a label on every number (got ${describeValue(label)}).`);
    }
    body.label = label;
  }
  return body;
}

/**
 * The submit body for a checked campaign: variables go in each recipient's
 * `conversation_initiation_client_data.dynamic_variables`, only where it has some; the start in
 * unix seconds (assumption 1); the concurrency as `target_concurrency_limit`.
 */
export function elevenLabsBatchCallBody(input: CheckedCampaignInput): ElevenLabsBatchCallBody {
  const recipients = input.recipients.map((recipient): ElevenLabsBatchRecipient => {
    const entry: ElevenLabsBatchRecipient = { phone_number: recipient.e164 };
    if (Object.keys(recipient.variables).length > 0) entry.conversation_initiation_client_data = { dynamic_variables: recipient.variables };
    return entry;
  });
  const body: ElevenLabsBatchCallBody = {
    call_name: input.name,
    agent_id: input.agentId,
    agent_phone_number_id: input.fromNumberId,
    recipients,
  };
  if (input.scheduledAt !== null) body.scheduled_time_unix = unixSeconds(input.scheduledAt);
  if (input.concurrency !== null) body.target_concurrency_limit = input.concurrency;
  return body;
}
