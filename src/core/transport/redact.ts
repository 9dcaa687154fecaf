/** What a log line or an error shows in place of a secret (a key, a credential header's value). */
export const redactedPlaceholder = '[redacted]';

/** Replaces every occurrence of a secret in a text. Secrets shorter than 4 characters are not searched for. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && result.includes(secret)) result = result.split(secret).join(redactedPlaceholder);
  }
  return result;
}

/**
 * The forms in which a platform may echo the key: as sent, JSON-escaped (inside a text that quotes
 * JSON), percent-encoded (in a URL) and lower-cased (in a host name, which URLs lower-case).
 */
export function secretForms(key: string): string[] {
  const forms = new Set([key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key), key.toLowerCase()]);
  forms.add(encodeURIComponent(key).toLowerCase());
  return [...forms];
}

/** How deep `redactDeep` copies; anything deeper is replaced whole (an error envelope is a few levels deep). */
export const maxBodyDepth = 32;
const tooDeep = '[nested too deep]';

/**
 * A copy of a parsed body with every secret replaced, so an error body that echoes the key shows it
 * nowhere. Bounded: below `maxBodyDepth` levels a value is replaced by a marker, so that a body of
 * 2,000 nested arrays costs no stack overflow. Keys are defined, not assigned, so a `__proto__` key
 * stays an ordinary property, as `JSON.parse` made it, instead of becoming the copy's prototype.
 */
export function redactDeep(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxBodyDepth) return tooDeep;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, key, { value: redactDeep(item, secrets, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return copy;
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
