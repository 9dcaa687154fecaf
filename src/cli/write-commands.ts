import type { Campaign, CampaignRecipient, Client as ClientOffering, OperationName, PhoneNumber, UpdatePhoneNumberInput } from '../index.js';
import { awaitWrite, confirmWrite } from './confirm-write.js';
import type { CliIo } from './io.js';
import type { Invocation } from './invocation.js';
import { resourceWriter } from './output/resource-writer.js';

/** The client a command was given; the command checked `supports()` before calling an operation. */
type Client = ClientOffering<OperationName>;

// The commands that change something: each asks (or needs --yes) after looking its target up, and
// says, if interrupted while its request waits, that the change may have happened all the same.

function writeOne(invocation: Invocation, io: CliIo, item: PhoneNumber | Campaign): void {
  const writer = resourceWriter(invocation, io, 'single');
  writer.write([item]);
  writer.end();
}

const shown = (value: string | null | undefined) => (value === null || value === undefined ? 'none' : `"${value}"`);

/** A number as a person recognises it: its number, id, agent and label. */
function describeNumber(number: PhoneNumber): string {
  const label = number.label !== null ? `, label ${shown(number.label)}` : '';
  return `${number.number} (id ${number.id}, agent ${number.agentId ?? 'none'}${label})`;
}

/** The number behind an id as the platform has it now, where the platform can say; `null` where it cannot. */
async function lookUpNumber(client: Client, id: string): Promise<PhoneNumber | null> {
  return client.supports('phoneNumbers.get') ? client.phoneNumbers.get(id) : null;
}

function checkNumber(invocation: Invocation, client: Client): string {
  const { id, provider } = invocation;
  return client.supports('phoneNumbers.get') ? `voiceplane numbers get ${id} -p ${provider}` : `voiceplane numbers list -p ${provider}`;
}

/** What an update changes, each field from what it is now to what it will be. */
function changesOf(patch: UpdatePhoneNumberInput, now: PhoneNumber | null): string {
  const from = (value: string) => (now === null ? '' : `${value} -> `);
  const changes: string[] = [];
  if (patch.agentId !== undefined) changes.push(`agent ${from(now?.agentId ?? 'none')}${patch.agentId ?? 'none (unlinked)'}`);
  if (patch.label !== undefined) changes.push(`label ${from(shown(now?.label))}${patch.label === null ? 'none (cleared)' : shown(patch.label)}`);
  if (patch.status !== undefined) changes.push(`status ${from(now?.status.unified ?? 'unknown')}${patch.status}`);
  return changes.join(', ');
}

/** `numbers create`: says what it adds, asks, creates, and writes the number. */
export async function createNumber(invocation: Invocation, client: Client, io: CliIo): Promise<void> {
  const input = invocation.create!;
  const { provider, spec } = invocation;
  const label = input.label !== undefined ? ` with label ${shown(input.label)}` : '';
  await confirmWrite(io, invocation.yes, spec, () => `Add phone number ${input.number} on ${provider}, linked to agent ${input.agentId}${label}?`);
  const created = await awaitWrite(io, `numbers create ${input.number}`, `voiceplane numbers list -p ${provider}`, () => client.phoneNumbers.create(input));
  writeOne(invocation, io, created);
}

/** `numbers update <id>`: looks the number up, says what changes from what, asks, updates, and writes the number. */
export async function updateNumber(invocation: Invocation, client: Client, io: CliIo): Promise<void> {
  const { id, provider, spec } = invocation;
  const patch = invocation.update!;
  await confirmWrite(io, invocation.yes, spec, async () => {
    const now = await lookUpNumber(client, id!);
    return `Change phone number ${now ? describeNumber(now) : id} on ${provider}: ${changesOf(patch, now)}?`;
  });
  const updated = await awaitWrite(io, `numbers update ${id}`, checkNumber(invocation, client), () => client.phoneNumbers.update(id!, patch));
  writeOne(invocation, io, updated);
}

/** `numbers delete <id>`: looks the number up, asks, removes it; a line on stderr says it was done. */
export async function deleteNumber(invocation: Invocation, client: Client, io: CliIo): Promise<void> {
  const { id, provider, spec } = invocation;
  await confirmWrite(io, invocation.yes, spec, async () => {
    const now = await lookUpNumber(client, id!);
    return `Remove phone number ${now ? describeNumber(now) : id} from ${provider}, for good?`;
  });
  await awaitWrite(io, `numbers delete ${id}`, checkNumber(invocation, client), () => client.phoneNumbers.delete(id!));
  if (!invocation.output.quiet) io.stderr.write(`Deleted phone number ${id} on ${provider}.\n`);
}

const pastTense = { pause: 'Paused', resume: 'Resumed', cancel: 'Cancelled' } as const;
export type LifecycleAction = keyof typeof pastTense;

/** `campaigns pause|resume|cancel <id>`: looks the campaign up (name, status), asks, sends the one request; a line on stderr says it was done. */
export async function campaignLifecycle(invocation: Invocation, client: Client, io: CliIo, action: LifecycleAction): Promise<void> {
  const { id, provider, spec } = invocation;
  const forGood = action === 'cancel' ? ' for good (no further calls are placed)' : '';
  await confirmWrite(io, invocation.yes, spec, async () => {
    const campaign = client.supports('campaigns.get') ? await client.campaigns.get(id!) : null;
    const what = campaign ? `"${campaign.name}" (id ${campaign.id}, ${campaign.status.unified})` : id;
    return `${action[0]!.toUpperCase()}${action.slice(1)} campaign ${what} on ${provider}${forGood}?`;
  });
  const check = client.supports('campaigns.get') ? `voiceplane campaigns get ${id} -p ${provider}` : `voiceplane campaigns list -p ${provider}`;
  await awaitWrite(io, `campaigns ${action} ${id}`, check, () => client.campaigns[action](id!));
  if (!invocation.output.quiet) io.stderr.write(`${pastTense[action]} campaign ${id} on ${provider}.\n`);
}

/** `campaigns create`: says what it is about to launch, asks, creates, and writes the campaign. */
export async function createCampaign(invocation: Invocation, client: Client, io: CliIo, recipients: CampaignRecipient[]): Promise<void> {
  const { recipientsSource, ...campaign } = invocation.campaign!;
  const { provider, spec } = invocation;
  const when = campaign.scheduledAt ? `at ${campaign.scheduledAt.toISOString()}` : 'now';
  await confirmWrite(
    io,
    invocation.yes,
    spec,
    () =>
      `Launch campaign "${campaign.name}" on ${provider} ${when}: ${recipients.length} recipient${recipients.length === 1 ? '' : 's'} ` +
      `from ${recipientsSource === '-' ? 'stdin' : recipientsSource}, calling from number ${campaign.fromNumberId} with agent ${campaign.agentId}?`,
  );
  const created = await awaitWrite(io, `campaigns create "${campaign.name}"`, `voiceplane campaigns list -p ${provider}`, () =>
    client.campaigns.create({ ...campaign, recipients }),
  );
  writeOne(invocation, io, created);
}
