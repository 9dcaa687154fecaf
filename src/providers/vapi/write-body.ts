import { describeValue, givenPatchFields, isPlainObject, refuser } from '../../provider.js';
import type { CheckedCampaignInput } from '../../provider.js';
import { clearedValue, providerId } from './wire-assumptions.js';

const updateFields = ['agentId', 'label'];
/** Documented: a number's `name` is at most 40 characters. */
const maxLabelLength = 40;

/**
 * The body of `PATCH /phone-number/{id}`. Only the fields given are sent (Vapi refuses unknown
 * properties): `agentId` as `assistantId` (null unlinks the assistant, workflow and squad alike),
 * `label` as `name`. Anything else is refused, never dropped.
 */
export function updateBody(patch: unknown): Record<string, unknown> {
  const fail = refuser(providerId, 'phoneNumbers.update');
  const { agentId, label } = givenPatchFields(providerId, patch, updateFields);
  const body: Record<string, unknown> = {};
  if (agentId === null) {
    // Vapi routes a number to one of three kinds of agent: unlinking clears all three.
    body.assistantId = clearedValue;
    body.workflowId = clearedValue;
    body.squadId = clearedValue;
  } else if (agentId !== undefined) {
    if (typeof agentId !== 'string' || agentId.trim() === '') {
      throw fail(`agentId must be a non-empty assistant id, or null to unlink (got ${describeValue(agentId)}).`);
    }
    body.assistantId = agentId;
  }
  if (label !== undefined) {
    // The document gives `name` no null; an empty text is the closest to clearing it.
    if (label !== null && typeof label !== 'string') throw fail(`label must be a text, or null to clear it (got ${describeValue(label)}).`);
    const name = label ?? '';
    if (name.length > maxLabelLength) throw fail(`label is ${name.length} characters long; Vapi keeps at most ${maxLabelLength}.`);
    body.name = name;
  }
  return body;
}

/** The body of `POST /v2/campaign` for a checked input: only what was given, in Vapi's names. */
export function createBody(input: CheckedCampaignInput): Record<string, unknown> {
  return {
    name: input.name,
    assistantId: input.agentId,
    phoneNumberId: input.fromNumberId,
    customers: input.recipients.map((recipient) =>
      Object.keys(recipient.variables).length === 0
        ? { number: recipient.e164 }
        : { number: recipient.e164, assistantOverrides: { variableValues: recipient.variables } },
    ),
    ...(input.scheduledAt === null ? {} : { schedulePlan: { earliestAt: input.scheduledAt.toISOString() } }),
    ...(input.concurrency === null ? {} : { maxConcurrency: input.concurrency }),
  };
}

/**
 * The fields a create cannot go without, all named at once (the kit's checks stop at the first):
 * a create without them is refused before any request.
 */
export function missingCreateFields(input: unknown): string[] {
  if (!isPlainObject(input)) return [];
  const missing: string[] = [];
  for (const field of ['name', 'agentId', 'fromNumberId']) {
    const value = input[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) missing.push(field);
  }
  const recipients = input.recipients;
  if (recipients === undefined || recipients === null || (Array.isArray(recipients) && recipients.length === 0)) missing.push('recipients');
  return missing;
}
