// `npx tsx bench/in-memory.ts [platform]` (after `npm run build`): the SDK's own cost per page, without
// a network. Every contender gets the same pages from an in-memory `fetch` (answers of the platform's
// sandbox double, kept once made): the SDK's `for await` reading every field, `fetch` + `JSON.parse`,
// and bare ky. Prints microseconds per page, medians of 10 interleaved rounds.
import ky from 'ky';
import { itemsOf, loadSdk } from './listings.js';
import { benchApiKey, benchDouble, pageSize, platformIds, providerOptions } from './platforms.js';
import { median } from './stats.js';

const sdk = await loadSdk();
const total = 10_000;
const baseUrl = 'https://in-memory.example/base';
const only = process.argv[2];

for (const id of only ? [only] : platformIds) {
  const double = await benchDouble(id, total);
  const answers = new Map<string, string>();
  const inMemoryFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const key = `${url.pathname}${url.search}`;
    let body = answers.get(key);
    if (body === undefined) {
      const answer = await double.handle(request, url.pathname.slice('/base'.length), url.searchParams);
      body = await answer.text();
      answers.set(key, body);
    }
    const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    return new Response(body, { status: 200, headers });
  };
  const urls: string[] = [];
  const recording = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(new Request(input, init).url);
    return inMemoryFetch(input, init);
  };
  const clientWith = (fetch: typeof inMemoryFetch) =>
    sdk.createClient({ provider: id, apiKey: benchApiKey, baseUrl, ...providerOptions(id), fetch } as Parameters<typeof sdk.createClient>[0]);
  for await (const _item of clientWith(recording).phoneNumbers.list({ limit: pageSize })) {
    // records the pages
  }
  const client = clientWith(inMemoryFetch);
  const bareKy = ky.create({ retry: 0, timeout: false, fetch: inMemoryFetch });
  const contenders: Record<string, () => Promise<unknown>> = {
    sdk: async () => {
      let fields = 0;
      for await (const item of client.phoneNumbers.list({ limit: pageSize })) {
        const record = item as unknown as Record<string, unknown>;
        for (const key in record) if (record[key] !== undefined) fields++;
      }
      return fields;
    },
    raw: async () => {
      for (const url of urls) itemsOf(JSON.parse(await (await inMemoryFetch(url)).text()));
    },
    ky: async () => {
      for (const url of urls) itemsOf(await bareKy.get(url).json());
    },
  };
  const times: Record<string, number[]> = { sdk: [], raw: [], ky: [] };
  for (let round = 0; round < 12; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const start = performance.now();
      await run();
      if (round >= 2) times[name]!.push(((performance.now() - start) / urls.length) * 1000);
    }
  }
  const perPage = (name: string) => `${median(times[name]!).toFixed(0)} µs`;
  process.stdout.write(`${id}: ${urls.length} pages; per page: SDK ${perPage('sdk')}, fetch + JSON.parse ${perPage('raw')}, bare ky ${perPage('ky')}\n`);
}
