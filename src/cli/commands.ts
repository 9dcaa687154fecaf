import type { Campaign, CampaignListParams, CampaignRecipient, Client as ClientOffering, OperationName, PhoneNumber, PhoneNumberListParams } from '../index.js';
import { commandOf, commandSpecs } from './commands-spec.js';
import type { CliIo } from './io.js';
import type { Invocation } from './invocation.js';
import { pageSizeFor, writePages } from './list-command.js';
import { resourceWriter } from './output/resource-writer.js';
import { ProgressLine, progressEnabled } from './progress.js';
import { UsageError } from './usage-error.js';
import { campaignLifecycle, createCampaign, createNumber, deleteNumber, updateNumber, type LifecycleAction } from './write-commands.js';

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
  const writer = resourceWriter(invocation, io, 'single');
  writer.write([item]);
  writer.end();
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
    await writePages<PhoneNumber | Campaign>(pages, resourceWriter(invocation, io, 'list'), progress, invocation.limit);
    return;
  }
  switch (`${spec.resource} ${spec.action}`) {
    case 'numbers get':
      return writeOne(invocation, io, await numbers.get(id!));
    case 'numbers create':
      return createNumber(invocation, client, io);
    case 'numbers update':
      return updateNumber(invocation, client, io);
    case 'numbers delete':
      return deleteNumber(invocation, client, io);
    case 'campaigns get':
      return writeOne(invocation, io, await client.campaigns.get(id!));
    case 'campaigns create':
      return createCampaign(invocation, client, io, recipients);
    case 'campaigns pause':
    case 'campaigns resume':
    case 'campaigns cancel':
      return campaignLifecycle(invocation, client, io, spec.action as LifecycleAction);
  }
}
