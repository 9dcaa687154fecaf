/**
 * A check generated from a zod schema: a function that answers whether zod would accept a value,
 * without building zod's parsed copy (no object, array or issue is allocated for a valid body). The
 * kit runs it first and hands any body it refuses to zod's own `safeParse`, so the errors, and what
 * is refused, stay zod's: the check only saves the copy of a valid body.
 *
 * Generated only for schemas whose parse gives back the value it was handed, bar the keys an object
 * strips: strings, numbers, booleans, literals, objects (stripping or loose), arrays, unions,
 * optional, nullable, unknown. A record, a check (`minLength`...), a string format or a union zod
 * decides by a discriminator is asked of zod for that value alone. Anything that can change the
 * value (a default, a transform, a pipe, coercion, an overwriting check) and any type not listed:
 * no check, zod alone. Where code generation is refused (`new Function` throws, as on workerd, or
 * zod's own `jitless` setting is on), zod alone too.
 */
import * as z from 'zod/mini';

/** Answers whether zod's `safeParse` of the schema would succeed on a value. */
export type GeneratedCheck = (value: unknown) => boolean;

/** A schema as zod builds it: what the generator reads of it. */
interface ZodNode {
  _zod: {
    def: ZodDefinition;
    optin?: 'optional' | 'defaulted' | undefined;
  };
  safeParse?: (value: unknown) => { success: boolean };
}

interface ZodDefinition {
  type: string;
  checks?: readonly { _zod: { def: { check: string } } }[];
  coerce?: boolean;
  format?: string;
  shape?: Record<string, ZodNode>;
  catchall?: ZodNode;
  element?: ZodNode;
  options?: readonly ZodNode[];
  discriminator?: string;
  inclusive?: boolean;
  innerType?: ZodNode;
  values?: readonly unknown[];
  keyType?: ZodNode;
  valueType?: ZodNode;
}

/** Thrown while generating: the schema can change a value, so it gets no check. */
class NotGenerated extends Error {}

const checks = new WeakMap<object, GeneratedCheck | null>();

/** The check of `schema`, generated on first use; `null` where zod alone must run. */
export function generatedCheck(schema: object): GeneratedCheck | null {
  let check = checks.get(schema);
  if (check === undefined) {
    check = generate(schema as ZodNode);
    checks.set(schema, check);
  }
  return check;
}

function generate(schema: ZodNode): GeneratedCheck | null {
  // zod's own switch for environments that forbid code generation.
  if (z.config().jitless) return null;
  const generator = new Generator();
  let source: string;
  try {
    const condition = generator.condition(schema, 'value');
    source = `${generator.functions.join('\n')}\nreturn function check(value) { return ${condition}; };`;
  } catch (error) {
    if (error instanceof NotGenerated) return null;
    throw error;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point of the module; refused where eval is
    return new Function('delegated', 'sets', source)(generator.delegated, generator.sets) as GeneratedCheck;
  } catch {
    // Code generation refused (workerd, a content security policy): zod alone.
    return null;
  }
}

/** Builds the source of a check: one function per object and array, conditions inlined otherwise. */
class Generator {
  readonly functions: string[] = [];
  /** Schemas zod checks itself, for a value alone (records, checks, formats). */
  readonly delegated: ZodNode[] = [];
  /** The values of each literal. */
  readonly sets: Set<unknown>[] = [];
  readonly #names = new Map<ZodNode, string>();

  /** A JavaScript expression, true when zod would accept the value `name` holds (an identifier). */
  condition(schema: ZodNode, name: string): string {
    // A schema written by hand (any object with `safeParse` is a WireSchema) is not zod's.
    const def = (schema as Partial<ZodNode> | undefined)?._zod?.def;
    if (typeof def?.type !== 'string') throw new NotGenerated();
    for (const check of def.checks ?? []) if (check._zod.def.check === 'overwrite') throw new NotGenerated();
    if (def.coerce) throw new NotGenerated();
    if ((def.checks?.length ?? 0) > 0 || def.format !== undefined) return this.#delegate(schema, name);
    switch (def.type) {
      case 'string':
        return `typeof ${name} === 'string'`;
      case 'number':
        return `(typeof ${name} === 'number' && Number.isFinite(${name}))`;
      case 'boolean':
        return `typeof ${name} === 'boolean'`;
      case 'unknown':
      case 'any':
        return 'true';
      case 'literal':
        this.sets.push(new Set(def.values));
        return `sets[${this.sets.length - 1}].has(${name})`;
      case 'optional':
        return `(${name} === undefined || ${this.condition(def.innerType!, name)})`;
      case 'nullable':
        return `(${name} === null || ${this.condition(def.innerType!, name)})`;
      case 'union': {
        const options = def.options ?? [];
        // Which option zod runs is its own business when a discriminator or exclusivity decides.
        if (def.discriminator !== undefined || def.inclusive === false) return this.#delegate(schema, name);
        if (options.length === 0) return 'false';
        return `(${options.map((option) => this.condition(option, name)).join(' || ')})`;
      }
      case 'record':
        // Its key and value types must keep values too; zod checks the keys and the values.
        this.condition(def.keyType!, 'key');
        this.condition(def.valueType!, 'entry');
        return this.#delegate(schema, name);
      case 'object':
        return `${this.#objectFunction(schema)}(${name})`;
      case 'array':
        return `${this.#arrayFunction(schema)}(${name})`;
      default:
        throw new NotGenerated();
    }
  }

