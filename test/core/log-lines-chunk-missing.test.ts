import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';
import { apiKey, campaign } from '../helpers/transport-client.js';

// How a URL and headers show in a log line is a chunk loaded when a client that logs is created
// (logger.ts). Requests never wait for it: while it is still loading, and for good should it fail to
// load, a line shows the path and the headers as `[redacted]`, and the key appears in no line.

/** Opens when the test lets the log-lines module arrive, which then fails to load. */
const gate = vi.hoisted(() => {
  let open!: () => void;
  return { opened: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
});
vi.mock('../../src/core/transport/log-lines.js', async () => {
  await gate.opened;
  throw new Error('Cannot find module log-lines.js');
});

const serve = useFaultServer();

/** A client of the fault server that logs everything, with the key in a header, a query and a path. */
function loggingClient(url: string) {
  const lines: string[] = [];
  const write = (line: string) => lines.push(line);
  const client = createClient({
    provider: 'vox',
    apiKey,
    baseUrl: url,
    maxRetries: 1,
    logger: { debug: write, info: write, warn: write, error: write },
    logLevel: 'debug',
    headers: { 'x-api-key': apiKey, 'x-session-token': `sess_${apiKey}` },
  });
  return { client, lines };
}

function expectNoKeyIn(lines: readonly string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toContain(apiKey);
    expect(line).not.toContain(encodeURIComponent(apiKey));
  }
}

describe('log lines whose code has not loaded', () => {
  it('hold no request back while the code is loading, and show paths and headers as [redacted]', async () => {
    const { url, arrivals } = await serve((_request, response, index) =>
      index === 0 ? sendJson(response, 503, {}, { 'retry-after-ms': '1' }) : sendJson(response, 200, campaign),
    );
    const { client, lines } = loggingClient(url);
    expect((await client.campaigns.get(`cmp_${apiKey}`)).id).toBe('cmp_1');
    expect(arrivals).toHaveLength(2);
    expect(lines.some((line) => line.includes('GET [redacted] sending (attempt 1 of 2); headers [redacted]'))).toBe(true);
    expect(lines.some((line) => line.includes('GET [redacted] -> 200'))).toBe(true);
    expectNoKeyIn(lines);
  });

  it('show paths and headers as [redacted] for good once the code failed to load, and requests still go out', async () => {
    gate.open();
    // Let the failed load settle before the requests of this test.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { url, arrivals } = await serve((_request, response) => sendJson(response, 404, { error: `no campaign ${apiKey}` }));
    const { client, lines } = loggingClient(url);
    await expect(client.campaigns.get(`cmp_${apiKey}`)).rejects.toThrow();
    expect(arrivals).toHaveLength(1);
    expect(lines.some((line) => line.includes('GET [redacted] sending (attempt 1 of 2); headers [redacted]'))).toBe(true);
    expectNoKeyIn(lines);
  });
});
