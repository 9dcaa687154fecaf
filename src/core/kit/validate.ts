import { ResponseValidationError, type ValidationIssue } from '../errors.js';
import type { WireSchema } from '../contract/provider-contract.js';
import { generatedCheck } from './generated-check.js';

/** Builds a value on first use, so that importing the SDK constructs no schema. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/**
 * Checks a wire body against the fields the adapter maps, and says what was wrong and where.
 * Returns the validated value (the body itself when it is valid: the keys the schema leaves out are
 * not stripped, the mapping reads only those it names); throws `ResponseValidationError`, never a zod error.
 */
export function parseWire<Value>(schema: WireSchema<Value>, data: unknown, provider: string, what: string): Value {
  // A valid body is given back as it came, not copied (generated-check.ts); any other goes to zod.
  if (generatedCheck(schema)?.(data)) return data as Value;
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
