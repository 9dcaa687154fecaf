// `npx tsx bench/in-memory.ts [platform]` (after `npm run build`): the SDK's own cost per page, without
// a network. Every contender gets the same pages from an in-memory `fetch` installed as the global one
// (answers of the platform's sandbox double, kept once made), so the SDK takes the path it takes by
// default. Contenders, in microseconds per page, medians of 10 interleaved rounds:
// - `sdk`: the SDK's `for await` reading every field, as built in dist/;
// - `fetch + JSON.parse` and `bare ky`: the same pages without the SDK;
// - `JSON.parse`: the pages' texts parsed, no fetch at all;
// - `SDK without transport`: the SDK from src/ with its transport answering the parsed page at once,
//   so what it measures is JSON.parse plus validation, mapping, paging and `for await` (and the
//   building of each page's query); less the line above, it is what the SDK costs per page whatever
//   its HTTP client does. Both SDK contenders must read the same fields of the same pages.
import ky from 'ky';
import { createClient as createSourceClient } from '../src/index.js';
import type { SandboxPlatform } from '../src/core/sandbox/double.js';
import { itemsOf, loadSdk } from './listings.js';
import { benchApiKey, benchDouble, pageSize, platformIds, providerOptions } from './platforms.js';
import { median } from './stats.js';
import { answerRequestsAtOnce } from './without-transport.js';

const sdk = await loadSdk();
const total = 10_000;
const baseUrl = 'https://in-memory.example/base';
const only = process.argv[2];

/** The platform measured now, and its answers by path and query, kept once made. */
let double: SandboxPlatform;
let answers = new Map<string, string>();

async function answerText(path: string, query: URLSearchParams): Promise<string> {
  const key = `${path}?${query}`;
  let text = answers.get(key);
  if (text === undefined) {
    const answer = await double.handle(new Request(`${baseUrl}${key}`), path, query);
    text = await answer.text();
    answers.set(key, text);
  }
  return text;
}

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(new Request(input, init).url);
  const body = await answerText(url.pathname.slice(new URL(baseUrl).pathname.length), url.searchParams);
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  return new Response(body, { status: 200, headers });
};

/** Reads every field of every item, as a user's loop would. */
async function readAll(items: AsyncIterable<unknown>): Promise<number> {
  let fields = 0;
  for await (const item of items) {
    const record = item as Record<string, unknown>;
    for (const key in record) if (record[key] !== undefined) fields++;
  }
  return fields;
}

for (const id of only ? [only] : platformIds) {
  double = await benchDouble(id, total);
  answers = new Map();
  const options = { provider: id, apiKey: benchApiKey, baseUrl, ...providerOptions(id) };
  const client = sdk.createClient(options as Parameters<typeof sdk.createClient>[0]);
  const sourceClient = createSourceClient(options as Parameters<typeof createSourceClient>[0]);
  const urls: string[] = [];
  const measuredFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    urls.push(new Request(input, init).url);
    return measuredFetch(input, init);
  };
  await readAll(client.phoneNumbers.list!({ limit: pageSize }));
  globalThis.fetch = measuredFetch;
  // The source build's transport answers at once, each page fetched once through it (from the
  // in-memory fetch above), then parsed from its kept text.
  const transport = await answerRequestsAtOnce();
  await readAll(sourceClient.phoneNumbers.list!({ limit: pageSize }));
  const texts = [...transport.texts.values()];
  if (texts.length !== urls.length) throw new Error(`${id}: the source build asked ${texts.length} pages, the dist one ${urls.length}`);
  const bareKy = ky.create({ retry: 0, timeout: false });
  const contenders: Record<string, () => Promise<unknown>> = {
    sdk: () => readAll(client.phoneNumbers.list!({ limit: pageSize })),
    raw: async () => {
      for (const url of urls) itemsOf(JSON.parse(await (await fetch(url)).text()));
    },
    ky: async () => {
      for (const url of urls) itemsOf(await bareKy.get(url).json());
    },
    parse: async () => {
      for (const text of texts) itemsOf(JSON.parse(text));
    },
    withoutTransport: () => readAll(sourceClient.phoneNumbers.list!({ limit: pageSize })),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const fieldCount = await contenders.sdk!();
  for (let round = 0; round < 12; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const start = performance.now();
      const result = await run();
      // Both SDK builds must list the same items from the same pages, or their times are not comparable.
      if ((name === 'sdk' || name === 'withoutTransport') && result !== fieldCount) throw new Error(`${id}: ${name} read ${String(result)} fields, expected ${fieldCount}`);
      if (transport.texts.size !== texts.length) throw new Error(`${id}: ${name} asked for pages the recorded listing did not`);
      if (round >= 2) times[name]!.push(((performance.now() - start) / urls.length) * 1000);
    }
  }
  transport.restore();
  const perPage = (name: string) => median(times[name]!);
  const shown = (name: string) => `${perPage(name).toFixed(0)} µs`;
  process.stdout.write(
    `${id}: ${urls.length} pages; per page: SDK ${shown('sdk')}, fetch + JSON.parse ${shown('raw')}, bare ky ${shown('ky')}, ` +
      `JSON.parse ${shown('parse')}, SDK without transport ${shown('withoutTransport')} ` +
      `(validation, mapping, paging, for await: ${(perPage('withoutTransport') - perPage('parse')).toFixed(0)} µs)\n`,
  );
}
