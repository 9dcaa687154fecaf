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
