import type { CampaignRecipient, Client as ClientOffering, OperationName, Page, PagePromise } from '../index.js';
import { operationRow, resourceTable } from '../core/contract/resource-table.js';
import { commandOf, commandSpecs, pluralOf } from './commands-spec.js';
import type { CliIo } from './io.js';
import type { Invocation } from './invocation.js';
import { pageSizeFor, writePages } from './list-command.js';
import { resourceWriter } from './output/resource-writer.js';
import { writeOne } from './output/write-one.js';
import { ProgressLine, progressEnabled } from './progress.js';
import { UsageError } from './usage-error.js';
import { actOnOne, createCall, createCampaign, createNumber, deleteNumber, updateNumber } from './write-commands.js';

/** A client whose every operation is there: each command checks `supports()` before calling one. */
type Client = ClientOffering<OperationName>;

/** One resource of a client, reached by its table name: its operations by short name. */
type ResourceOperations = Record<string, (...args: unknown[]) => unknown>;

/** The operations of the invocation's resource on the client. */
export function operationsOf(client: Client, invocation: Invocation): ResourceOperations {
  return (client as unknown as Record<string, ResourceOperations>)[invocation.spec.tableResource]!;
}

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

/** A list subcommand: every page of the operation, filtered as asked, streamed to the writer. */
async function list(invocation: Invocation, client: Client, io: CliIo): Promise<void> {
  // Statuses were checked against the operation's own list in toInvocation.
  const params = { ...invocation.filters, status: invocation.statuses, limit: pageSizeFor(invocation.limit) };
  const pages = (operationsOf(client, invocation).list!(params) as PagePromise<unknown>).pages() as AsyncIterable<Page<unknown>>;
  const progress = new ProgressLine({
    stream: io.stderr,
    enabled: progressEnabled(io, invocation.output.quiet),
    now: io.now,
    noun: pluralOf(resourceTable[invocation.spec.tableResource].noun),
  });
  await writePages<unknown>(pages, resourceWriter<unknown>(invocation, io, 'list'), progress, invocation.limit);
}

/** Runs one checked subcommand against a client: data to stdout, everything else to stderr. */
export async function execute(invocation: Invocation, client: Client, io: CliIo, recipients: CampaignRecipient[] = []): Promise<void> {
  checkSupported(invocation, client);
  const { spec, id } = invocation;
  switch (spec.operation) {
    case 'phoneNumbers.create':
      return createNumber(invocation, client, io);
    case 'phoneNumbers.update':
      return updateNumber(invocation, client, io);
    case 'phoneNumbers.delete':
      return deleteNumber(invocation, client, io);
    case 'campaigns.create':
      return createCampaign(invocation, client, io, recipients);
    case 'calls.create':
      return createCall(invocation, client, io);
    case 'agents.get':
      return writeOne(invocation, io, await client.agents.get(id!, invocation.withPrompt ? { withPrompt: true } : undefined));
  }
  // The rest follow from the operation's kind in the table: a list, a read of one, an action on one.
  const { kind } = operationRow(spec.operation);
  if (kind === 'list') return list(invocation, client, io);
  if (!spec.writes) return writeOne(invocation, io, await operationsOf(client, invocation)[spec.action]!(id!));
  return actOnOne(invocation, client, io);
}
