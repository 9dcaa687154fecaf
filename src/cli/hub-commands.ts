import { HubError, type Client, type OperationName, type Hub, type HubFailure, type HubFindResult, type ProviderId, type RequestOptions } from '../index.js';
import { resourceTable, type ResourceName } from '../core/contract/resource-table.js';
import { pluralOf } from './commands-spec.js';
import type { HubInvocation } from './hub-invocation.js';
import type { CliIo } from './io.js';
import { pageSizeFor, stopHandlerFor } from './list-command.js';
import { resourceWriter } from './output/resource-writer.js';
import type { ItemWriter } from './output/writer.js';
import { ProgressLine, progressEnabled } from './progress.js';
import { exitCodes, platformFailureLine } from './report-error.js';
import { UsageError } from './usage-error.js';
import { awaitWrite, confirmWrite } from './confirm-write.js';
import { routeNumber } from '../hub/route-number.js';
import { withoutControlCharacters } from './output/plain-text.js';

type Item = unknown;

/** A listing of the hub over every platform: `hub.phoneNumbers.list`, `hub.calls.list`, ... */
type HubListing = (params: Record<string, unknown>, options?: RequestOptions) => AsyncIterable<unknown>;

/** The hub's listing of a resource of the table, where the hub has one. */
function hubListingOf(hub: Hub, resource: ResourceName): HubListing | undefined {
  const operations = (hub as unknown as Record<string, { list?: HubListing } | undefined>)[resource];
  return operations?.list?.bind(operations);
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

/**
 * `numbers list --all`, `campaigns list --all`: the items of every platform as their pages arrive.
 * With --limit N the hub takes at most N items of each platform and the first N to arrive are
 * written; every platform still runs to its end or its N, so that a failure is always reported,
 * whatever the timing.
 */
async function listAll(invocation: HubInvocation, hub: Hub, io: CliIo, secrets: readonly string[]): Promise<number> {
  const { spec, limit } = invocation;
  if (!hub.providers.some((provider) => hub.client(provider).supports(spec.operation))) {
    throw new UsageError(`none of the configured platforms (${hub.providers.join(', ')}) offers ${spec.resource} ${spec.action}.`, { spec });
  }
  const listing = hubListingOf(hub, spec.tableResource);
  if (listing === undefined) {
    throw new UsageError(`${spec.resource} list --all is not available: this version's hub lists no ${pluralOf(resourceTable[spec.tableResource].noun)}; use --provider.`, {
      spec,
    });
  }
  const params = {
    ...invocation.filters,
    status: invocation.statuses,
    limit: pageSizeFor(limit),
    ...(limit !== undefined ? { maxItemsPerPlatform: limit } : {}),
  };
  const items = listing(params);
  let failures: readonly HubFailure[] = [];
  const writer = resourceWriter<unknown>(invocation, io, 'list');
  const progress = progressLineOf(invocation, io);
  const unregister = stopHandlerFor(writer, progress);
  let written = 0;
  try {
    for await (const item of items) {
      if (limit !== undefined && written >= limit) continue;
      progress.clear();
      writer.write([item]);
      written += 1;
      progress.items(1, hub.providers.length);
    }
  } catch (error) {
    // The hub yields every item of the platforms that worked, then names those that failed.
    if (!(error instanceof HubError)) throw error;
    failures = error.failures;
  } finally {
    progress.clear();
    unregister();
  }
  return finish(writer, failures, hub, io, secrets);
}

function progressLineOf(invocation: HubInvocation, io: CliIo): ProgressLine {
  const enabled = progressEnabled(io, invocation.output.quiet);
  return new ProgressLine({ stream: io.stderr, enabled, now: io.now, noun: pluralOf(resourceTable[invocation.spec.tableResource].noun) });
}

/** How often the line of `numbers find` says how long it has been searching. */
const findTickMs = 1000;

/** `numbers find <number>`: every match on every platform, then the platforms that could not be searched. */
async function find(invocation: HubInvocation, hub: Hub, io: CliIo, secrets: readonly string[]): Promise<number> {
  const progress = progressLineOf(invocation, io);
  const searching = `searching ${hub.providers.join(', ')} for ${invocation.number}`;
  progress.waiting(searching);
  const ticker = setInterval(() => progress.waiting(searching), findTickMs);
  const writer = resourceWriter<unknown>(invocation, io, 'list');
  const unregister = stopHandlerFor(writer, progress);
  let result;
  try {
    result = await hub.phoneNumbers.findByNumber(invocation.number!, {
      ...(invocation.defaultCountry !== undefined ? { defaultCountry: invocation.defaultCountry } : {}),
    });
  } finally {
    clearInterval(ticker);
    progress.clear();
    unregister();
  }
  const { e164, matches, errors } = result;
  writer.write(matches);
  if (matches.length === 0 && !invocation.output.quiet) {
    const failed = new Set(errors.map((failure) => failure.provider));
    const searched = hub.providers.filter((provider) => !failed.has(provider));
    io.stderr.write(`No number ${e164} on ${searched.length > 0 ? searched.join(', ') : 'any platform: none answered'}.\n`);
  }
  const code = finish(writer, errors, hub, io, secrets);
  // As grep finds no line: a script tests the exit code, not the emptiness of the output.
  return matches.length === 0 ? exitCodes.failure : code;
}

/**
 * `numbers route <number> --agent <id>`: with --yes, routes the number where it is. Otherwise finds
 * it first and asks, naming the platform, the number and its current agent; the answer is given
 * for that search's result, which is then routed as found (the same rules: one match, every
 * platform searched). Writes the number as routed.
 */
async function route(invocation: HubInvocation, hub: Hub, io: CliIo): Promise<number> {
  const { number, agentId, spec } = invocation;
  const options = invocation.defaultCountry !== undefined ? { defaultCountry: invocation.defaultCountry } : {};
  let found: HubFindResult | undefined;
  await confirmWrite(io, invocation.yes, spec, async () => {
    const result = await hub.phoneNumbers.findByNumber(number!, options);
    found = result;
    const match = result.matches.length === 1 && result.errors.length === 0 ? result.matches[0]! : undefined;
    // Not one certain match: the route throws its reason for it (changing nothing), before any question.
    if (match === undefined) await routeNumber(async () => result, clientOf(hub), hub.providers, number!, agentId!);
    return `Route ${match!.number} on ${match!.provider} (id ${match!.id}, now agent ${match!.agentId ?? 'none'}) to agent ${agentId}?`;
  });
  const routed = await awaitWrite(io, `numbers route ${number}`, `voiceplane numbers find "${number}"`, () =>
    found === undefined
      ? hub.phoneNumbers.route(number!, agentId!, options)
      : routeNumber(async () => found!, clientOf(hub), hub.providers, number!, agentId!),
  );
  const writer = resourceWriter<unknown>(invocation, io, 'single');
  writer.write([routed]);
  writer.end();
  if (!invocation.output.quiet) {
    // The number, id and agent are the platform's text: shown, never run by the terminal.
    const [shownNumber, shownId, shownAgent] = [routed.number, routed.id, String(routed.agentId)].map(withoutControlCharacters);
    io.stderr.write(`Routed ${shownNumber} on ${routed.provider} (id ${shownId}) to agent ${shownAgent}.\n`);
  }
  return exitCodes.success;
}

function clientOf(hub: Hub): (provider: ProviderId) => Client<OperationName> {
  return (provider) => hub.client(provider) as Client<OperationName>;
}

/** Runs `--all`, `numbers find` or `numbers route` over the hub: data to stdout, one line per failed platform to stderr. */
export function executeHub(invocation: HubInvocation, hub: Hub, io: CliIo, secrets: readonly string[]): Promise<number> {
  if (invocation.spec.action === 'route') return route(invocation, hub, io);
  return invocation.spec.action === 'find' ? find(invocation, hub, io, secrets) : listAll(invocation, hub, io, secrets);
}
