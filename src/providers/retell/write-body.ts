import { describeValue, givenPatchFields, refuser } from '../../provider.js';
import type { CheckedCampaignInput } from '../../provider.js';
import { providerId } from './provider-id.js';
import { inboundAgentsFor } from './wire-assumptions.js';

/** The body of `PATCH /update-phone-number/{number}` the adapter sends: Retell's update params, the fields it uses. */
export interface RetellPhoneNumberUpdateBody {
  inbound_agents?: { agent_id: string; weight: number }[] | null;
  nickname?: string | null;
}

/** One task of a batch call: Retell's task params, the fields the adapter uses. */
export interface RetellBatchCallTask {
  to_number: string;
  override_agent_id: string;
  retell_llm_dynamic_variables?: Record<string, string>;
}

/** The body of `POST /create-batch-call` the adapter sends. */
export interface RetellBatchCallBody {
  name: string;
  from_number: string;
  tasks: RetellBatchCallTask[];
  trigger_timestamp?: number;
}

const updateFields = ['agentId', 'label'];

/**
 * The update body for a neutral patch: `agentId` replaces the weighted inbound list with that one
 * agent (`null` unbinds), `label` is the nickname. Anything else is refused rather than dropped.
 */
export function retellUpdateBody(patch: unknown): RetellPhoneNumberUpdateBody {
  const fail = refuser(providerId, 'phoneNumbers.update');
  const { agentId, label } = givenPatchFields(providerId, patch, updateFields);
  const body: RetellPhoneNumberUpdateBody = {};
  if (agentId !== undefined) {
    if (agentId !== null && (typeof agentId !== 'string' || agentId.trim() === '')) {
      throw fail(`agentId must be a non-empty agent id, or null to unbind every inbound agent (got ${describeValue(agentId)}).`);
    }
    body.inbound_agents = inboundAgentsFor(agentId);
  }
  if (label !== undefined) {
    if (label !== null && typeof label !== 'string') throw fail(`label must be a string, or null to clear the nickname (got ${describeValue(label)}).`);
    body.nickname = label;
  }
  return body;
}

/** A Retell number id is the number itself, in E.164. */
const e164 = /^\+[1-9]\d{1,14}$/;

/**
 * The batch call body for a checked campaign: the agent is named on every task, so the number's own
 * outbound agents stay as they are; variables only where a recipient has some.
 */
export function retellBatchCallBody(input: CheckedCampaignInput): RetellBatchCallBody {
  if (!e164.test(input.fromNumberId)) {
    throw refuser(providerId, 'campaigns.create')(
      `fromNumberId must be a Retell number id, which is the number in E.164 such as "+14155550100" (got ${describeValue(input.fromNumberId)}).`,
    );
  }
  const tasks = input.recipients.map((recipient): RetellBatchCallTask => {
    const task: RetellBatchCallTask = { to_number: recipient.e164, override_agent_id: input.agentId };
    if (Object.keys(recipient.variables).length > 0) task.retell_llm_dynamic_variables = recipient.variables;
    return task;
  });
  const body: RetellBatchCallBody = { name: input.name, from_number: input.fromNumberId, tasks };
  if (input.scheduledAt !== null) body.trigger_timestamp = input.scheduledAt.getTime();
  return body;
}
