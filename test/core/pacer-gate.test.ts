import { describe, expect, it } from 'vitest';
import { createPacer, PacerAbort } from '../../src/core/transport/pacing.js';

// The client's pacer as the transport sees it: the pacing itself is a chunk (pacer.ts) loaded at
// once by a client with limits and at its first 429 by any other.

describe('the client pacer', () => {
  it('without limits, starts every attempt at once and without a timer before any 429', async () => {
    const pacer = createPacer({}, 'vox');
    const timersBefore = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const releases = await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    expect(process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length).toBe(timersBefore);
    expect(pacer.currentRate).toBeUndefined();
    for (const release of releases) release();
  });

  it('without limits, pauses every attempt that comes after a 429, the pacing chunk loaded then', async () => {
    const pacer = createPacer({}, 'vox');
    pacer.rateLimited(150);
    const started = performance.now();
    await Promise.all([pacer.acquire(), pacer.acquire()]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('with limits, paces from the first attempt: two requests a second start 500 ms apart', async () => {
    const pacer = createPacer({ requestsPerSecond: 2 }, 'vox');
    expect(pacer.currentRate).toBe(2);
    const started = performance.now();
    const first = await pacer.acquire();
    const second = await pacer.acquire();
    expect(performance.now() - started).toBeGreaterThanOrEqual(480);
    first();
    second();
  });

  it("refuses at the caller's abort while the pacing chunk is still loading", async () => {
    const pacer = createPacer({ maxConcurrentRequests: 1 }, 'vox');
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toBeInstanceOf(PacerAbort);
  });
});
