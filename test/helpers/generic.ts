import { afterEach, beforeEach, vi } from 'vitest';
import { createClient } from '../../src/index.js';
import { fixture } from './fixtures.js';
import { http, HttpResponse, server } from './msw.js';
export { failureOf } from './outcomes.js';

// Shared by the generic test files: where the platform lives, a client, and its fixtures served.

export const base = 'https://api.example.com';
export const numbersUrl = `${base}/api/phone-numbers`;
export const apiKey = 'gen_test_key_123';
export const generic = (options: { maxRetries?: number } = {}) =>
  createClient({ provider: 'generic', apiKey, baseUrl: base, organizationId: 'org_42', ...options });

export type Envelope = { data: Record<string, unknown>[]; pagination: Record<string, unknown> };

/** The developer's own environment must not answer for an option a test leaves out. */
export function useCleanGenericEnvironment(): void {
  beforeEach(() => {
    vi.stubEnv('GENERIC_API_KEY', undefined);
    vi.stubEnv('GENERIC_BASE_URL', undefined);
    vi.stubEnv('GENERIC_ORGANIZATION_ID', undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
}

/** Answers every list request with `body`. */
export function serve(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  server.use(http.get(numbersUrl, () => HttpResponse.json(body as Record<string, unknown>, init)));
}

export const secondCursor = 'cur_eyJhZnRlciI6InBob25fYzNkNCJ9';

/** Serves the two pages of assigned numbers, the second for `secondCursor`. */
export function serveAssignedPages() {
  server.use(
    http.get(numbersUrl, ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return HttpResponse.json(
        fixture('generic', cursor === secondCursor ? 'phone-numbers-assigned-page-2' : 'phone-numbers-assigned-page-1'),
      );
    }),
  );
}

