import { describeValue } from '../describe-value.js';
import { InvalidRequestError } from '../errors.js';
import { isPlainObject } from '../is-plain-object.js';
import type { Fetch, FetchInit } from './types.js';

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

/**
 * The `fetch` ky is given when the caller brought a `fetch` or `fetchOptions`. ky calls its fetch
 * with a `Request`; a fetch from another copy of undici does not recognise that class and reads it
 * as a URL string ("[object Request]", ERR_INVALID_URL). The request is therefore taken apart
 * here and handed over as `(url, init)`, the way openai-node and retell-sdk call a custom fetch.
 */
export function fetchAdapter(
  custom: Fetch | undefined,
  fetchOptions: Readonly<Record<string, unknown>> | undefined,
): typeof globalThis.fetch {
  // ky calls its fetch with the Request it built and the options it does not know (none here).
  const adapter = async (input: Request, extra?: Record<string, unknown>) => {
    const init: FetchInit & Record<string, unknown> = {
      ...extra,
      ...fetchOptions,
      method: input.method,
      headers: Object.fromEntries(input.headers),
      signal: input.signal,
      redirect: 'manual',
    };
    // The transport's bodies are JSON text, so reading it back costs one small copy.
    if (input.body !== null) init.body = await input.text();
    const send = custom ?? (globalThis.fetch as unknown as Fetch);
    return (await send(input.url, init)) as Response;
  };
  return adapter as typeof globalThis.fetch;
}
