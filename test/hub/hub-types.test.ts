import { describe, expect, expectTypeOf, it } from 'vitest';
import { createHub, type HubFailure, type PhoneNumber, type ProviderId, type VoxClient } from '../../src/index.js';

// Types of the hub, checked by the type checker (npm run typecheck) as well as at run time.

describe('hub types', () => {
  it('gives the typed client of a platform, and ProviderId-typed items and failures', async () => {
    const hub = createHub({ vox: { apiKey: 'k' }, vogent: { apiKey: 'k' } });
    const vox = hub.client('vox');
    expectTypeOf(vox).toEqualTypeOf<VoxClient>();
    expect(vox.provider).toBe('vox');
    expectTypeOf<HubFailure['provider']>().toEqualTypeOf<ProviderId>();
    expectTypeOf(hub.phoneNumbers.listAll).returns.resolves.toHaveProperty('items').toEqualTypeOf<PhoneNumber<ProviderId>[]>();
    // @ts-expect-error vox offers no number delete: the hub's vox client has none
    void vox.phoneNumbers.delete;
  });
});
