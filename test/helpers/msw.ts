import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

export { http, HttpResponse } from 'msw';

/** One msw server per test file; a request no handler answers fails the test instead of reaching a real host. */
export const server = setupServer();

/** The requests a test made, as the server saw them. */
export const requests: Request[] = [];

export function useMsw(): void {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', ({ request }) => {
      requests.push(request.clone());
    });
  });
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
}

/** The query of a recorded request as a multimap, so repeated parameters can be asserted. */
export function queryOf(request: Request): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of new URL(request.url).searchParams) (result[name] ??= []).push(value);
  return result;
}
