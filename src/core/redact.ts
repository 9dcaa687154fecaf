const placeholder = '[redacted]';

/** Replaces every occurrence of a secret in a text. Secrets shorter than 4 characters are not searched for. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && result.includes(secret)) result = result.split(secret).join(placeholder);
  }
  return result;
}

/** A copy of a parsed body with every secret replaced, so an error body that echoes the key shows it nowhere. */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item, secrets);
    return copy;
  }
  return value;
}

/** Own properties of a system error worth keeping on its copy: they say what failed, not with which key. */
const errorFields = ['code', 'errno', 'syscall', 'address', 'port', 'hostname'];

/**
 * A copy of a failure for `error.cause` with every secret removed from its message, stack and own
 * fields, and so on down its cause chain. fetch quotes a header value it refuses (`Headers.append:
 * "Bearer <key>" is an invalid header value`), and `util.inspect(error)` shows the whole chain.
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof cause === 'string') return redactText(cause, secrets);
  if (cause === null || typeof cause !== 'object') return cause;
  if (depth >= 4) return undefined;
  if (!(cause instanceof Error)) return redactDeep(cause, secrets);
  const copy = new Error(redactText(cause.message, secrets));
  copy.name = cause.name;
  copy.stack = redactText(cause.stack ?? `${cause.name}: ${cause.message}`, secrets);
  const fields = cause as unknown as Record<string, unknown>;
  for (const name of errorFields) {
    const value = fields[name];
    if (typeof value === 'string' || typeof value === 'number') (copy as unknown as Record<string, unknown>)[name] = redactCause(value, secrets);
  }
  if (cause.cause !== undefined) copy.cause = redactCause(cause.cause, secrets, depth + 1);
  if (Array.isArray(fields.errors)) {
    (copy as unknown as Record<string, unknown>).errors = fields.errors.map((inner) => redactCause(inner, secrets, depth + 1));
  }
  return copy;
}
