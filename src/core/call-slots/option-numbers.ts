import { describeValue } from '../kit/describe-value.js';
import { InvalidRequestError } from '../errors.js';

/** A positive finite number, or `undefined`; `context` starts the message (the function that took the option). */
export function positiveNumber(value: unknown, name: string, context: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidRequestError(`${context}: ${name} must be a positive number (got ${describeValue(value)}).`);
  }
  return value;
}

/** A whole number of 1 or more, or `undefined`; `context` starts the message. */
export function wholeNumber(value: unknown, name: string, context: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidRequestError(`${context}: ${name} must be a whole number of 1 or more (got ${describeValue(value)}).`);
  }
  return value;
}
