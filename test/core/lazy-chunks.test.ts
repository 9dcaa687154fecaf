import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { isPhoneLibraryLoaded } from '../../src/core/kit/e164.js';
import { areCompiledObjectsLoaded } from '../../src/core/kit/validate.js';
import { createClient } from '../../src/index.js';
import { collect, useSandbox } from '../testing/use-sandbox.js';

// The code loaded after import, and when: libphonenumber-js only for a number that needs it, zod's
// compiled object parser with the first list page. The order of the tests matters: one module state.

const sandbox = useSandbox({ organizationId: 'org_acme' });

describe('lazy chunks', () => {
  it('lists E.164 wires without loading libphonenumber-js, and validates with the compiled object parser', async () => {
    expect(areCompiledObjectsLoaded()).toBe(false);
    const generic = await collect(createClient(sandbox().clientOptions('generic')).phoneNumbers.list({ limit: 100 }));
    const assignments = await collect(createClient(sandbox().clientOptions('numbers-assignment')).phoneNumbers.list({ limit: 100 }));
    const vogent = await collect(createClient(sandbox().clientOptions('vogent')).phoneNumbers.list({ limit: 100 }));
    const vapi = await collect(createClient(sandbox().clientOptions('vapi')).phoneNumbers.list({ limit: 100 }));
    const retell = await collect(createClient(sandbox().clientOptions('retell')).phoneNumbers.list({ limit: 100 }));
    const bland = await collect(createClient(sandbox().clientOptions('bland')).phoneNumbers.list());
    expect(areCompiledObjectsLoaded()).toBe(true);
    for (const number of [...generic, ...assignments, ...retell, ...bland]) expect(number.e164).toBe(number.number);
    expect(vapi.filter((number) => number.e164 !== null).length).toBeGreaterThan(100);
    expect(vogent.filter((number) => number.e164 !== null).length).toBeGreaterThan(100);
    expect(isPhoneLibraryLoaded()).toBe(false);
  });

  it('loads libphonenumber-js for national numbers, and answers what it answers', async () => {
    const vox = await collect(createClient(sandbox().clientOptions('vox')).phoneNumbers.list({ limit: 100, status: ['active', 'pending', 'canceling', 'inactive'] }));
    expect(isPhoneLibraryLoaded()).toBe(true);
    expect(vox.length).toBe(230);
    for (const number of vox) expect(number.e164).toBe(parsePhoneNumberFromString(number.number, 'KR')?.number ?? null);
  });
});
