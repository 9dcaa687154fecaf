import type { CampaignRecipient, Client as ClientOffering, OperationName, PhoneNumber, UpdatePhoneNumberInput } from '../index.js';
import { resourceTable } from '../core/contract/resource-table.js';
import { cliDetailsOf } from './command-details.js';
import { awaitWrite, confirmWrite } from './confirm-write.js';
import type { CliIo } from './io.js';
import type { Invocation } from './invocation.js';
import { writeOne } from './output/write-one.js';
import { withoutControlCharacters } from './output/plain-text.js';

/** The client a command was given; the command checked `supports()` before calling an operation. */
type Client = ClientOffering<OperationName>;

// The commands that change something: each asks (or needs --yes) after looking its target up, and
// says, if interrupted while its request waits, that the change may have happened all the same.

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

/** The operations of one resource of a client, by short name. */
type ResourceOperations = Record<string, ((id: string) => Promise<unknown>) | undefined>;

/** An object as a person recognises it: `"Spring renewals" (id cmp_9, running)`, or its id where the platform cannot say more. */
function describeOne(id: string, found: unknown): string {
  const { name, status } = (found ?? {}) as { name?: unknown; status?: { unified?: unknown } };
  if (typeof name !== 'string') return id;
  const state = typeof status?.unified === 'string' ? `, ${status.unified}` : '';
  return `"${name}" (id ${id}${state})`;
}

/**
 * An action on one object by its id (`campaigns pause|resume|cancel|retry <id>`, and any such
 * operation the table gains): looks the object up where the platform can (name, status), asks,
 * sends the one request; a line on stderr says it was done.
 */
export async function actOnOne(invocation: Invocation, client: Client, io: CliIo): Promise<void> {
  const { id, provider, spec } = invocation;
  const operations = (client as unknown as Record<string, ResourceOperations>)[spec.tableResource]!;
  const { noun } = resourceTable[spec.tableResource];
  const details = cliDetailsOf(spec.operation);
  const readable = client.supports(`${spec.tableResource}.get` as OperationName);
  await confirmWrite(io, invocation.yes, spec, async () => {
    const found = readable ? await operations.get!(id!) : null;
    const verb = `${spec.action[0]!.toUpperCase()}${spec.action.slice(1)}`;
    return `${verb} ${noun} ${describeOne(id!, found)} on ${provider}${details?.consequence ?? ''}?`;
  });
  const check = readable ? `voiceplane ${spec.resource} get ${id} -p ${provider}` : `voiceplane ${spec.resource} list -p ${provider}`;
  await awaitWrite(io, `${spec.resource} ${spec.action} ${id}`, check, () => operations[spec.action]!(id!));
  if (!invocation.output.quiet) {
    const done = details?.done ?? `Done: ${spec.action}`;
    io.stderr.write(`${done} ${noun} ${withoutControlCharacters(id!)} on ${provider}.\n`);
  }
}

/**
 * `calls create`: says which agent will call which number from which of your numbers, asks,
 * places the one call (never sent twice), and writes the call as the platform reports it.
 */
export async function createCall(invocation: Invocation, client: Client, io: CliIo): Promise<void> {
  const input = invocation.call!;
  const { provider, spec } = invocation;
  await confirmWrite(io, invocation.yes, spec, () => `Place a call on ${provider} to ${input.to} from number ${input.fromNumberId}, with agent ${input.agentId}?`);
  const check = `voiceplane calls list -p ${provider}${client.supports('calls.list') ? ` --agent ${input.agentId}` : ''}`;
  const call = await awaitWrite(io, `calls create ${input.to}`, check, () => client.calls.create(input));
  writeOne(invocation, io, call);
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
