import { describeValue } from './describe-value.js';
import { isPlainObject } from './is-plain-object.js';
import { isBareNumber, type E164Formatter } from './e164.js';

/** One recipient after the checks: the number in E.164 and its variables. */
export interface CheckedRecipient {
  /** The number in E.164. */
  e164: string;
  /** The number exactly as the caller gave it. */
  given: string;
  /** The recipient's variables; `{}` when none. */
  variables: Record<string, string>;
}

/** How the recipients are read: the client's formatter and country, and how a refusal is worded. */
export interface RecipientReading {
  /** Turns a number into E.164, or `null`. */
  toE164: E164Formatter;
  /** The country of national numbers, or `null` when only E.164 is read. */
  defaultCountry: string | null;
  /** Builds the refusal for a message. */
  fail: (message: string) => Error;
}

/**
 * Checks every recipient: an object with a number that is a phone number and nothing else (text
 * around it, such as "call ... tomorrow" or "ext. 9999", is refused, not parsed out), readable as
 * E.164, the same person at most once, and variables that are texts, kept exactly as given.
 */
export function checkRecipients(recipients: readonly unknown[], reading: RecipientReading): CheckedRecipient[] {
  const { toE164, defaultCountry, fail } = reading;
  const firstIndexOf = new Map<string, number>();
  // Array.from visits every index, so a hole in a sparse list is refused as `undefined` rather than skipped.
  return Array.from(recipients, (recipient: unknown, index) => {
    const where = `recipients[${index}]`;
    if (!isPlainObject(recipient)) throw fail(`${where} must be an object such as { number: '+14155550100' }.`);
    const { number, variables } = recipient;
    if (typeof number !== 'string' || number.trim() === '') throw fail(`${where}.number must be a phone number (got ${describeValue(number)}).`);
    const text = number.trim();
    if (!isBareNumber(text)) {
      throw fail(
        `${where}.number ${describeValue(number)} cannot be read as a phone number: it holds more than a number. ` +
          'Give the number alone (digits, with +, spaces, hyphens, dots or brackets), without words or an extension around it.',
      );
    }
    const e164 = text.startsWith('+') || defaultCountry ? toE164(text) : null;
    if (e164 === null) {
      throw fail(
        `${where}.number ${describeValue(number)} cannot be read as a phone number` +
          (defaultCountry ? ` (national numbers are read as ${defaultCountry}'s).` : '; give it in E.164 (+14155550100), or set defaultCountry for national numbers.'),
      );
    }
    const earlier = firstIndexOf.get(e164);
    if (earlier !== undefined) {
      throw fail(
        `recipients[${earlier}] and ${where} are the same number (${e164}), which would be called twice. ` +
          'Nothing was sent: keep each number once.',
      );
    }
    firstIndexOf.set(e164, index);
    return { e164, given: number, variables: checkVariables(variables, where, fail) };
  });
}

function checkVariables(variables: unknown, where: string, fail: (message: string) => Error): Record<string, string> {
  const checked: Record<string, string> = {};
  if (variables === undefined) return checked;
  if (!isPlainObject(variables)) throw fail(`${where}.variables must be an object of texts.`);
  for (const [key, value] of Object.entries(variables)) {
    if (typeof value !== 'string') throw fail(`${where}.variables.${key} must be a text (got ${describeValue(value)}).`);
    // An own data property: assigning `checked.__proto__ = value` would hit the prototype setter and
    // drop a variable named "__proto__" (from JSON or a spreadsheet) without a word.
    Object.defineProperty(checked, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return checked;
}
