import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponseValidationError } from '../../src/core/errors.js';
import { generatedCheck } from '../../src/core/kit/generated-check.js';
import { parseWire } from '../../src/core/kit/validate.js';
import { providers } from '../../src/providers/registry.js';

/** Every wire schema of every provider: each `...Schema` export of its wire files, built. */
const providersFolder = new URL('../../src/providers/', import.meta.url);
const schemas: { provider: string; name: string; schema: z.ZodMiniType }[] = [];
for (const entry of readdirSync(providersFolder, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const provider = entry.name;
  const folder = new URL(`${provider}/`, providersFolder);
  for (const file of readdirSync(folder).filter((name) => /wire/.test(name) && name.endsWith('.ts') && !name.includes('assumptions'))) {
    const exports = (await import(new URL(file, folder).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (!name.endsWith('Schema') || typeof value !== 'function' || value.length !== 0) continue;
      const schema = (value as () => unknown)();
      if (typeof (schema as { safeParse?: unknown } | null)?.safeParse === 'function') schemas.push({ provider, name, schema: schema as z.ZodMiniType });
    }
  }
}

type Node = { _zod: { def: Record<string, unknown> & { type: string } } };

/** Values zod accepts for `schema`, built from its definition. */
function validValues(schema: Node): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return fc.string({ maxLength: 6 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 1 });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
      return fc.option(validValues(def.innerType as Node), { nil: undefined });
    case 'nullable':
      return fc.option(validValues(def.innerType as Node), { nil: null });
    case 'union':
      return fc.oneof(...(def.options as Node[]).map(validValues));
    case 'array':
      return fc.array(validValues(def.element as Node), { maxLength: 3 });
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 4 }), validValues(def.valueType as Node), { maxKeys: 3 });
    case 'object': {
      const shape = def.shape as Record<string, Node & { _zod: { optin?: string } }>;
      const requiredKeys = Object.keys(shape).filter((key) => shape[key]!._zod.optin === undefined);
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, validValues(field)]));
      // An extra key, which a stripping object drops and must still accept.
      return fc.tuple(fc.record(fields, { requiredKeys }), fc.boolean()).map(([value, extra]) => (extra ? { ...value, extra_key: 1 } : value));
    }
    default:
      throw new Error(`no values for a ${def.type} schema`);
  }
}

const replacements = [undefined, null, 0, Number.NaN, Number.POSITIVE_INFINITY, -0, '', 'text', true, [], {}, [null], { id: 1 }];

