import { createClient } from '../../src/index.js';
import { fixture } from './fixtures.js';
import { http, HttpResponse, server } from './msw.js';
export { failureOf, pathOf } from './outcomes.js';

// Shared by the numbers-assignment test files: where the platform lives, a client, and small tools.

export const base = 'https://numbers.example.test/v1';
export const numbersUrl = `${base}/numbers`;
export const key = 'na_test_key_123';
export const client = () => createClient({ provider: 'numbers-assignment', apiKey: key, baseUrl: base });
export const provider = 'numbers-assignment';

export type Raw = Record<string, unknown>;

/** Serves the two enveloped fixture pages by the `page` query parameter. */
export function serveEnvelopedPages() {
  server.use(
    http.get(numbersUrl, ({ request }) => {
      const page = new URL(request.url).searchParams.get('page');
      return HttpResponse.json(fixture(provider, page === '2' ? 'phone-numbers-page-2' : 'phone-numbers-page-1'));
    }),
  );
}

/** An assignment as the platform would send it, for generated pages. */
export function assignment(index: number): Raw {
  return { id: `pn_${index}`, phoneNumber: `+1415555${String(index).padStart(4, '0')}`, status: 'active' };
}
