import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, ResponseValidationError } from '../../src/index.js';
import { startFaultServer, type FaultHandler, type FaultServer } from '../helpers/fault-server.js';

const apiKey = 'SIZE_CAP_SECRET_KEY_0123456789';
let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: FaultHandler): Promise<FaultServer> {
  server = await startFaultServer(handler);
  return server;
}

const limit = 4096;

/** A vox campaign whose JSON is exactly `bytes` bytes long, with multi-byte characters in it. */
function campaignOfSize(bytes: number): string {
  const base = JSON.stringify({ id: 'cmp_1', name: 'Réunion ☎ ', status: 'ongoing', padding: '' });
  const missing = bytes - Buffer.byteLength(base);
  const text = JSON.stringify({ id: 'cmp_1', name: 'Réunion ☎ ', status: 'ongoing', padding: 'x'.repeat(missing) });
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

function send(response: ServerResponse, body: string, declareLength: boolean): void {
  response.writeHead(200, {
    'content-type': 'application/json',
    ...(declareLength ? { 'content-length': Buffer.byteLength(body) } : {}),
  });
  if (declareLength) return void response.end(body);
  // In three chunks, so that the cap is counted across chunks.
  const bytes = Buffer.from(body);
  const third = Math.floor(bytes.length / 3);
  response.write(bytes.subarray(0, third));
  response.write(bytes.subarray(third, 2 * third));
  response.end(bytes.subarray(2 * third));
}

describe.each([
  ['with a Content-Length', true],
  ['chunked', false],
])('maxResponseBytes at the boundary (%s)', (_name, declareLength) => {
  it('reads a body of exactly maxResponseBytes bytes', async () => {
    const body = campaignOfSize(limit);
    const { url, arrivals } = await serve((_request, response) => send(response, body, declareLength));
    const campaign = await createClient({ provider: 'vox', apiKey, baseUrl: url, maxResponseBytes: limit }).campaigns.get('cmp_1');
    expect(campaign.name).toBe('Réunion ☎ ');
    expect(campaign.raw).toEqual(JSON.parse(body));
    expect(arrivals).toHaveLength(1);
  });

  it('refuses a body one byte longer, in one attempt', async () => {
    const body = campaignOfSize(limit + 1);
    const { url, arrivals } = await serve((_request, response) => send(response, body, declareLength));
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url, maxResponseBytes: limit })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toBe(
      `vox sent a response larger than maxResponseBytes (${limit} bytes); it was not read further. ` +
        'Ask for smaller pages (a lower limit) or raise maxResponseBytes.',
    );
    expect(arrivals).toHaveLength(1);
  });
});

describe('a body that never ends', () => {
  it('is cut at the cap, and the connection is closed instead of drained', async () => {
    const chunk = Buffer.alloc(16 * 1024, 'x');
    let written = 0;
    let closed = false;
    const { url, arrivals } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":"cmp_1","name":"');
      response.on('close', () => (closed = true));
      // Writes as fast as the client reads, for ever, until the client hangs up.
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) written += chunk.length;
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const cap = 256 * 1024;
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url, maxResponseBytes: cap, timeoutMs: 10_000 })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain(`larger than maxResponseBytes (${cap} bytes)`);
    expect(arrivals).toHaveLength(1);
    await expect.poll(() => closed, { timeout: 2000 }).toBe(true);
    const writtenAtClose = written;
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The server stopped when the client hung up; what it wrote is the cap plus socket buffers, not a whole body.
    expect(written).toBe(writtenAtClose);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('a compressed body', () => {
  // Content-Length counts the compressed bytes; fetch hands over the decompressed ones.
  function sendGzip(response: ServerResponse, body: string): void {
    const compressed = gzipSync(body);
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': compressed.length });
    response.end(compressed);
  }

  it('is capped by its decompressed size, not by its Content-Length', async () => {
    const body = JSON.stringify({ id: 'cmp_1', name: 'Big', status: 'ongoing', padding: 'x'.repeat(5_000_000) });
    expect(gzipSync(body).length).toBeLessThan(limit * 4);
    const cap = 100_000;
    const { url, arrivals } = await serve((_request, response) => sendGzip(response, body));
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url, maxResponseBytes: cap })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain(`larger than maxResponseBytes (${cap} bytes)`);
    expect(arrivals).toHaveLength(1);
  });

  it('is read, decompressed, when it fits the cap', async () => {
    const body = campaignOfSize(limit);
    const { url } = await serve((_request, response) => sendGzip(response, body));
    const campaign = await createClient({ provider: 'vox', apiKey, baseUrl: url, maxResponseBytes: limit }).campaigns.get('cmp_1');
    expect(campaign.raw).toEqual(JSON.parse(body));
  });
});
