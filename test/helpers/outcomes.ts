/** What a promise that must fail failed with; a fulfilment fails the test. */
export async function failureOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (caught) {
    return caught;
  }
  throw new Error('expected a failure, but the call succeeded');
}

/** The path of a recorded request, still percent-encoded. */
export function pathOf(request: Request): string {
  return new URL(request.url).pathname;
}
