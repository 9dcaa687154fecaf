import { InvalidRequestError } from '../errors.js';
import type { CallSlotsOptions } from './call-slots.js';
import { positiveNumber, wholeNumber } from './option-numbers.js';

/** The call slot options, checked, with their defaults. */
export interface CheckedCallSlotsOptions {
  maxConcurrentCalls: number;
  callTtlMs: number;
  pollMs: number;
}

/** Checks the options both kinds of call slots take; throws `InvalidRequestError` for a bad value. */
export function checkCallSlotsOptions(options: CallSlotsOptions, context: string): CheckedCallSlotsOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidRequestError(`${context} takes an options object such as { maxConcurrentCalls: 10 }.`);
  }
  const maxConcurrentCalls = wholeNumber(options.maxConcurrentCalls, 'maxConcurrentCalls', context);
  if (maxConcurrentCalls === undefined) {
    throw new InvalidRequestError(`${context}: maxConcurrentCalls is required: the most calls the account may have in flight, such as 10.`);
  }
  return {
    maxConcurrentCalls,
    callTtlMs: positiveNumber(options.callTtlMs, 'callTtlMs', context) ?? 3_600_000,
    pollMs: positiveNumber(options.pollMs, 'pollMs', context) ?? 250,
  };
}
