// `npm start`: the SDK end to end over a local sandbox of all four platforms. No key, no network.
import { parsePhoneNumber } from 'libphonenumber-js/min';
import { createHub, NotFoundError, type Hub, type HubPlatforms, type PhoneNumber, type ProviderId } from '../src/index.js';
import { campaignTableColumns, numberTableColumns } from '../src/cli/output/columns.js';
import { renderTable } from '../src/cli/output/table.js';
import { sandboxProviders, startSandbox } from '../src/testing/index.js';

const numbersPerProvider = 4;

/** The first numbers of every platform, side by side in one list, through one hub over the neutral API. */
async function listNumbers(hub: Hub): Promise<PhoneNumber[]> {
  const firsts = new Map<string, PhoneNumber[]>(hub.providers.map((provider) => [provider, []]));
  for await (const number of hub.phoneNumbers.list({ limit: numbersPerProvider })) {
    const list = firsts.get(number.provider)!;
    if (list.length < numbersPerProvider) list.push(number);
    // Leaving the loop stops every platform's paging: no page beyond the first is fetched.
    if ([...firsts.values()].every((numbers) => numbers.length === numbersPerProvider)) break;
  }
  return hub.providers.flatMap((provider) => firsts.get(provider)!);
}

const heading = (text: string) => console.log(`\n== ${text}\n`);

const sandbox = await startSandbox();
try {
  console.log(`A sandbox of ${sandboxProviders.join(', ')} is listening on ${sandbox.url}.`);
  // Each platform takes what createClient takes; here, the sandbox's address and keys.
  const platforms = Object.fromEntries(
    sandboxProviders.map((provider) => {
      const { provider: _provider, ...options } = sandbox.clientOptions(provider);
      return [provider, options];
    }),
  ) as HubPlatforms;
  const hub = createHub(platforms);

  heading(`Phone numbers: the first ${numbersPerProvider} of each platform, through one hub`);
  const numbers = await listNumbers(hub);
  process.stdout.write(renderTable(numberTableColumns, numbers));

  heading('One number, found in another spelling');
  const wanted = numbers.find((number) => number.provider === 'vox' && number.e164 !== null)!;
  const spelling = parsePhoneNumber(wanted.e164!).formatInternational();
  const found = await hub.phoneNumbers.findByNumber(spelling);
  for (const match of found.matches) {
    console.log(`"${spelling}" is ${found.e164}: on ${match.provider} as ${match.number} (${match.id}), answered by agent ${match.agentId ?? 'none'}.`);
  }

  heading('One campaign');
  // The first campaign whose platform spells its status in a word of its own, to show the mapping.
  for await (const first of hub.campaigns.list()) {
    if (first.status.raw === null || first.status.raw === first.status.unified) continue;
    const campaign = await hub.client(first.provider as ProviderId).campaigns.get!(first.id);
    process.stdout.write(renderTable(campaignTableColumns, [campaign]));
    console.log(`\n${campaign.provider} calls it ${JSON.stringify(campaign.status.raw)}; every platform's word maps to "${campaign.status.unified}".`);
    break;
  }

  heading('A typed error, handled');
  try {
    await hub.client('vox').phoneNumbers.get('num_does_not_exist');
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.log(`Caught ${error.name} from ${error.provider} (HTTP ${error.status}):`);
    console.log(`  ${error.message}`);
  }
  const generic = hub.client('generic');
  console.log(`\n${generic.provider} supports phoneNumbers.get? ${generic.supports('phoneNumbers.get')}: ask before calling.`);
} finally {
  await sandbox.close();
}
console.log('\nSandbox closed. Try the command line: npx tsx src/cli/index.ts numbers list --all --sandbox');
