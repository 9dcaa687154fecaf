import { describeValue, givenPatchFields, refuser } from '../../provider.js';
import type { CheckedCampaignInput } from '../../provider.js';
import { agentMappingField, agentVersion, createField, taskField } from './wire-assumptions.js';

/** Korea's calling code: vox dials Korean numbers, written in domestic form. */
const koreanCallingCode = '+82';

/**
 * Each recipient's number in the form vox takes, domestic digits without hyphens (`01012345678`),
 * whatever spelling the caller used: vox answers 400 to `010-1234-5678`. A number outside Korea has
 * no domestic form and is refused before any request.
 */
export function voxRecipientNumbers(input: CheckedCampaignInput): string[] {
  const fail = refuser('vox', 'campaigns.create');
  return input.recipients.map((recipient, index) => {
    if (!recipient.e164.startsWith(koreanCallingCode)) {
      throw fail(
        `recipients[${index}].number ${describeValue(recipient.given)} is ${recipient.e164}, outside Korea: ` +
          'vox calls Korean numbers, written in domestic digits. Nothing was sent.',
      );
    }
    return `0${recipient.e164.slice(koreanCallingCode.length)}`;
  });
}

/**
 * The body of `POST /v3/campaigns` for a checked input. `fromNumber` is the domestic digits of the
 * number whose id the caller gave, `toNumbers` the recipients' (`voxRecipientNumbers`). A field the
 * input does not give is left out, never sent as null.
 */
export function voxCreateBody(input: CheckedCampaignInput, fromNumber: string, toNumbers: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {
    [createField.name]: input.name,
    [createField.agent]: { agent_id: input.agentId, agent_version: agentVersion },
    [createField.fromNumber]: fromNumber,
    [createField.tasks]: input.recipients.map((recipient, index) => ({
      [taskField.toNumber]: toNumbers[index],
      ...(Object.keys(recipient.variables).length > 0 ? { [taskField.variables]: recipient.variables } : {}),
    })),
  };
  if (input.scheduledAt !== null) body[createField.scheduledAt] = input.scheduledAt.getTime();
  if (input.concurrency !== null) body[createField.concurrency] = input.concurrency;
  return body;
}

/**
 * The body of `PATCH .../{id}/agent` for a neutral patch. vox changes a number's agent here and
 * nothing else (its memo lives behind the SIP settings of custom numbers, its status cannot be
 * set), so any other field is refused rather than dropped; `agentId: null` clears the agent.
 */
export function voxAgentMappingBody(patch: unknown): Record<string, unknown> {
  const fail = refuser('vox', 'phoneNumbers.update');
  const { agentId } = givenPatchFields('vox', patch, ['agentId']);
  if (agentId === null) return { [agentMappingField]: null };
  if (typeof agentId !== 'string' || agentId.trim() === '') {
    throw fail(`agentId must be a non-empty agent id, or null to unlink the agent (got ${describeValue(agentId)}).`);
  }
  return { [agentMappingField]: { agent_id: agentId, agent_version: agentVersion } };
}
