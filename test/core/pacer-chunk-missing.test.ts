import { describe, expect, it, vi } from 'vitest';
import { createClient, VoiceplaneError } from '../../src/index.js';
import { createPacer } from '../../src/core/transport/pacing.js';
import { failureOf, useSandbox } from '../testing/use-sandbox.js';

// Should the pacing chunk fail to load (an install missing files), a client with limits sends nothing
// rather than go unpaced, and says why; a client without limits goes on, without the pause after a 429.

vi.mock('../../src/core/transport/pacer.js', () => {
  throw new Error('Cannot find module pacer.js');
});

const sandbox = useSandbox();

describe('a pacer whose code cannot be loaded', () => {
  it('a client with requestsPerSecond sends nothing, with a VoiceplaneError saying why', async () => {
    const vox = createClient({ ...sandbox().clientOptions('vox'), requestsPerSecond: 5 });
    const failure = await failureOf(vox.phoneNumbers.list());
    expect(failure).toBeInstanceOf(VoiceplaneError);
    expect((failure as Error).message).toBe(
      'vox: the SDK could not load the code that paces requests (requestsPerSecond, maxConcurrentRequests); nothing was sent. ' +
        'Check that the voiceplane package is installed completely.',
    );
    expect(sandbox().requests).toHaveLength(0);
  });

  it('a client without limits lists as ever, and after a 429 goes on without the shared pause', async () => {
    const vox = createClient(sandbox().clientOptions('vox'));
    expect((await vox.phoneNumbers.list({ limit: 5 })).items).toHaveLength(5);
    const pacer = createPacer({}, 'vox');
    pacer.rateLimited(5_000);
    const started = performance.now();
    await pacer.acquire();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
