import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/core/kit/describe-value.js';

describe('describeValue', () => {
  it('quotes strings as JSON, control characters escaped', () => {
    expect(describeValue('vox')).toBe('"vox"');
    expect(describeValue('a\u001b[31mb\n')).toBe('"a\\u001b[31mb\\n"');
  });

  it('writes numbers, booleans, undefined and null as they are', () => {
    expect(describeValue(12)).toBe('12');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
  });

  it('writes a BigInt with its n, alone or inside an object', () => {
    expect(describeValue(12n)).toBe('12n');
    expect(describeValue({ limit: 3n })).toBe('{"limit":"3n"}');
  });

  it('writes a symbol and a function without throwing', () => {
    expect(describeValue(Symbol('x'))).toBe('Symbol(x)');
    expect(describeValue(() => 1)).toBe('a function');
  });

  it('marks a cycle instead of throwing', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('{"a":1,"self":"[Circular]"}');
  });

  it('names the kind of value when reading it throws', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('no'); }, get: () => { throw new Error('no'); } });
    expect(describeValue(hostile)).toBe('an object');
    const withThrowingJson = { toJSON: () => { throw new Error('no'); } };
    expect(describeValue(withThrowingJson)).toBe('an object');
    const revocable = Proxy.revocable([], {});
    revocable.revoke();
    expect(describeValue(revocable.proxy)).toBe('an object');
  });

  it('cuts a long value at 80 characters', () => {
    const text = describeValue('x'.repeat(500));
    expect(text).toHaveLength(80);
    expect(text.endsWith('…')).toBe(true);
  });

  it('writes a Date as its ISO form', () => {
    expect(describeValue(new Date(0))).toBe('Date 1970-01-01T00:00:00.000Z');
    expect(describeValue(new Date(Number.NaN))).toBe('an invalid Date');
  });
});
