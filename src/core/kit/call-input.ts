import type { CallListParams, CreateCallInput } from '../call-types.js';
import { describeValue } from './describe-value.js';
import { isPlainObject } from './is-plain-object.js';
import type { ProviderKit } from '../contract/provider-contract.js';
import { refuser } from './refuse.js';

/** A `calls.create` input that passed every check. */
export interface CheckedCallInput {
  /** The agent that places the call. */
  agentId: string;
  /** The `PhoneNumber.id` of the number the call comes from. */
  fromNumberId: string;
  /** The number to call, in E.164. */
  toE164: string;
  /** The call's variables; `null` when none were given. */
  variables: Record<string, string> | null;
  /** The caller's metadata; `null` when none was given. */
  metadata: Record<string, string> | null;
}

const fields = ['agentId', 'fromNumberId', 'to', 'variables', 'metadata'];

/**
 * Checks a `calls.create` input before any request: an agent, a from-number id, a `to` readable as a
 * phone number (E.164, or national with the client's `defaultCountry`), variables and metadata as
 * objects of texts. A mistake is an `InvalidRequestError` naming the field; nothing is sent.
 */
export async function checkCallInput(kit: ProviderKit, input: unknown): Promise<CheckedCallInput> {
  const fail = refuser(kit.provider, 'calls.create');
  if (!isPlainObject(input)) throw fail('input must be an object such as { agentId, fromNumberId, to }. Nothing was sent.');
  const unknown = Object.keys(input).filter((name) => !fields.includes(name) && input[name] !== undefined);
  if (unknown.length > 0) throw fail(`does not take ${unknown.map((name) => `"${name}"`).join(', ')}; it takes ${fields.join(', ')}. Nothing was sent.`);
  const { agentId, fromNumberId, to, variables, metadata } = input as Partial<CreateCallInput>;
  const text = (value: unknown, field: string): string => {
    if (typeof value !== 'string' || value.trim() === '') throw fail(`${field} must be a non-empty string (got ${describeValue(value)}). Nothing was sent.`);
    return value;
  };
  const texts = (value: unknown, field: string): Record<string, string> | null => {
    if (value === undefined) return null;
    if (!isPlainObject(value)) throw fail(`${field} must be an object of texts (got ${describeValue(value)}). Nothing was sent.`);
    const copy: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string') throw fail(`${field}.${key} must be a text (got ${describeValue(entry)}). Nothing was sent.`);
      copy[key] = entry;
    }
    return copy;
  };
  const checked = { agentId: text(agentId, 'agentId'), fromNumberId: text(fromNumberId, 'fromNumberId') };
  if (checked.fromNumberId === '.' || checked.fromNumberId === '..') {
    throw fail(`fromNumberId "${checked.fromNumberId}" is not a valid id: it would change the request path. Nothing was sent.`);
  }
  const given = text(to, 'to').trim();
  const e164 = given.startsWith('+') || kit.defaultCountry ? (await kit.e164Formatter())(given) : null;
  if (e164 === null) {
    throw fail(
      `to ${describeValue(to)} cannot be read as a phone number` +
        (kit.defaultCountry
          ? ` (national numbers are read as ${kit.defaultCountry}'s). Nothing was sent.`
          : '; give it in E.164 (+14155550100), or set defaultCountry for national numbers. Nothing was sent.'),
    );
  }
  return { ...checked, toE164: e164, variables: texts(variables, 'variables'), metadata: texts(metadata, 'metadata') };
}

/**
 * Checks the time window of `calls.list` before any request: each bound a valid `Date`, and
 * `startedAfter` not later than `startedBefore` (such a window holds no call; it is a mistake).
 */
export function checkCallWindow(provider: string, params: CallListParams): void {
  const fail = refuser(provider, 'calls.list');
  for (const field of ['startedAfter', 'startedBefore'] as const) {
    const value = params[field];
    if (value !== undefined && (!(value instanceof Date) || Number.isNaN(value.getTime()))) {
      throw fail(`${field} must be a valid Date (got ${describeValue(value)}). Nothing was sent.`);
    }
  }
  const { startedAfter, startedBefore } = params;
  if (startedAfter && startedBefore && startedAfter.getTime() > startedBefore.getTime()) {
    throw fail(
      `startedAfter (${startedAfter.toISOString()}) is later than startedBefore (${startedBefore.toISOString()}), a window no call fits in; swap them. Nothing was sent.`,
    );
  }
}

/** Whether a mapped call started inside the window the list asked for (`startedAfter` inclusive, `startedBefore` exclusive). */
export function startedInWindow(startedAt: Date | null, params: CallListParams): boolean {
  const { startedAfter, startedBefore } = params;
  if (!startedAfter && !startedBefore) return true;
  if (startedAt === null) return false;
  const at = startedAt.getTime();
  return (!startedAfter || at >= startedAfter.getTime()) && (!startedBefore || at < startedBefore.getTime());
}
