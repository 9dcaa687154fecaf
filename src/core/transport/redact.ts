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

/**
 * A copy of a failure for `error.cause` with every secret removed from its message, stack and
 * `code`, and so on down its cause chain. fetch quotes a header value it refuses (`Headers.append:
 * "Bearer <key>" is an invalid header value`), and `util.inspect(error)` shows the whole chain.
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  try {
    if (!(cause instanceof Error)) return depth < 4 ? redactDeep(cause, secrets) : undefined;
    const copy: Error & { code?: unknown } = new Error(redactText(cause.message, secrets));
    copy.name = cause.name;
    copy.stack = redactText(cause.stack ?? `${cause.name}: ${cause.message}`, secrets);
    const { code } = cause as { code?: unknown };
    if (code !== undefined) copy.code = redactDeep(code, secrets);
    if (cause.cause !== undefined && depth < 4) copy.cause = redactCause(cause.cause, secrets, depth + 1);
    return copy;
  } catch {
    // A getter or Proxy that throws: better no cause than one that may hold the key.
    return undefined;
  }
}
