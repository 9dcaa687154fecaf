// `npx tsx bench/check-lists.ts [items] [platform]` (after `npm run build`): checks the long lists the
// benchmark serves. For each platform, every listing (numbers, and campaigns where supported) is read
// through the SDK twice with an in-memory fetch: once from the double over the bench's list, whose
// filter and sort remember their answers, and once from the same double over plain arrays of the same
// records. The two must give the same items in the same order, and no two items of a listing may share
// an id or a number. Exits 1 on the first difference.
import { loadSdk } from './listings.js';
import { benchApiKey, benchDouble, pageSize, platformIds, providerOptions } from './platforms.js';
import type { SandboxPlatform } from '../src/core/sandbox/double.js';

const sdk = await loadSdk();
const total = Number(process.argv[2] ?? 10_000);
const only = process.argv[3];
const baseUrl = 'https://in-memory.example/base';
const listings = ['phoneNumbers', 'campaigns'] as const;

async function itemsOf(id: string, double: SandboxPlatform, listing: (typeof listings)[number]): Promise<Record<string, unknown>[] | null> {
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    return double.handle(request, url.pathname.slice('/base'.length), url.searchParams);
  };
  const options = { provider: id, apiKey: benchApiKey, baseUrl, ...providerOptions(id), fetch };
  const client = sdk.createClient(options as Parameters<typeof sdk.createClient>[0]);
  if (!client.supports(`${listing}.list`)) return null;
  const items: Record<string, unknown>[] = [];
  for await (const item of client[listing].list({ limit: pageSize })) items.push(item as unknown as Record<string, unknown>);
  return items;
}

let failed = false;
for (const id of only ? [only] : platformIds) {
  for (const listing of listings) {
    let remembered: Record<string, unknown>[] | null;
    let plain: Record<string, unknown>[] | null;
    try {
      remembered = await itemsOf(id, await benchDouble(id, total), listing);
      if (remembered === null) continue;
      plain = await itemsOf(id, await benchDouble(id, total, { plainArrays: true }), listing);
    } catch (error) {
      // A list the platform answers in one page may be more than the SDK reads in one answer.
      process.stdout.write(`${id} ${listing}: not listed (${(error as Error).message})\n`);
      continue;
    }
    const problems: string[] = [];
    const ids = remembered.map((item) => item.id);
    if (JSON.stringify(ids) !== JSON.stringify(plain!.map((item) => item.id))) problems.push('the items differ from those over plain arrays');
    if (new Set(ids).size !== ids.length) problems.push(`${ids.length - new Set(ids).size} repeated ids`);
    const numbers = remembered.map((item) => item.number).filter((number) => typeof number === 'string');
    if (new Set(numbers).size !== numbers.length) problems.push(`${numbers.length - new Set(numbers).size} repeated numbers`);
    const verdict = problems.length > 0 ? problems.join('; ') : 'distinct, as over plain arrays';
    process.stdout.write(`${id} ${listing}: ${remembered.length} items, ${verdict}\n`);
    if (problems.length > 0) failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