/** `value` with one place changed: a key deleted or a value replaced, along a path chosen by `steps`. */
function mutate(value: unknown, steps: readonly number[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(value);
  if (typeof copy !== 'object' || copy === null) return replacement;
  let holder = copy as Record<string, unknown>;
  for (let depth = 0; ; depth++) {
    const keys = Object.keys(holder);
    if (keys.length === 0) return copy;
    const key = keys[steps[depth % steps.length]! % keys.length]!;
    const inner = holder[key];
    if (depth + 1 < steps.length && typeof inner === 'object' && inner !== null && Object.keys(inner).length > 0) {
      holder = inner as Record<string, unknown>;
      continue;
    }
    if (remove && !Array.isArray(holder)) delete holder[key];
    else holder[key] = replacement;
    return copy;
  }
}

/** The seed records of each provider's sandbox double: real wire records, the fixtures of its tests. */
async function seedRecords(provider: string): Promise<unknown[]> {
  const definition = (providers as unknown as Record<string, { sandbox?: () => Promise<{ seed(): object }> }>)[provider];
  if (!definition?.sandbox) return [];
  const seed = (await definition.sandbox()).seed() as Record<string, unknown>;
  return Object.values(seed).filter(Array.isArray).flat();
}

const agrees = (schema: z.ZodMiniType, value: unknown) => {
  const check = generatedCheck(schema)!;
  expect(check(value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
};

describe('the check generated from a zod schema', () => {
  it('is generated for every provider wire schema', () => {
    expect(schemas.length).toBeGreaterThan(20);
    for (const { name, schema } of schemas) expect(generatedCheck(schema), name).not.toBeNull();
  });

  it('accepts and refuses exactly what zod does over every seed record, as an item and as a page', async () => {
    for (const { provider, schema } of schemas) {
      for (const record of await seedRecords(provider)) {
        for (const value of [record, { items: [record] }, { data: [record] }, [record], { phone_numbers: [record] }]) agrees(schema, value);
      }
    }
  });

  it('accepts and refuses exactly what zod does over generated bodies and their mutations', () => {
    for (const { name, schema } of schemas) {
      fc.assert(
        fc.property(
          validValues(schema as unknown as Node),
          fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
          fc.constantFrom(...replacements),
          fc.boolean(),
          (valid, steps, replacement, remove) => {
            expect(generatedCheck(schema)!(valid), `${name}: ${JSON.stringify(valid)}`).toBe(true);
            agrees(schema, mutate(valid, steps, replacement, remove));
          },
        ),
        { numRuns: 60 },
      );
    }
  });

  it('follows zod on optional, nullable, loose, literal, union, record and checked fields', () => {
    const schema = z.object({
      required: z.unknown(),
      optional: z.optional(z.number()),
      both: z.nullish(z.string()),
      loose: z.looseObject({ id: z.string() }),
      kind: z.literal(['a', 'b']),
      either: z.union([z.string(), z.number()]),
      labels: z.record(z.string(), z.string()),
      named: z.string().check(z.minLength(1)),
    });
    const valid = { required: null, both: null, loose: { id: 'x', other: 1 }, kind: 'a', either: 2, labels: { a: 'b' }, named: 'n' };
    agrees(schema, valid);
    expect(generatedCheck(schema)!(valid)).toBe(true);
    for (const changed of [
      { required: undefined },
      { optional: Number.NaN },
      { optional: undefined },
      { both: 1 },
      { loose: { other: 1 } },
      { kind: 'c' },
      { either: true },
      { labels: { a: 1 } },
      { labels: [] },
      { named: '' },
    ]) {
      agrees(schema, { ...valid, ...changed });
    }
    const { required: _required, ...withoutRequired } = valid;
    agrees(schema, withoutRequired);
    expect(generatedCheck(schema)!(withoutRequired)).toBe(false);
  });

  it('is not generated where zod would change the value: defaults, transforms, pipes, a hand-written schema gets none', () => {
    expect(generatedCheck(z.object({ count: z._default(z.number(), 0) }))).toBeNull();
    expect(generatedCheck(z.pipe(z.string(), z.transform((text) => text.length)))).toBeNull();
    expect(generatedCheck(z.object({ name: z.string().check(z.trim()) }))).toBeNull();
    expect(generatedCheck({ safeParse: () => ({ success: true, data: 1 }) })).toBeNull();
    const strict = z.strictObject({ id: z.string() });
    agrees(strict, { id: 'a' });
    agrees(strict, { id: 'a', extra: 1 });
  });
});

describe('parseWire with the generated check', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    z.config({ jitless: false });
  });

  const page = () => z.object({ items: z.array(z.object({ id: z.string(), count: z.nullish(z.number()) })) });

  it('gives a valid body back as it came, without a copy', () => {
    const body = { items: [{ id: 'a', count: 1, extra: true }] };
    expect(parseWire(page(), body, 'vox', 'a page')).toBe(body);
  });

  it('hands an invalid body to zod, whose issues the error reports', () => {
    let caught: unknown;
    try {
      parseWire(page(), { items: [{ id: 1 }] }, 'vox', 'a page of numbers');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ResponseValidationError);
    expect((caught as Error).message).toBe(
      'vox sent a page of numbers that does not match its documented shape: items.0.id: expected string, got number. ' +
        'The platform may have changed its API; report it with the request id if there is one.',
    );
    expect((caught as ResponseValidationError).issues).toEqual([{ path: 'items.0.id', message: 'expected string, got number' }]);
  });

  it('where code generation is refused (new Function throws, as on workerd), zod alone checks, with the same answers', () => {
    const refused = function refused() {
      throw new EvalError('Code generation from strings disallowed for this context');
    };
    vi.stubGlobal('Function', Object.assign(refused, { prototype: Function.prototype }));
    const schema = page();
    expect(generatedCheck(schema)).toBeNull();
    const body = { items: [{ id: 'a', count: null, extra: true }] };
    // zod's parse: a copy, the unknown key stripped.
    expect(parseWire(schema, body, 'vox', 'a page')).toEqual({ items: [{ id: 'a', count: null }] });
    expect(() => parseWire(schema, { items: [{ id: 'a', count: '1' }] }, 'vox', 'a page')).toThrow(ResponseValidationError);
  });

  it("with zod's jitless setting, zod alone checks", () => {
    z.config({ jitless: true });
    expect(generatedCheck(page())).toBeNull();
  });
});
