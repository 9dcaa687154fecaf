import ky from 'ky';
import { benchDouble, platformIds, providerOptions } from './platforms.js';
import { loadSdk, itemsOf } from './listings.js';
const sdk = await loadSdk();
const total = 10_000;
for (const id of (process.env.ONLY === 'none' ? [] : process.env.ONLY ? [process.env.ONLY] : platformIds)) {
  const double = await benchDouble(id, total);
  const cache = new Map<string, string>();
  const memFetch = async (input: any, init?: any) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const key = url.pathname + url.search;
    let body = cache.get(key);
    if (body === undefined) {
      const path = url.pathname.replace(/^\/base/, '');
      const r = await double.handle(request, path, url.searchParams);
      body = await r.text();
      cache.set(key, body);
    }
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } });
  };
  const urls: string[] = [];
  const rec = (i: any, n?: any) => { urls.push(new Request(i, n).url); return memFetch(i, n); };
  const client = sdk.createClient({ provider: id, apiKey: 'bench-key', baseUrl: 'https://mem.example/base', ...providerOptions(id), fetch: rec } as any);
  const client2 = sdk.createClient({ provider: id, apiKey: 'bench-key', baseUrl: 'https://mem.example/base', ...providerOptions(id), fetch: memFetch } as any);
  const list = async () => { let n = 0; for await (const x of client2.phoneNumbers.list({ limit: 100 })) { for (const k in x) if ((x as any)[k] !== undefined) n++; } return n; };
  let n = 0; for await (const _ of client.phoneNumbers.list({ limit: 100 })) n++;
  const k = ky.create({ retry: 0, timeout: false, fetch: memFetch });
  const rawf = async () => { let c = 0; for (const u of urls) { const r = await memFetch(u); c += itemsOf(JSON.parse(await r.text())).length; } return c; };
  const kyf = async () => { let c = 0; for (const u of urls) { c += itemsOf(await k.get(u).json()).length; } return c; };
  const times: Record<string, number[]> = { sdk: [], raw: [], ky: [] };
  for (let round = 0; round < (process.env.SDKONLY ? 40 : 12); round++) {
    for (const [name, f] of (process.env.SDKONLY ? [['sdk', list]] : [['sdk', list], ['raw', rawf], ['ky', kyf]]) as any) {
      const t = performance.now(); await f(); const dt = performance.now() - t;
      if (round >= 2) times[name]!.push(dt / urls.length * 1000);
    }
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
  console.log(id, n, 'µs/page: sdk', med(times.sdk!).toFixed(0), 'raw', med(times.raw!).toFixed(0), 'ky', med(times.ky!).toFixed(0));
}
