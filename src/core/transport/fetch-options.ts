import { describeValue } from '../kit/describe-value.js';
import { InvalidRequestError } from '../errors.js';
import { isPlainObject } from '../kit/is-plain-object.js';


/** Init fields the transport owns: a `fetchOptions` entry for one would undo a rule (timeouts, redirects, auth). */
const ownedFields: Record<string, string> = {
  method: 'the operation sets the method',
  body: 'the operation sets the body',
  headers: 'pass headers to createClient or to the operation instead',
  signal: "pass a signal in the operation's last argument instead",
  redirect: 'the SDK follows only the redirects it may follow safely, itself',
};

/**
 * Checks the `fetchOptions` option: a plain object (an undici `dispatcher` in it, say), without the
 * fields the transport owns. Returns a frozen copy, so that a later change by the caller is not seen.
 */
export function checkFetchOptions(given: unknown, provider: string): Readonly<Record<string, unknown>> | undefined {
  if (given === undefined) return undefined;
  if (!isPlainObject(given)) {
    throw new InvalidRequestError(
      `${provider}: fetchOptions must be an object of fetch init fields, such as { dispatcher: new Agent() } (got ${describeValue(given)}).`,
      { provider },
    );
  }
  for (const name of Object.keys(given)) {
    const why = ownedFields[name];
    if (why !== undefined) {
      throw new InvalidRequestError(`${provider}: fetchOptions cannot set "${name}": ${why}.`, { provider });
    }
  }
  return Object.freeze({ ...given });
}
