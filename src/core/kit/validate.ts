import * as z from 'zod/mini';
import { $constructor, $ZodObjectJIT, type $ZodLooseShape, type $ZodObjectDef } from 'zod/v4/core';
import { ResponseValidationError, type ValidationIssue } from '../errors.js';
import type { WireSchema } from '../provider-contract.js';

/**
 * zod/mini's object on zod's compiled object parser: `z.object` of zod/mini interprets each field of
 * each item, the compiled parser (classic zod's, generated once with `new Function` where the runtime
 * allows it, interpreted elsewhere) took a vox page of 100 from about 100 µs to about 25 µs.
 */
const CompiledObject = /*@__PURE__*/ $constructor('VoiceplaneCompiledObject', (instance: never, definition: $ZodObjectDef) => {
  $ZodObjectJIT.init(instance, definition);
  const miniType: { init(instance: never, definition: never): void } = z.ZodMiniType;
  miniType.init(instance, definition as never);
  z.util.installLazyProp(instance, 'shape', (self) => self._zod.def.shape, false);
});

/** `z.object(shape)` with the compiled parser: for the items of list pages, checked by the hundred. */
export function compiledObject<Shape extends $ZodLooseShape>(shape: Shape): z.ZodMiniObject<Shape, z.core.$strip> {
  return new CompiledObject({ type: 'object', shape } as $ZodObjectDef) as unknown as z.ZodMiniObject<Shape, z.core.$strip>;
}

/** Builds a value on first use, so that importing the SDK constructs no schema. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/**
 * Checks a wire body against the fields the adapter maps, and says what was wrong and where.
 * Returns the validated value; throws `ResponseValidationError`, never a zod error.
 */
export function parseWire<Value>(schema: WireSchema<Value>, data: unknown, provider: string, what: string): Value {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.slice(0, 10).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: describeIssue(issue as unknown as IssueLike),
  }));
  const first = issues[0]!;
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
  throw new ResponseValidationError(
    `${provider} sent ${what} that does not match its documented shape: ${first.path || 'body'}: ${first.message}${more}. ` +
      'The platform may have changed its API; report it with the request id if there is one.',
    { provider, issues },
  );
}

interface IssueLike {
  code: string;
  expected?: string;
  input?: unknown;
  message: string;
}

function describeIssue(issue: IssueLike): string {
  if (issue.code === 'invalid_type' && issue.expected) {
    return `expected ${issue.expected}, got ${issue.input === undefined ? 'nothing' : kindOf(issue.input)}`;
  }
  return issue.message;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
