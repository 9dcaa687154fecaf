import * as z from 'zod/mini';
import type { $ZodLooseShape } from 'zod/v4/core';
import { ResponseValidationError, type ValidationIssue } from '../errors.js';
import type { WireSchema } from '../contract/provider-contract.js';

type Compiler = typeof import('./compiled-object.js');

let compiler: Compiler | undefined;
let compilerLoading: Promise<unknown> | undefined;

/**
 * Loads zod's compiled object parser (a chunk of its own, see compiled-object.ts). List pages wait for
 * it before their first request; schemas built before it came are rebuilt on their next use.
 */
export function loadCompiledObjects(): Promise<unknown> | undefined {
  if (compiler) return undefined;
  compilerLoading ??= import('./compiled-object.js').then(
    (module) => (compiler = module),
    // Without it, objects stay on zod/mini's interpreted parser: slower, the same answers.
    () => undefined,
  );
  return compilerLoading;
}

/** Whether zod's compiled object parser is loaded (for tests). */
export function areCompiledObjectsLoaded(): boolean {
  return compiler !== undefined;
}

/**
 * `z.object(shape)`, on zod's compiled object parser once it is loaded (`loadCompiledObjects`): for the
 * items of list pages, checked by the hundred. Same answers either way.
 */
export function compiledObject<Shape extends $ZodLooseShape>(shape: Shape): z.ZodMiniObject<Shape, z.core.$strip> {
  return compiler ? compiler.compiledObjectOf(shape) : z.object(shape);
}

/**
 * Builds a value on first use, so that importing the SDK constructs no schema; a schema built before
 * the compiled object parser was loaded is built again once it is.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let compiled = false;
  return () => {
    if (value === undefined || (!compiled && compiler)) {
      compiled = compiler !== undefined;
      value = build();
    }
    return value;
  };
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
