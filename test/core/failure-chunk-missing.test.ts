import { describe, expect, it, vi } from 'vitest';
import { createClient, ResponseValidationError } from '../../src/index.js';
import { failureOf, useSandbox } from '../testing/use-sandbox.js';

// The reading of a failed answer is a chunk loaded at the first one (interpret-response.ts). Should it
// fail to load (an install missing files), the caller still gets a VoiceplaneError, and the request
// is not repeated: the answer came, it could not be read.

vi.mock('../../src/core/transport/failed-response.js', () => {
  throw new Error('Cannot find module failed-response.js');
});

const sandbox = useSandbox();

describe('a failed answer whose reading code cannot be loaded', () => {
  it('is a ResponseValidationError that says so, after one request', async () => {
    const vox = createClient({ ...sandbox().clientOptions('vox'), maxRetries: 2 });
    const failure = await failureOf(vox.phoneNumbers.get('no-such-number'));
    expect(failure).toBeInstanceOf(ResponseValidationError);
    // The loader's own error is quoted (vitest words it around the factory's).
    expect((failure as Error).message).toMatch(/^vox answered, but the answer could not be read \(Error: .+\)\. Report it with the request id if there is one\.$/);
    expect(sandbox().requests).toHaveLength(1);
  });
});
