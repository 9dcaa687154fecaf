import { describeValue } from './describe-value.js';
import { isPlainObject } from './is-plain-object.js';
import { refuser } from './refuse.js';

/**
 * The fields a `phoneNumbers.update` patch gives (those not `undefined`), after the checks every
 * platform makes before its own: the patch is an object, names only fields the platform can change
 * (`fields`, such as `['agentId', 'label']`), and gives at least one. A field is refused, never
 * dropped; each value given is the adapter's to check. A refusal is an `InvalidRequestError` that
 * names the fields the platform takes; nothing is sent.
 */
export function givenPatchFields(provider: string, patch: unknown, fields: readonly string[]): Record<string, unknown> {
  const fail = refuser(provider, 'phoneNumbers.update');
  const takes = fields.join(' and ');
  if (!isPlainObject(patch)) {
    throw fail(`the patch must be an object such as { ${fields[0]}: "..." } (got ${describeValue(patch)}); it takes ${takes}. Nothing was sent.`);
  }
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const others = Object.keys(given).filter((name) => !fields.includes(name));
  if (others.length > 0) {
    throw fail(`the patch takes ${takes} on ${provider}, not ${others.map((name) => `"${name}"`).join(', ')}. Nothing was sent.`);
  }
  if (Object.keys(given).length === 0) {
    const unlink = fields.includes('agentId') ? ' (agentId: null unlinks the agent)' : '';
    throw fail(`the patch is empty; give ${fields.join(' or ')}${unlink}. Nothing was sent.`);
  }
  return given;
}
