import { describe, expect, it, vi } from 'vitest';
import { APIConnectionTimeoutError, APIUserAbortError, createClient } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { failureOf, useSandbox } from '../testing/use-sandbox.js';

// A platform's writes are a chunk loaded at the first write (deferredOperations). A chunk that is slow
// to arrive (a cold disk, a slow CDN in a bundled app) must not hold a call past its own limits: the
// caller's signal and timeoutMs cover the load as they cover the request, and nothing is sent.

/** Opens when the test lets the vox writes module arrive. */
const gate = vi.hoisted(() => {
  let open!: () => void;
  return { opened: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
});
vi.mock('../../src/providers/vox/writes.js', async (importOriginal) => {
  await gate.opened;
  return importOriginal();
});

const sandbox = useSandbox();
const seeds = await sandboxSeed();

// One client throughout: the first write starts the load, and the calls after it wait for the same load.
describe('a write whose code is slow to load', () => {
  it("settles at the caller's abort, at its timeoutMs, and is sent once the code has arrived", async () => {
    const vox = createClient({ ...sandbox().clientOptions('vox'), timeoutMs: 50 });
    const campaign = seeds.vox.campaigns.find((each) => each.status === 'ongoing')!;

    const controller = new AbortController();
    const aborted = failureOf(vox.campaigns.pause(campaign.id, { signal: controller.signal, timeoutMs: 60_000 }));
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    expect(await aborted).toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - started).toBeLessThan(1000);

    const timedOut = await failureOf(vox.campaigns.pause(campaign.id));
    expect(timedOut).toBeInstanceOf(APIConnectionTimeoutError);
    expect((timedOut as Error).message).toBe(
      'vox: campaigns.pause: the code of this operation did not load within 50 ms; nothing was sent. Try again, or raise timeoutMs.',
    );
    expect(sandbox().requests).toEqual([]);

    gate.open();
    // A timeout of its own: the request itself may take more than 50 ms on a loaded machine.
    await vox.campaigns.pause(campaign.id, { timeoutMs: 10_000 });
    expect(sandbox().requests).toHaveLength(1);
  });
});
