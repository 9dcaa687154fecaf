import { describe, expect, it } from 'vitest';
import { brandErrorClass, NotFoundError, VoiceplaneError } from '../../src/core/errors.js';

describe('error names survive a minifier', () => {
  it('takes the branded public name, not the class name a bundler gave the class', () => {
    // What a minified bundle holds: the class renamed, the brand still naming it.
    const s = class extends VoiceplaneError {};
    brandErrorClass(s, 'PublicNameError');
    expect(new s('failed').name).toBe('PublicNameError');
    expect(String(new s('failed'))).toBe('PublicNameError: failed');
  });

  it("gives the SDK's classes their names and a caller's own subclass its class name", () => {
    expect(new NotFoundError('gone', { provider: 'vox', status: 404 } as never).name).toBe('NotFoundError');
    class MySdkFailure extends VoiceplaneError {}
    expect(new MySdkFailure('mine').name).toBe('MySdkFailure');
  });
});
