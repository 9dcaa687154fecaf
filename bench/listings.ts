// The contenders: a listing through the SDK's `for await`, and the same pages fetched without it, by
// `fetch` + `JSON.parse` and by bare ky. The pages to fetch are those the SDK asked for (recorded once),
// so every contender reads the same bytes in the same order.
import ky from 'ky';
import { benchApiKey, pageSize, providerOptions, type PlatformId } from './platforms.js';

/** The built package, as a user imports it (`npm run bench` builds it first). */
export type Sdk = typeof import('../src/index.js');

export async function loadSdk(): Promise<Sdk> {
  return (await import(new URL('../dist/index.js', import.meta.url).href)) as Sdk;
}

/** The base URL of one listing on the benchmark server: its platform, the server's delay, the item count and what it lists. */
export function listingBaseUrl(serverUrl: string, platform: PlatformId, delayMs: number, total: number, listing: Listing = 'phoneNumbers'): string {
  return `${serverUrl}/${platform}/${delayMs}/${total}/${listing}`;
}

export type BenchClient = ReturnType<Sdk['createClient']>;

/** One page request as the SDK sent it: a GET, or a POST with its body (a platform that reads by POST). */
export interface RecordedPage {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body's text, `undefined` for a GET. */
  body?: string;
}

export function createBenchClient(sdk: Sdk, platform: PlatformId, baseUrl: string, record?: RecordedPage[]): BenchClient {
  const recording: typeof fetch | undefined = record
    ? async (input, init) => {
        const request = new Request(input, init);
        const body = request.method === 'GET' ? undefined : await request.clone().text();
        record.push({ url: request.url, method: request.method, headers: Object.fromEntries(request.headers), ...(body === undefined ? {} : { body }) });
        return fetch(request);
      }
    : undefined;
  const options = { provider: platform, apiKey: benchApiKey, baseUrl, ...providerOptions(platform), ...(recording ? { fetch: recording } : {}) };
  return sdk.createClient(options as Parameters<Sdk['createClient']>[0]);
}

/**
 * What a listing lists: a platform's numbers, or, for memory and prefetch where a platform answers its
 * numbers in one page (nothing streams), its campaigns where those page; and its calls, measured in
 * rows of their own.
 */
export type Listing = 'phoneNumbers' | 'campaigns' | 'calls';

export interface ListingOptions {
  /** The numbers when omitted. */
  listing?: Listing;
  /** Awaited after each full page of items: the consumer's own work. */
  perPage?: () => Promise<void>;
  /** Pages the SDK requests ahead. */
  prefetch?: number;
  /** Called after each page (every `pageSize` items) with the count so far. */
  onPage?: (count: number) => void;
  /** Receives each number the mapping gave an E.164 form (the SDK's numbers only). */
  onNumber?: (e164: string | null, number: string) => void;
  /** The listing stops after this many items (a double that holds more calls than the listing's total). */
  maxItems?: number;
}

/** Every field of every item is read, as a caller who uses the items would. */
export async function sdkListing(client: BenchClient, options: ListingOptions = {}): Promise<number> {
  let count = 0;
  let fields = 0;
  const list = client[options.listing ?? 'phoneNumbers'].list!({ limit: pageSize }, { prefetch: options.prefetch ?? 0 });
  for await (const item of list) {
    const record = item as unknown as Record<string, unknown>;
    for (const key in record) if (record[key] !== undefined) fields++;
    if (item.id === '') throw new Error('an item without an id');
    if (typeof record.e164 === 'string') options.onNumber?.(record.e164, record.number as string);
    count++;
    if (count % pageSize === 0) {
      options.onPage?.(count);
      if (options.perPage) await options.perPage();
    }
    if (count === options.maxItems) break;
  }
  if (count > 0 && fields < count) throw new Error('items without fields');
  return count;
}

/** The items of a page body without knowing its envelope: its longest array (the body itself if an array). */
export function itemsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  let longest: unknown[] = [];
  if (typeof body === 'object' && body !== null) {
    for (const value of Object.values(body)) if (Array.isArray(value) && value.length > longest.length) longest = value;
  }
  return longest;
}

export type ReadPage = (page: RecordedPage) => Promise<unknown>;

/** The recorded request's method, headers and body, for `fetch`. */
export function pageInit({ method, headers, body }: RecordedPage): RequestInit {
  return { method, headers, ...(body === undefined ? {} : { body }) };
}

/** The recorded request through a bare ky instance: a GET, or the POST with its JSON body. */
export function kyRequest(client: typeof ky, { url, method, headers, body }: RecordedPage) {
  return body === undefined ? client.get(url, { headers }) : client(url, { method, headers, json: JSON.parse(body) as unknown });
}

/** `fetch` + `JSON.parse`: the floor. */
export const rawPage: ReadPage = async (page) => {
  const response = await fetch(page.url, pageInit(page));
  const text = await response.text();
  if (!response.ok) throw new Error(`the benchmark server answered ${response.status}: ${text}`);
  return JSON.parse(text);
};

/** Bare ky, as the SDK calls it: what the HTTP client alone costs. */
const bareKy = ky.create({ retry: 0, timeout: false, throwHttpErrors: true });
export const kyPage: ReadPage = (page) => kyRequest(bareKy, page).json();

export async function replayListing(pages: readonly RecordedPage[], read: ReadPage, options: ListingOptions = {}): Promise<number> {
  let count = 0;
  for (const page of pages) {
    for (const item of itemsOf(await read(page))) {
      if (item === null) throw new Error('a null item');
      count++;
    }
    options.onPage?.(count);
    if (options.perPage) await options.perPage();
  }
  return count;
}
