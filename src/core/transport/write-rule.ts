// The rule that a write which is not idempotent is never sent twice, on any path: ky retries only
// the methods named here, and a redirect is followed only for them (redirect.ts). POST and PATCH may
// have taken effect when their answer is lost, so sending them again could do the change twice.

/** The methods ky may retry (its `retry.methods`, lower case as ky compares them). */
export const retryableMethods: readonly ('get' | 'put' | 'delete')[] = ['get', 'put', 'delete'];

/** Whether a request with this method may be sent again: GET, PUT and DELETE, never POST or PATCH. */
export function mayBeSentAgain(method: string): boolean {
  return (retryableMethods as readonly string[]).includes(method.toLowerCase());
}
