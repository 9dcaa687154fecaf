import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/core/errors.js';
import { givenPatchFields } from '../../src/core/kit/number-patch.js';

const fields = ['agentId', 'label'];

describe('givenPatchFields', () => {
  it('answers the fields given, leaving out those set to undefined; null is a value (it unlinks or clears)', () => {
    expect(givenPatchFields('vapi', { agentId: null, label: undefined }, fields)).toEqual({ agentId: null });
    expect(givenPatchFields('vapi', { agentId: 'a', label: 'Desk' }, fields)).toEqual({ agentId: 'a', label: 'Desk' });
  });

  it.each([
    [null, 'the patch must be an object such as { agentId: "..." } (got null); it takes agentId and label. Nothing was sent.'],
    [['agentId'], 'the patch must be an object such as { agentId: "..." } (got ["agentId"]); it takes agentId and label. Nothing was sent.'],
    [{ status: 'inactive' }, 'the patch takes agentId and label on vapi, not "status". Nothing was sent.'],
    [{ agentId: 'a', status: 'inactive', memo: 'x' }, 'the patch takes agentId and label on vapi, not "status", "memo". Nothing was sent.'],
    [{}, 'the patch is empty; give agentId or label (agentId: null unlinks the agent). Nothing was sent.'],
    [{ label: undefined }, 'the patch is empty; give agentId or label (agentId: null unlinks the agent). Nothing was sent.'],
  ])('refuses %j, naming what the platform takes', (patch, message) => {
    const refuse = () => givenPatchFields('vapi', patch, fields);
    expect(refuse).toThrow(InvalidRequestError);
    expect(refuse).toThrow(`vapi: phoneNumbers.update: ${message}`);
  });
});
