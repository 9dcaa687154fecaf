import { describeValue } from '../describe-value.js';
import { isPlainObject } from '../is-plain-object.js';
import type { ProviderKit } from '../provider-contract.js';
import { refuser } from './refuse.js';

/*
 * The neutral checks of a `calls.create` input, before any request: the twin of `checkCampaignInput`.
 * What a platform needs beyond them (a number in domestic digits, say, or refusing a field it does not
 * keep) stays in that platform's folder, applied to the checked input.
 */

/** A `calls.create` input that passed every check. */
export interface CheckedCallInput {
  /** The agent that places the call. */
  agentId: string;
  /** The `PhoneNumber.id` of the number the call comes from. */
  fromNumberId: string;
  /** The number to call, in E.164. */
  toE164: string;
  /** Values for the agent's prompt; `null` when none were given. */
  variables: Record<string, string> | null;
  /** The caller's own data; `null` when none was given. */
  metadata: Record<string, string> | null;
}

const fields = ['agentId', 'fromNumberId', 'to', 'variables', 'metadata'];

/**
 * Checks a `calls.create` input: an agent, a from-number id (not a path step), a `to` readable as a
 * phone number (E.164, or national with the client's `defaultCountry`), texts for variables and
 * metadata. A mistake is an `InvalidRequestError` naming the field.
 */
export async function checkCallInput(kit: ProviderKit, input: unknown): Promise<CheckedCallInput> {
  const fail = refuser(kit.provider, 'calls.create');
  if (!isPlainObject(input)) throw fail('input must be an object such as { agentId, fromNumberId, to }.');
  const unknown = Object.keys(input).filter((name) => !fields.includes(name) && input[name] !== undefined);
  if (unknown.length > 0) throw fail(`does not take ${unknown.map((name) => `"${name}"`).join(', ')}; it takes ${fields.join(', ')}.`);
  const text = (value: unknown, field: string): string => {
    if (typeof value !== 'string' || value.trim() === '') throw fail(`${field} must be a non-empty string (got ${describeValue(value)}).`);
    return value;
  };
  const agentId = text(input.agentId, 'agentId');
  const fromNumberId = text(input.fromNumberId, 'fromNumberId');
  if (fromNumberId === '.' || fromNumberId === '..') throw fail(`fromNumberId "${fromNumberId}" is not a valid id: it would change the request path.`);
  const to = text(input.to, 'to').trim();
  const toE164 = to.startsWith('+') || kit.defaultCountry ? (await kit.e164Formatter())(to) : null;
  if (toE164 === null) {
    throw fail(
      `to ${describeValue(input.to)} cannot be read as a phone number` +
        (kit.defaultCountry ? ` (national numbers are read as ${kit.defaultCountry}'s). Nothing was sent.` : '; give it in E.164 (+14155550100). Nothing was sent.'),
    );
  }
  return { agentId, fromNumberId, toE164, variables: texts(input.variables, 'variables', fail), metadata: texts(input.metadata, 'metadata', fail) };
}

function texts(value: unknown, field: string, fail: (message: string) => Error): Record<string, string> | null {
  if (value === undefined) return null;
  if (!isPlainObject(value)) throw fail(`${field} must be an object of texts.`);
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw fail(`${field}.${key} must be a text (got ${describeValue(entry)}).`);
    result[key] = entry;
  }
  return result;
}
