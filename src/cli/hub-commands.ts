import type { Campaign, CampaignListParams, Client, Hub, HubFailure, Page, PhoneNumber, PhoneNumberListParams } from '../index.js';
import { mergeSources, type PageSource } from '../hub/merge-sources.js';
import { hubConcurrency } from './hub-connect.js';
import type { HubInvocation } from './hub-invocation.js';
import type { CliIo } from './io.js';
import { pageSizeFor } from './list-command.js';
import { campaignCsvColumns, campaignTableColumns, numberCsvColumns, numberTableColumns } from './output/columns.js';
import { createWriter, type ItemWriter, type WriterOptions } from './output/writer.js';
import { exitCodes, platformFailureLine } from './report-error.js';
import { UsageError } from './usage-error.js';

type Item = PhoneNumber | Campaign;

function writerFor(invocation: HubInvocation, io: CliIo): ItemWriter<Item> {
  const columns =
    invocation.spec.resource === 'numbers'
      ? { tableColumns: numberTableColumns, csvColumns: numberCsvColumns }
      : { tableColumns: campaignTableColumns, csvColumns: campaignCsvColumns };
  return createWriter({
    format: invocation.format,
    shape: 'list',
    out: io.stdout,
    ...(columns as Pick<WriterOptions<Item>, 'tableColumns' | 'csvColumns'>),
  });
}

/**
 * Ends the output and reports the platforms that failed, one line each in the hub's order, and
 * returns the exit code. A JSON array stays unclosed after a failure, as for one platform, so that
 * no program takes the items of some platforms for those of all; ndjson and csv hold them whole.
 */
function finish(writer: ItemWriter<Item>, failures: readonly HubFailure[], hub: Hub, io: CliIo, secrets: readonly string[]): number {
  if (failures.length === 0) {
    writer.end();
    return exitCodes.success;
  }
  writer.abort();
  const order = (failure: HubFailure) => hub.providers.indexOf(failure.provider as never);
  for (const { provider, error } of [...failures].sort((a, b) => order(a) - order(b))) {
    io.stderr.write(platformFailureLine(provider, error, secrets));
  }
  return exitCodes.failure;
}

/** One platform's pages, ending once `cap` items came: no platform is asked for more than the whole limit. */
async function* capped<T>(pages: AsyncIterable<Page<T>>, cap: number | undefined): AsyncGenerator<Page<T>> {
  let count = 0;
  for await (const page of pages) {
    yield page;
    count += page.items.length;
    if (cap !== undefined && count >= cap) return;
  }
}

/**
 * `numbers list --all`, `campaigns list --all`: the items of every platform as their pages arrive.
 * With --limit N each platform stops at N items and the first N to arrive are written; every
 * platform still runs to its end or its N, so that a failure is always reported, whatever the timing.
 */
async function listAll(invocation: HubInvocation, hub: Hub, io: CliIo, secrets: readonly string[]): Promise<number> {
  const { spec, limit } = invocation;
  const params = { status: invocation.statuses, limit: pageSizeFor(limit) };
  const list = (client: Client): AsyncIterable<Page<Item>> =>
    spec.resource === 'numbers'
      ? client.phoneNumbers.list(params as PhoneNumberListParams).pages()
      : client.campaigns.list(params as CampaignListParams).pages();
  const listing = hub.providers.filter((provider) => hub.client(provider).supports(spec.operation));
  if (listing.length === 0) {
    throw new UsageError(`none of the configured platforms (${hub.providers.join(', ')}) offers ${spec.resource} ${spec.action}.`, { spec });
  }
  const sources: PageSource<Item>[] = listing.map((provider) => ({ provider, pages: () => capped(list(hub.client(provider)), limit) }));
  const failures: HubFailure[] = [];
  const writer = writerFor(invocation, io);
  let written = 0;
  for await (const item of mergeSources(sources, hubConcurrency, failures)) {
    if (limit !== undefined && written >= limit) continue;
    writer.write([item]);
    written += 1;
  }
  return finish(writer, failures, hub, io, secrets);
}

/** `numbers find <number>`: every match on every platform, then the platforms that could not be searched. */
async function find(invocation: HubInvocation, hub: Hub, io: CliIo, secrets: readonly string[]): Promise<number> {
  const { e164, matches, errors } = await hub.phoneNumbers.findByNumber(invocation.number!, {
    ...(invocation.defaultCountry !== undefined ? { defaultCountry: invocation.defaultCountry } : {}),
  });
  const writer = writerFor(invocation, io);
  writer.write(matches);
  if (matches.length === 0) {
    const failed = new Set(errors.map((failure) => failure.provider));
    const searched = hub.providers.filter((provider) => !failed.has(provider));
    io.stderr.write(`No number ${e164} on ${searched.length > 0 ? searched.join(', ') : 'any platform: none answered'}.\n`);
  }
  return finish(writer, errors, hub, io, secrets);
}

/** Runs `--all` or `numbers find` over the hub: data to stdout, one line per failed platform to stderr. */
export function executeHub(invocation: HubInvocation, hub: Hub, io: CliIo, secrets: readonly string[]): Promise<number> {
  return invocation.spec.action === 'find' ? find(invocation, hub, io, secrets) : listAll(invocation, hub, io, secrets);
}
