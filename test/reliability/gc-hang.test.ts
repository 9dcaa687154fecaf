import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./gc-drip-script.ts', import.meta.url));

interface Timed {
  outcome: string;
  ms: number;
}

/** Runs the drip scenarios in a child `node --expose-gc` that collects garbage every 200 ms. */
function runUnderCollection(): Promise<Record<'timeout' | 'signal' | 'stuck' | 'next', Timed>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', script],
      { timeout: 45_000, cwd: fileURLToPath(new URL('../..', import.meta.url)) },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout));
      },
    );
  });
}

describe('timeouts and aborts once the garbage collector has run', () => {
  it('stops a dripping body at timeoutMs, an endless one at the caller abort, and frees the concurrency slot', async () => {
    const results = await runUnderCollection();
    // timeoutMs 1000 against a body dripped over 3 s: timed out, not resolved after 3 s.
    expect(results.timeout.outcome).toBe('APIConnectionTimeoutError');
    expect(results.timeout.ms).toBeLessThan(2000);
    // An endless body, the caller aborting after 1 s.
    expect(results.signal.outcome).toBe('APIUserAbortError');
    expect(results.signal.ms).toBeLessThan(2000);
    // maxConcurrentRequests 1: the stuck body times out, and the request queued behind it then runs.
    expect(results.stuck.outcome).toBe('APIConnectionTimeoutError');
    expect(results.next.outcome).toBe('resolved');
    expect(results.next.ms).toBeLessThan(2500);
  }, 60_000);
});