  #delegate(schema: ZodNode, name: string): string {
    if (typeof schema.safeParse !== 'function') throw new NotGenerated();
    this.#withoutChanges(schema);
    this.delegated.push(schema);
    return `delegated[${this.delegated.length - 1}].safeParse(${name}).success`;
  }

  /** Refuses a delegated schema whose inner types could change a value (a record's values...). */
  #withoutChanges(schema: ZodNode): void {
    const { def } = schema._zod;
    if (def.coerce) throw new NotGenerated();
    for (const check of def.checks ?? []) if (check._zod.def.check === 'overwrite') throw new NotGenerated();
    const kept = new Set(['string', 'number', 'boolean', 'unknown', 'any', 'never', 'literal', 'optional', 'nullable', 'union', 'record', 'object', 'array']);
    if (!kept.has(def.type)) throw new NotGenerated();
    const inner = [def.innerType, def.element, def.keyType, def.valueType, def.catchall, ...(def.options ?? []), ...Object.values(def.shape ?? {})];
    for (const each of inner) if (each) this.#withoutChanges(each);
  }

  #objectFunction(schema: ZodNode): string {
    const known = this.#names.get(schema);
    if (known) return known;
    const name = `object${this.#names.size}`;
    this.#names.set(schema, name);
    const { def } = schema._zod;
    // A loose object accepts any other key; a strict one or any other catchall is zod's to check.
    if (def.catchall && !['unknown', 'any'].includes(def.catchall._zod.def.type)) return this.#delegateFunction(schema, name);
    const shape = def.shape ?? {};
    if (Object.getOwnPropertySymbols(shape).length > 0) throw new NotGenerated();
    const lines = [`function ${name}(value) {`, "  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;", '  let field;'];
    for (const key of Object.keys(shape)) {
      // zod leaves `__proto__` out of the parse of an object.
      if (key === '__proto__') continue;
      const field = shape[key]!;
      const quoted = JSON.stringify(key);
      let condition = this.condition(field, 'field');
      // A key that must be there, whose schema accepts `undefined`: zod also wants the key present.
      if (field._zod.optin === undefined && acceptsUndefined(field)) condition = `(${quoted} in value) && ${condition}`;
      lines.push(`  field = value[${quoted}];`, `  if (!(${condition})) return false;`);
    }
    lines.push('  return true;', '}');
    this.functions.push(lines.join('\n'));
    return name;
  }

  #delegateFunction(schema: ZodNode, name: string): string {
    this.functions.push(`function ${name}(value) { return ${this.#delegate(schema, 'value')}; }`);
    return name;
  }

  #arrayFunction(schema: ZodNode): string {
    const known = this.#names.get(schema);
    if (known) return known;
    const name = `array${this.#names.size}`;
    this.#names.set(schema, name);
    const element = this.condition(schema._zod.def.element!, 'element');
    this.functions.push(
      [
        `function ${name}(value) {`,
        '  if (!Array.isArray(value)) return false;',
        '  for (let index = 0; index < value.length; index++) {',
        '    const element = value[index];',
        `    if (!(${element})) return false;`,
        '  }',
        '  return true;',
        '}',
      ].join('\n'),
    );
    return name;
  }
}

/** Whether a schema's check passes `undefined` (an absent key reads as that). */
function acceptsUndefined(schema: ZodNode): boolean {
  const { def } = schema._zod;
  switch (def.type) {
    case 'unknown':
    case 'any':
    case 'optional':
      return true;
    case 'nullable':
      return acceptsUndefined(def.innerType!);
    case 'union':
      return (def.options ?? []).some(acceptsUndefined);
    case 'literal':
      return (def.values ?? []).includes(undefined);
    default:
      return false;
  }
}
