import { expect, vi } from 'vitest';
import { createRequestLog, loggablePath } from '../../src/core/transport/logger.js';

/**
 * Starts loading the code of log lines, as a client that logs does when it is created, and waits
 * until it has loaded. Requests never wait for it (until then a line shows the path and headers as
 * `[redacted]`), so a suite that reads whole lines from its first request calls this first.
 */
export async function logLinesLoaded(): Promise<void> {
  createRequestLog({ logger: { debug: () => {} }, logLevel: 'debug' }, 'test');
  await vi.waitFor(() => expect(loggablePath('http://127.0.0.1/loaded', [])).toBe('/loaded'));
}
