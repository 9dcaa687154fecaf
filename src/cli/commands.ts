import type { Campaign, CampaignListParams, CampaignRecipient, Client as ClientOffering, OperationName, PhoneNumber, PhoneNumberListParams } from '../index.js';
import { confirmWrite } from './confirm-write.js';
import { commandOf, commandSpecs } from './commands-spec.js';
import type { CliIo } from './io.js';
import type { Invocation } from './invocation.js';
import { pageSizeFor, writePages } from './list-command.js';
import { resourceWriter } from './output/resource-writer.js';
import { ProgressLine, progressEnabled } from './progress.js';
import { UsageError } from './usage-error.js';

/** A client whose every operation is there: each command checks `supports()` before calling one. */
type Client = ClientOffering<OperationName>;

/** Refuses, as a usage error, a subcommand the provider does not offer, naming what it does offer. */
function checkSupported(invocation: Invocation, client: ClientOffering): void {
  const { spec, provider } = invocation;
  if (client.supports(spec.operation)) return;
  // A Set: `numbers find` runs on phoneNumbers.list too, and names no operation of its own.
  const offered = new Set(
    commandSpecs
      .map((candidate) => candidate.operation)
      .filter((operation: OperationName) => client.supports(operation))
      .map(commandOf),
  );
  throw new UsageError(`${provider} does not offer ${commandOf(spec.operation)}; ${provider} offers: ${[...offered].join(', ')}.`, {
    spec,
  });
}

function writeOne(invocation: Invocation, io: CliIo, item: PhoneNumber | Campaign): void {
  const writer = resourceWriter(invocation, io.stdout, 'single', io.stdoutColumns);
  writer.write([item]);
  writer.end();
}

const pastTense = { pause: 'Paused', resume: 'Resumed', cancel: 'Cancelled' } as const;

/** `campaigns pause|resume|cancel <id>`: asks, then sends the one request; a line on stderr says it was done. */
async function lifecycle(invocation: Invocation, client: Client, io: CliIo, action: keyof typeof pastTense): Promise<void> {
  const { id, provider, spec } = invocation;
  const forGood = action === 'cancel' ? ' for good (no further calls are placed)' : '';
  await confirmWrite(io, invocation.yes, `${action[0]!.toUpperCase()}${action.slice(1)} campaign ${id} on ${provider}${forGood}?`, spec);
  await client.campaigns[action](id!);
  if (!invocation.output.quiet) io.stderr.write(`${pastTense[action]} campaign ${id} on ${provider}.\n`);
}

/** `campaigns create`: says what it is about to launch, asks, creates, and writes the campaign. */
async function createCampaign(invocation: Invocation, client: Client, io: CliIo, recipients: CampaignRecipient[]): Promise<void> {
  const { recipientsSource, ...campaign } = invocation.campaign!;
  const when = campaign.scheduledAt ? `at ${campaign.scheduledAt.toISOString()}` : 'now';
  await confirmWrite(
    io,
    invocation.yes,
    `Launch campaign "${campaign.name}" on ${invocation.provider} ${when}: ${recipients.length} recipient${recipients.length === 1 ? '' : 's'} ` +
      `from ${recipientsSource === '-' ? 'stdin' : recipientsSource}, calling from number ${campaign.fromNumberId} with agent ${campaign.agentId}?`,
    invocation.spec,
  );
  writeOne(invocation, io, await client.campaigns.create({ ...campaign, recipients }));
}

/** Runs one checked subcommand against a client: data to stdout, everything else to stderr. */
export async function execute(invocation: Invocation, client: Client, io: CliIo, recipients: CampaignRecipient[] = []): Promise<void> {
  checkSupported(invocation, client);
  const { spec, id } = invocation;
  const numbers = client.phoneNumbers;

  if (spec.action === 'list') {
    // Statuses were checked against the resource's own list in toInvocation.
    const params = { status: invocation.statuses, limit: pageSizeFor(invocation.limit) };
    const pages =
      spec.resource === 'numbers'
        ? numbers.list(params as PhoneNumberListParams).pages()
        : client.campaigns.list(params as CampaignListParams).pages();
    const progress = new ProgressLine({
      stream: io.stderr,
      enabled: progressEnabled(io, invocation.output.quiet),
      now: io.now,
      noun: spec.resource === 'numbers' ? 'phone numbers' : 'campaigns',
    });
    await writePages<PhoneNumber | Campaign>(pages, resourceWriter(invocation, io.stdout, 'list', io.stdoutColumns), progress, invocation.limit);
    return;
  }
  switch (`${spec.resource} ${spec.action}`) {
    case 'numbers get':
      return writeOne(invocation, io, await numbers.get(id!));
    case 'numbers create':
      return writeOne(invocation, io, await numbers.create(invocation.create!));
    case 'numbers update':
      return writeOne(invocation, io, await numbers.update(id!, invocation.update!));
    case 'numbers delete':
      await numbers.delete(id!);
      if (!invocation.output.quiet) io.stderr.write(`Deleted phone number ${id} on ${invocation.provider}.\n`);
      return;
    case 'campaigns get':
      return writeOne(invocation, io, await client.campaigns.get(id!));
    case 'campaigns create':
      return createCampaign(invocation, client, io, recipients);
    case 'campaigns pause':
    case 'campaigns resume':
    case 'campaigns cancel':
      return lifecycle(invocation, client, io, spec.action as keyof typeof pastTense);
  }
}
