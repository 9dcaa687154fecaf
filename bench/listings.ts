// The contenders: a listing through the SDK's `for await`, and the same pages fetched by hand with
// `fetch` + `JSON.parse`, following the same cursors. Both count every item they are given.
import { firstQuery, pageSize, type BenchPlatform } from './platforms.js';

/** The built package, as a user imports it (`npm run bench` builds it first). */
export type Sdk = typeof import('../src/index.js');

export async function loadSdk(): Promise<Sdk> {
  return (await import(new URL('../dist/index.js', import.meta.url).href)) as Sdk;
}

const apiKey = 'bench-key';

/** The base URL of one listing on the benchmark server: its platform, the server's delay and the item count. */
export function listingBaseUrl(serverUrl: string, platform: BenchPlatform, delayMs: number, total: number): string {
  return `${serverUrl}/${platform.id}/${delayMs}/${total}`;
}

export type BenchClient = ReturnType<Sdk['createClient']>;

export function createBenchClient(sdk: Sdk, platform: BenchPlatform, baseUrl: string): BenchClient {
  return sdk.createClient({ provider: platform.id, apiKey, baseUrl, ...platform.extraOptions } as Parameters<Sdk['createClient']>[0]);
}

export interface ListingOptions {
  /** Awaited after each full page of items: the consumer's own work. */
  perPage?: () => Promise<void>;
  /** Pages the SDK requests ahead. */
  prefetch?: number;
  /** Called after each page (every `pageSize` items) with the count so far. */
  onPage?: (count: number) => void;
}

export async function sdkListing(client: BenchClient, options: ListingOptions = {}): Promise<number> {
  let count = 0;
  const list = client.phoneNumbers.list({ limit: pageSize }, { prefetch: options.prefetch ?? 0 });
  for await (const number of list) {
    if (number.id === '') throw new Error('an item without an id');
    count++;
    if (count % pageSize === 0) {
      options.onPage?.(count);
      if (options.perPage) await options.perPage();
    }
  }
  return count;
}

export async function rawListing(platform: BenchPlatform, baseUrl: string, options: ListingOptions = {}): Promise<number> {
  const headers = { accept: 'application/json', ...platform.authHeaders(apiKey) };
  let count = 0;
  let query: Record<string, string> | null = firstQuery(platform, pageSize);
  while (query) {
    const response = await fetch(`${baseUrl}${platform.listPath}?${new URLSearchParams(query)}`, { headers });
    const text = await response.text();
    if (!response.ok) throw new Error(`the benchmark server answered ${response.status}: ${text}`);
    const body: unknown = JSON.parse(text);
    for (const item of platform.itemsOf(body)) {
      if (item === null) throw new Error('a null item');
      count++;
    }
    options.onPage?.(count);
    if (options.perPage) await options.perPage();
    query = platform.nextQuery(body, pageSize);
  }
  return count;
}
