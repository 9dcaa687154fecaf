// `npm start`: the SDK end to end over a local sandbox of all four platforms. No key, no network.
import { createClient, NotFoundError, type Client, type PhoneNumber, type ProviderId } from '../src/index.js';
import { campaignTableColumns, numberTableColumns } from '../src/cli/output/columns.js';
import { renderTable } from '../src/cli/output/table.js';
import { startSandbox } from '../src/testing/index.js';

const providerIds: ProviderId[] = ['vox', 'vogent', 'generic', 'numbers-assignment'];
const numbersPerProvider = 4;

/** The first numbers of every platform, side by side in one list, through the one neutral API. */
async function listNumbers(clients: readonly Client[]): Promise<PhoneNumber[]> {
  const pages = await Promise.all(clients.map((client) => client.phoneNumbers.list({ limit: numbersPerProvider })));
  return pages.flatMap((page) => page.items);
}

const heading = (text: string) => console.log(`\n== ${text}\n`);

const sandbox = await startSandbox();
try {
  console.log(`A sandbox of ${providerIds.join(', ')} is listening on ${sandbox.url}.`);
  // One type for every platform: the code below never asks which one it holds.
  const clients: Client[] = providerIds.map((provider) => createClient(sandbox.clientOptions(provider)));

  heading(`Phone numbers: the first ${numbersPerProvider} of each platform`);
  process.stdout.write(renderTable(numberTableColumns, await listNumbers(clients)));

  heading('One campaign');
  const campaigns = clients.find((client) => client.supports('campaigns.list'))!;
  const [first] = (await campaigns.campaigns.list({ limit: 1 })).items;
  if (first) {
    const campaign = await campaigns.campaigns.get(first.id);
    process.stdout.write(renderTable(campaignTableColumns, [campaign]));
    console.log(`\n${campaign.provider} calls it ${JSON.stringify(campaign.status.raw)}; every platform's word maps to "${campaign.status.unified}".`);
  }

  heading('A typed error, handled');
  const vox = clients[0]!;
  try {
    await vox.phoneNumbers.get('num_does_not_exist');
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.log(`Caught ${error.name} from ${error.provider} (HTTP ${error.status}):`);
    console.log(`  ${error.message}`);
  }
  const generic = clients[2]!;
  console.log(`\n${generic.provider} supports phoneNumbers.get? ${generic.supports('phoneNumbers.get')}: ask before calling.`);
} finally {
  await sandbox.close();
}
console.log('\nSandbox closed. Try the command line: npx tsx src/cli/index.ts numbers list --provider vox --sandbox');
