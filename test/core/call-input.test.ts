import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/core/errors.js';
import { loadE164Formatter } from '../../src/core/kit/e164.js';
import { checkCallInput } from '../../src/core/kit/call-input.js';
import type { ProviderKit } from '../../src/core/contract/provider-contract.js';

/** The parts of a kit the check reads: the provider, the default country and the E.164 formatter. */
const kitWith = (defaultCountry: string | null) =>
  ({ provider: 'bland', defaultCountry, e164Formatter: () => loadE164Formatter(defaultCountry) }) as unknown as ProviderKit;

describe('checkCallInput', () => {
  it('answers the checked input: to in E.164, variables and metadata as texts, null when absent', async () => {
    expect(await checkCallInput(kitWith(null), { agentId: 'a1', fromNumberId: 'n1', to: ' +14155550123 ', variables: { first: 'Ada' } })).toEqual({
      agentId: 'a1',
      fromNumberId: 'n1',
      toE164: '+14155550123',
      variables: { first: 'Ada' },
      metadata: null,
    });
  });

  it("reads a national to as the client's default country, and refuses it without one", async () => {
    expect((await checkCallInput(kitWith('KR'), { agentId: 'a', fromNumberId: 'n', to: '010-2345-6789' })).toE164).toBe('+821023456789');
    await expect(checkCallInput(kitWith(null), { agentId: 'a', fromNumberId: 'n', to: '010-2345-6789' })).rejects.toThrow(/give it in E\.164/);
  });

  it.each([
    [{ fromNumberId: 'n', to: '+14155550123' }, /agentId must be a non-empty string/],
    [{ agentId: 'a', fromNumberId: '..', to: '+14155550123' }, /would change the request path/],
    [{ agentId: 'a', fromNumberId: 'n', to: 'call me' }, /cannot be read as a phone number/],
    [{ agentId: 'a', fromNumberId: 'n', to: '+14155550123', variables: { count: 3 } }, /variables\.count must be a text/],
    [{ agentId: 'a', fromNumberId: 'n', to: '+14155550123', priority: 'high' }, /does not take "priority"/],
  ])('refuses %j as an InvalidRequestError naming the field', async (input, message) => {
    const refused = checkCallInput(kitWith(null), input);
    await expect(refused).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(refused).rejects.toThrow(message);
  });
});
